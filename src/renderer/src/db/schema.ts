import type { ExtractionForm as FormDefinition } from '../../../core/extraction/form'
import type { OutcomeRow } from '../../../core/extraction/outcomes'
import type { ExtractionValues } from '../../../core/extraction/values'
import type { OrphanedValues } from '../../../core/extraction/versioning'
import type { CitationRecord } from '../../../core/records/record'
import type { ScreeningResolution } from '../../../core/screening/status'
import type { TaxonomyTerm } from '../../../core/tagging/taxonomy'
import type { ScreeningDecision } from '../../../core/screening/types'

/** ISO 8601 timestamp string. */
export type IsoDate = string

/** How a project screens; edited in the project's Settings. Absent on projects made before it existed. */
export type ScreeningSettings = {
  /** Hide other reviewers' decisions until a record is reconciled. */
  isBlind: boolean
  /** Reasons offered for a full-text exclusion, in key order (1–9 pick the first nine). */
  exclusionReasons: string[]
  /** Words, "phrases" and wild*cards marked green (inclusion) or red (exclusion) while reading. */
  includeTerms: string[]
  excludeTerms: string[]
}

export type Project = {
  id: string
  name: string
  description: string
  createdAt: IsoDate
  updatedAt: IsoDate
  screening?: ScreeningSettings
}

/** A citation as stored: the normalised record plus where it came from and its keys for dedup and search. */
export type StoredRecord = CitationRecord & {
  id: string
  projectId: string
  batchId: string
  /** Lower-case title without punctuation or diacritics, from core's normaliser. */
  titleKey: string
  /** Position of the record in its source file (1-based), so exports can keep file order. */
  sourceIndex: number
}

/**
 * `importing` while its transaction runs; a batch still `importing` when the app starts again was cut off (the app
 * or computer stopped) and holds no records, because its transaction rolled back: it is shown as `interrupted`.
 */
export type ImportBatchStatus = 'importing' | 'committed' | 'interrupted'

export type ImportBatch = {
  id: string
  projectId: string
  fileName: string
  /** Content hash of the file, so importing the same file twice is recognised. */
  hash: string
  format: string
  encoding: string
  source: string
  recordCount: number
  warningCount: number
  status: ImportBatchStatus
  createdAt: IsoDate
  /** The reviewer who imported it. */
  importedBy: string
}

/** Where one record of a duplicate cluster came from: its import batch and source database (PRISMA lineage). */
export type ClusterSource = { recordId: string; batchId: string; source: string }

/** A row copied onto the kept record by a merge, so undoing the merge can remove exactly these copies. */
export type CarriedRow = {
  table: 'decisions' | 'resolutions' | 'recordTags' | 'notes' | 'extractions' | 'outcomes' | 'attachments'
  id: string
  /** When the copy was last changed (a decision's or extraction's own time); undo leaves rows changed since. */
  stamp?: string
}

/**
 * Work on a merged-away record that disagreed with the kept record's: the kept record's value stays, the other is
 * shown to the reviewer instead of being dropped silently.
 */
export type CarryConflict = {
  kind: 'decision' | 'resolution' | 'extraction'
  /** Stage and reviewer of a decision, stage of a resolution, reviewer of an extraction. */
  stage?: string
  reviewerId?: string
  kept: string
  other: string
  otherRecordId: string
}

/**
 * Records found to be the same paper. `suggested` waits for review (or for an automatic merge when `isCertain`);
 * `merged` hides every record but `keepRecordId` from every list; `not-duplicate` is the reviewer's "no", remembered
 * so the pair never comes back.
 */
export type DuplicateCluster = {
  id: string
  projectId: string
  recordIds: string[]
  keepRecordId: string
  status: 'suggested' | 'merged' | 'not-duplicate'
  score: number
  /** Certain enough to merge without review (same DOI or PMID, near-identical metadata). */
  isCertain?: boolean
  /** What decided the match, from core's pair score. */
  reason?: string
  createdAt?: IsoDate
  mergedAt?: IsoDate
  /** Every record's import batch and source, kept so counts per database stay exact after the merge. */
  sources?: ClusterSource[]
  /** The kept record as it was before the merge filled in fields from the others; undoing the merge restores it. */
  keptBefore?: StoredRecord
  /** Decisions, tags, notes, PDFs and extractions copied onto the kept record; undoing the merge removes them. */
  carried?: CarriedRow[]
  /** Work on merged-away records that disagreed with the kept record's (shown, never dropped silently). */
  carryConflicts?: CarryConflict[]
}

export type { DecisionValue, ScreeningStage } from '../../../core/screening/types'

export type Decision = ScreeningDecision & {
  id: string
  projectId: string
}

/** A settled conflict at one stage: one row per record and stage (the latest resolution replaces it). */
export type Resolution = ScreeningResolution & {
  id: string
  projectId: string
}

/**
 * A project taxonomy. Modality and design taxonomies keep their terms inside (`terms`, edited as a whole); the
 * free labels taxonomy (`custom`) keeps its tags as rows of `tags`.
 */
export type Taxonomy = {
  id: string
  projectId: string
  kind: 'modality' | 'design' | 'custom'
  name: string
  terms?: TaxonomyTerm[]
}

export type Tag = {
  id: string
  projectId: string
  taxonomyId: string
  name: string
  /** Words and phrases that reveal the tag in a title or abstract. */
  keywords: string[]
}

/**
 * A tag on a record: a label (`tagId` = a row of `tags`) or a taxonomy term (`taxonomyId` set, `tagId` = the term
 * id). `confirmed: false` records a rejected suggestion, so it is not offered again.
 */
export type RecordTag = {
  id: string
  projectId: string
  recordId: string
  tagId: string
  taxonomyId?: string
  source: 'manual' | 'suggested' | 'publication-type'
  confirmed: boolean
}

/** One version of a project's extraction form; earlier versions stay so values entered under them can migrate. */
export type ExtractionForm = {
  /** `${projectId}:${formId}@v${version}`: two projects may start from the same template. */
  id: string
  projectId: string
  formId: string
  version: number
  definition: FormDefinition
  createdAt: IsoDate
}

/** One reviewer's extraction of one record (reviewer `consensus` holds the reconciled values). */
export type Extraction = {
  /** `${recordId}:${reviewerId}` */
  id: string
  projectId: string
  recordId: string
  reviewerId: string
  formId: string
  formVersion: number
  values: ExtractionValues
  /** Values the current form version has no place for, kept so nothing entered is ever lost. */
  orphaned: OrphanedValues
  status: 'draft' | 'complete'
  updatedAt: IsoDate
}

/** Outcome data in long format: one row per study × arm × outcome × timepoint and reviewer. */
export type Outcome = OutcomeRow & { id: string; projectId: string }

export type Note = {
  id: string
  projectId: string
  recordId: string
  text: string
  createdAt: IsoDate
  /** Who wrote it; absent on notes written before reviewer profiles existed. */
  reviewerId?: string
}

export type Attachment = {
  id: string
  projectId: string
  recordId: string
  fileName: string
  mimeType: string
  data: Blob
}

export type Reviewer = { id: string; projectId: string; name: string; isLocal: boolean }

export type Setting = { key: string; value: unknown }

/**
 * Append-only audit log: every repo write adds one. Undo, the audit trail and merging a teammate's work read it.
 */
export type ReviewEvent = {
  id: string
  projectId: string
  at: IsoDate
  actor: string
  type: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

/** Dexie index strings of the current schema, by table. The primary key comes first. */
export type StoreSchema = Record<string, string>
