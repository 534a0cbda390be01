import { recordExtrasRepo } from '../../db'

const actions = {
  addNote: (projectId: string, recordId: string, text: string, reviewerId: string) =>
    recordExtrasRepo.addNote(projectId, recordId, text, reviewerId),
  attachPdf: (projectId: string, recordId: string, fileName: string, bytes: Uint8Array, actor: string) =>
    recordExtrasRepo.attachPdf(projectId, recordId, fileName, bytes, actor),
}

/** Writes attached to one record: notes and its full-text PDF. */
export function useRecordActions() {
  return actions
}
