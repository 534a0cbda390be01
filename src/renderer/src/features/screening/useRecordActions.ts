import { labelsRepo, recordExtrasRepo } from '../../db'

const actions = {
  addLabel: (projectId: string, recordId: string, name: string, actor: string) =>
    labelsRepo.add(projectId, recordId, name, actor),
  removeLabel: (projectId: string, recordTagId: string, actor: string) =>
    labelsRepo.remove(projectId, recordTagId, actor),
  addNote: (projectId: string, recordId: string, text: string, reviewerId: string) =>
    recordExtrasRepo.addNote(projectId, recordId, text, reviewerId),
  attachPdf: (projectId: string, recordId: string, fileName: string, bytes: Uint8Array, actor: string) =>
    recordExtrasRepo.attachPdf(projectId, recordId, fileName, bytes, actor),
}

/** Writes attached to one record: notes, labels and its full-text PDF. */
export function useRecordActions() {
  return actions
}
