/**
 * What the synthesis knows about one included study (a record after screening), gathered by the caller from the
 * record, its tags and its extraction.
 */
export type StudyInfo = {
  recordId: string
  /** The id shown in tables and exports (e.g. "Smith 2004a" or a PMID); the record id when empty. */
  studyId: string
  firstAuthor: string
  year: number | null
  /** Patients in the study, when known. */
  n: number | null
  /** Study design label (or design id), '' when not tagged. */
  design: string
  /** Modality labels tagged on the record; used for arms whose own modality is blank. */
  modalities: readonly string[]
}

/** Modality shown for studies and arms nobody classified, so they are visible rather than dropped. */
export const unclassifiedModality = 'Unclassified'

/** Design shown for studies without a design tag. */
export const unclassifiedDesign = 'Design not tagged'
