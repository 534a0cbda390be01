import { importsRepo } from '../../db'

let startupCheck: Promise<number> | null = null

const actions = {
  undoImport: (batchId: string) => importsRepo.undo(batchId),
  dismissInterrupted: (batchId: string) => importsRepo.dismissInterrupted(batchId),
  /**
   * Marks imports left unfinished by an earlier run as interrupted. Once per app start: later in the same run, an
   * `importing` batch is one that is being written right now.
   */
  markInterruptedOnce: () => (startupCheck ??= importsRepo.markInterrupted()),
}

/** Writes of the import page besides the worker's: undoing a batch, clearing an interrupted one. */
export function useImportActions() {
  return actions
}
