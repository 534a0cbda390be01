/// <reference lib="webworker" />
import { rankingRepo } from '../db'
import type { RankRequest, RankResponse } from './rank-protocol'
import { RankSession } from './rank-session'

// Retraining after every decision takes up to seconds on large projects: it runs here, and the screening desk
// keeps showing records from the latest ranking it has.
const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (message: RankResponse) => scope.postMessage(message)

let session: RankSession | null = null
let loading: Promise<void> = Promise.resolve()

scope.addEventListener('message', (event: MessageEvent<RankRequest>) => {
  const request = event.data
  if (request.type === 'load') loading = load(request.projectId)
  else void loading.then(() => handle(request))
})

async function load(projectId: string): Promise<void> {
  try {
    const started = performance.now()
    const { ids, texts, titleLengths } = await rankingRepo.loadTexts(projectId)
    session = new RankSession(ids, texts, titleLengths)
    post({
      type: 'loaded',
      recordCount: ids.length,
      featureCount: session.featureCount,
      loadMs: Math.round(performance.now() - started),
    })
  } catch (error) {
    session = null
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

function handle(request: Exclude<RankRequest, { type: 'load' }>): void {
  if (!session) return
  try {
    if (request.type === 'explain') {
      post({ type: 'explained', recordId: request.recordId, terms: session.explain(request.recordId) })
      return
    }
    const started = performance.now()
    const { rankedIds, labelled } = session.rank(request.labels)
    post({
      type: 'ranked',
      requestId: request.requestId,
      rankedIds,
      labelled,
      trainMs: Math.round(performance.now() - started),
    })
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
