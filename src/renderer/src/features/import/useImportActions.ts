import { importsRepo } from '../../db'

/** Writes of the import page besides the worker's: undoing a batch, clearing an interrupted one. */
export function useImportActions() {
  return {
    undoImport: (batchId: string) => importsRepo.undo(batchId),
    dismissInterrupted: (batchId: string) => importsRepo.dismissInterrupted(batchId),
    markInterrupted: () => importsRepo.markInterrupted(),
  }
}
