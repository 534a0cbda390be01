import type { DedupProgress } from '../../../core/dedup'
import type { DedupFindings } from '../db/repos/dedup'

export type DedupRequest = { type: 'find'; projectId: string; isAutoMerge: boolean }

/** Where a run is: reading records, core's phases, then saving the clusters. */
export type DedupRunProgress = {
  phase: 'loading' | DedupProgress['phase'] | 'saving'
  done: number
  total: number
}

export type DedupResponse =
  | ({ type: 'progress' } & DedupRunProgress)
  | ({ type: 'done'; recordCount: number } & DedupFindings)
  | { type: 'failed'; message: string }
