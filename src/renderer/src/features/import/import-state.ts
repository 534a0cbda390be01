import type {
  CommittedBatch,
  FilePreview,
  ImportProgress,
  ImportResponse,
} from '../../workers/import-protocol'

/** Where the import flow is: choosing files, reading them, previewing, writing, or finished. */
export type ImportState =
  | { step: 'idle' }
  | { step: 'parsing'; fileNames: string[]; progress: ImportProgress | null }
  | { step: 'preview'; files: FilePreview[] }
  | { step: 'committing'; files: FilePreview[]; progress: ImportProgress | null }
  | { step: 'done'; batches: CommittedBatch[]; error: string | null; wasCancelled: boolean }

export type ImportAction =
  | { type: 'start-parse'; fileNames: string[] }
  | { type: 'start-commit' }
  | { type: 'cancel' }
  | { type: 'reset' }
  | { type: 'worker-crashed'; message: string }
  | { type: 'response'; response: ImportResponse }

/** The import flow's transitions; the hook only forwards worker messages and user actions here. */
export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'start-parse':
      return { step: 'parsing', fileNames: action.fileNames, progress: null }
    case 'start-commit':
      return state.step === 'preview' ? { step: 'committing', files: state.files, progress: null } : state
    case 'cancel':
      // A cancelled write rolls back inside IndexedDB: the batch being written leaves no records.
      return state.step === 'committing'
        ? { step: 'done', batches: [], error: null, wasCancelled: true }
        : { step: 'idle' }
    case 'reset':
      return { step: 'idle' }
    case 'worker-crashed':
      return { step: 'done', batches: [], error: action.message, wasCancelled: false }
    case 'response':
      return applyResponse(state, action.response)
  }
}

function applyResponse(state: ImportState, response: ImportResponse): ImportState {
  switch (response.type) {
    case 'progress':
      if (state.step === 'parsing' || state.step === 'committing') return { ...state, progress: response }
      return state
    case 'parsed':
      return state.step === 'parsing' ? { step: 'preview', files: response.files } : state
    case 'remapped':
      if (state.step !== 'preview') return state
      return {
        step: 'preview',
        files: state.files.map((file, index) => (index === response.fileIndex ? response.file : file)),
      }
    case 'committed':
      return { step: 'done', batches: response.batches, error: null, wasCancelled: false }
    case 'failed':
      return { step: 'done', batches: response.batches, error: response.message, wasCancelled: false }
  }
}
