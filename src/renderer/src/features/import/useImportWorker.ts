import { useCallback, useEffect, useReducer, useRef } from 'react'

import type { ColumnMapping } from '../../../../core/import/csv-columns'
import type { PickedFile } from '../../platform/types'
import type { CommitChoice, ImportRequest, ImportResponse } from '../../workers/import-protocol'
import { importReducer } from './import-state'

function createWorker(): Worker {
  return new Worker(new URL('../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  })
}

/**
 * Runs imports in a Web Worker: parse files into a preview, then commit the chosen ones. Cancel stops the worker
 * at once (an unfinished write transaction rolls back) and starts a fresh one.
 */
export function useImportWorker(projectId: string) {
  const [state, dispatch] = useReducer(importReducer, { step: 'idle' })
  const workerRef = useRef<Worker | null>(null)

  const connect = useCallback(() => {
    const worker = createWorker()
    worker.addEventListener('message', (event: MessageEvent<ImportResponse>) =>
      dispatch({ type: 'response', response: event.data }),
    )
    worker.addEventListener('error', (event) =>
      dispatch({ type: 'worker-crashed', message: event.message || 'The import stopped unexpectedly.' }),
    )
    workerRef.current = worker
    return worker
  }, [])

  useEffect(() => {
    connect()
    return () => workerRef.current?.terminate()
  }, [connect])

  const send = useCallback(
    (request: ImportRequest, transfer: Transferable[] = []) =>
      (workerRef.current ?? connect()).postMessage(request, transfer),
    [connect],
  )

  const parse = useCallback(
    (files: PickedFile[]) => {
      dispatch({ type: 'start-parse', fileNames: files.map((file) => file.name) })
      const payload = files.map((file) => ({ name: file.name, bytes: file.bytes }))
      send(
        { type: 'parse', projectId, files: payload },
        payload.map((file) => file.bytes.buffer),
      )
    },
    [projectId, send],
  )

  const commit = useCallback(
    (choices: CommitChoice[]) => {
      dispatch({ type: 'start-commit' })
      send({ type: 'commit', projectId, choices })
    },
    [projectId, send],
  )

  const remap = useCallback(
    (fileIndex: number, mapping: ColumnMapping) => send({ type: 'remap', projectId, fileIndex, mapping }),
    [projectId, send],
  )

  const cancel = useCallback(() => {
    workerRef.current?.terminate()
    connect()
    dispatch({ type: 'cancel' })
  }, [connect])

  const reset = useCallback(() => dispatch({ type: 'reset' }), [])

  return { state, parse, commit, remap, cancel, reset }
}
