import { useMemo, useState } from 'react'

import type { QueueOrder } from '../../../../core/screening/queue'
import type { ScreeningStage } from '../../../../core/screening/types'
import { useProjectDecisions, useRecordIds, useStoppingCheck } from '../../db/hooks/useScreening'
import type { StoppingCheck } from '../../db/repos/stopping'
import type { Decision } from '../../db/schema'
import type { RankLabel } from '../../workers/rank-protocol'
import { useRelevanceRanking, type RelevanceRanking } from './useRelevanceRanking'

export type OrderKind = 'file' | 'random' | 'relevance'

export type ScreeningOrder = {
  order: QueueOrder
  kind: OrderKind
  setKind: (kind: OrderKind) => void
  ranking: RelevanceRanking
  /** The reviewer's decisions at this stage, oldest first. */
  mine: Decision[]
  check: StoppingCheck | null | undefined
}

/**
 * How the queue is ordered: file order, the team's seeded random order, or relevance (the worker's latest ranking
 * after the records already decided, in the order they were decided). Relevance starts in random order until the
 * reviewer has one relevant and one irrelevant decision. A running stopping check overrides all of them: records
 * then come from a random sample of the unscreened ones.
 */
export function useScreeningOrder(
  projectId: string,
  reviewerId: string,
  stage: ScreeningStage,
): ScreeningOrder {
  const [kind, setKind] = useState<OrderKind>('file')
  const recordIds = useRecordIds(projectId)
  const decisions = useProjectDecisions(projectId)
  const check = useStoppingCheck(projectId, reviewerId, stage)
  const mine = useMemo(
    () =>
      (decisions ?? [])
        .filter((decision) => decision.reviewerId === reviewerId && decision.stage === stage)
        .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)),
    [decisions, reviewerId, stage],
  )
  const labels = useMemo(
    () => mine.map((decision): RankLabel => [decision.recordId, decision.value === 'exclude' ? 0 : 1]),
    [mine],
  )
  const ranking = useRelevanceRanking(projectId, recordIds, labels, kind === 'relevance')
  const rankedIds = ranking.rankedIds

  const order = useMemo<QueueOrder>(() => {
    if (check) return { kind: 'random', seed: `${projectId}:${check.startedAt}` }
    if (kind === 'file') return { kind: 'file' }
    if (kind === 'relevance' && rankedIds)
      return { kind: 'ranked', rankedIds: [...mine.map((decision) => decision.recordId), ...rankedIds] }
    // Random order is seeded with the project id: the same order every session and on every teammate's machine.
    return { kind: 'random', seed: projectId }
  }, [check, kind, rankedIds, mine, projectId])

  return { order, kind, setKind, ranking, mine, check }
}
