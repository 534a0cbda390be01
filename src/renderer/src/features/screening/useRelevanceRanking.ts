import { useCallback, useEffect, useRef, useState } from 'react'

import type { RankLabel, RankRequest, RankResponse } from '../../workers/rank-protocol'

export type RelevanceRanking = {
  status: 'off' | 'loading' | 'learning' | 'ranked' | 'failed'
  /** Records without a decision, most likely relevant first (the latest ranking; null before the first). */
  rankedIds: string[] | null
  /** Decisions the latest ranking learned from, and how long its retrain + re-rank took in the worker. */
  labelled: number
  trainMs: number | null
  message: string | null
  /** The words that drove one record's place, once asked for with `explain`. */
  explanation: { recordId: string; terms: { term: string; weight: number }[] } | null
  explain: (recordId: string) => void
}

function createWorker(): Worker {
  return new Worker(new URL('../../workers/rank.worker.ts', import.meta.url), {
    type: 'module',
    name: 'rank',
  })
}

type Snapshot = Omit<RelevanceRanking, 'explain'>

const off: Snapshot = {
  status: 'off',
  rankedIds: null,
  labelled: 0,
  trainMs: null,
  message: null,
  explanation: null,
}

/**
 * Relevance order: a Web Worker keeps the project's text index and retrains after every decision. The screening
 * desk never waits for it: each new ranking replaces the last when it arrives, and decisions made meanwhile are
 * sent together as the next retrain (only the newest set of labels is ever queued).
 */
export function useRelevanceRanking(
  projectId: string,
  recordIds: readonly string[] | undefined,
  labels: RankLabel[],
  isOn: boolean,
): RelevanceRanking {
  const [snapshot, setSnapshot] = useState<Snapshot>(off)
  const workerRef = useRef<Worker | null>(null)
  const busy = useRef(false)
  const pending = useRef<RankLabel[] | null>(null)
  const requestId = useRef(0)

  const send = useCallback((request: RankRequest) => workerRef.current?.postMessage(request), [])
  const train = useCallback(
    (next: RankLabel[]) => {
      if (busy.current) {
        pending.current = next
        return
      }
      busy.current = true
      send({ type: 'train', requestId: ++requestId.current, labels: next })
    },
    [send],
  )

  useEffect(() => {
    if (!isOn || !recordIds) return
    const worker = createWorker()
    workerRef.current = worker
    busy.current = false
    pending.current = null
    worker.addEventListener('message', (event: MessageEvent<RankResponse>) => {
      const message = event.data
      if (message.type === 'ranked') {
        busy.current = false
        setSnapshot((last) => ({
          ...last,
          status: message.rankedIds ? 'ranked' : 'learning',
          rankedIds: message.rankedIds,
          labelled: message.labelled,
          trainMs: message.trainMs,
        }))
        const next = pending.current
        pending.current = null
        if (next) train(next)
      } else if (message.type === 'explained') {
        setSnapshot((last) => ({
          ...last,
          explanation: { recordId: message.recordId, terms: message.terms },
        }))
      } else if (message.type === 'failed') {
        busy.current = false
        setSnapshot((last) => ({ ...last, status: 'failed', message: message.message }))
      }
    })
    worker.addEventListener('error', (event) =>
      setSnapshot((last) => ({
        ...last,
        status: 'failed',
        message: event.message || 'The ranking stopped.',
      })),
    )
    worker.postMessage({ type: 'load', projectId } satisfies RankRequest)
    return () => {
      worker.terminate()
      workerRef.current = null
      setSnapshot(off)
    }
    // A new set of records (an import, a merge) rebuilds the index; labels follow through the effect below.
  }, [isOn, projectId, recordIds, train])

  useEffect(() => {
    if (isOn && recordIds) train(labels)
  }, [isOn, recordIds, labels, train])

  const explain = useCallback((recordId: string) => send({ type: 'explain', recordId }), [send])
  // Until the worker answers for the current records, the ranking is loading.
  const status = isOn && snapshot.status === 'off' ? 'loading' : snapshot.status
  return { ...snapshot, status, explain }
}
