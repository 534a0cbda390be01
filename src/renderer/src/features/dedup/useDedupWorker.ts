import { useCallback, useEffect, useRef, useState } from 'react'

import type { DedupFindings } from '../../db/repos/dedup'
import type { DedupRequest, DedupResponse, DedupRunProgress } from '../../workers/dedup-protocol'

export type DedupRunState =
  | { step: 'idle' }
  | { step: 'running'; progress: DedupRunProgress | null }
  | { step: 'done'; findings: DedupFindings & { recordCount: number } }
  | { step: 'failed'; message: string }
  | { step: 'cancelled' }

function createWorker(): Worker {
  return new Worker(new URL('../../workers/dedup.worker.ts', import.meta.url), {
    type: 'module',
    name: 'dedup',
  })
}

/**
 * Runs "Find duplicates" in a Web Worker. Cancel stops the worker at once (its single write transaction rolls
 * back, so nothing half-saved remains); the next run starts a fresh worker.
 */
export function useDedupWorker(projectId: string) {
  const [state, setState] = useState<DedupRunState>({ step: 'idle' })
  const workerRef = useRef<Worker | null>(null)

  const stop = useCallback(() => {
    workerRef.current?.terminate()
    workerRef.current = null
  }, [])

  useEffect(() => stop, [stop])

  const find = useCallback(
    (isAutoMerge: boolean) => {
      stop()
      const worker = createWorker()
      workerRef.current = worker
      worker.addEventListener('message', (event: MessageEvent<DedupResponse>) => {
        const message = event.data
        if (message.type === 'progress') {
          const { type: _type, ...progress } = message
          setState({ step: 'running', progress })
        } else if (message.type === 'done') {
          const { type: _type, ...findings } = message
          setState({ step: 'done', findings })
          stop()
        } else {
          setState({ step: 'failed', message: message.message })
          stop()
        }
      })
      worker.addEventListener('error', (event) => {
        setState({ step: 'failed', message: event.message || 'Finding duplicates stopped unexpectedly.' })
        stop()
      })
      setState({ step: 'running', progress: null })
      worker.postMessage({ type: 'find', projectId, isAutoMerge } satisfies DedupRequest)
    },
    [projectId, stop],
  )

  const cancel = useCallback(() => {
    stop()
    setState({ step: 'cancelled' })
  }, [stop])

  const dismiss = useCallback(() => setState({ step: 'idle' }), [])

  return { state, find, cancel, dismiss }
}
