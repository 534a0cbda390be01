/// <reference lib="webworker" />
import { importsRepo } from '../db'
import type { ImportRequest, ImportResponse } from './import-protocol'
import { ImportSession } from './import-session'

// Parsing and writing run here, off the UI thread: a 100,000-record file never freezes the window.
const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (message: ImportResponse) => scope.postMessage(message)
const session = new ImportSession(importsRepo, (progress) => post({ type: 'progress', ...progress }))

scope.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  void handle(event.data)
})

async function handle(request: ImportRequest): Promise<void> {
  try {
    if (request.type === 'parse') {
      post({ type: 'parsed', files: await session.parse(request.projectId, request.files) })
      return
    }
    if (request.type === 'remap') {
      const file = await session.remap(request.projectId, request.fileIndex, request.mapping)
      post({ type: 'remapped', fileIndex: request.fileIndex, file })
      return
    }
    const { batches, error } = await session.commit(request.projectId, request.choices)
    post(error === null ? { type: 'committed', batches } : { type: 'failed', message: error, batches })
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error), batches: [] })
  }
}
