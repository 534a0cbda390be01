/// <reference lib="webworker" />
import { findDuplicates } from '../../../core/dedup'
import { dedupRepo } from '../db'
import type { DedupRequest, DedupResponse, DedupRunProgress } from './dedup-protocol'

// Comparing 100,000 records takes seconds: it runs here so the window stays responsive and Cancel can stop it.
const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (message: DedupResponse) => scope.postMessage(message)

/** Progress is sent at most this often, so messages never flood the UI thread. */
const progressIntervalMs = 50

function throttled(): (progress: DedupRunProgress) => void {
  let last = 0
  return (progress) => {
    const now = Date.now()
    if (now - last < progressIntervalMs && progress.done < progress.total) return
    last = now
    post({ type: 'progress', ...progress })
  }
}

scope.addEventListener('message', (event: MessageEvent<DedupRequest>) => {
  void handle(event.data)
})

async function handle(request: DedupRequest): Promise<void> {
  try {
    const report = throttled()
    report({ phase: 'loading', done: 0, total: 1 })
    const { records, notDuplicates } = await dedupRepo.loadInputs(request.projectId)
    const result = findDuplicates(records, { notDuplicates, onProgress: report })
    post({ type: 'progress', phase: 'saving', done: 0, total: 1 })
    const findings = await dedupRepo.saveFindings(request.projectId, result, request.isAutoMerge)
    post({ type: 'done', recordCount: records.length, ...findings })
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
