import { useMemo, useRef, useState } from 'react'

import {
  computeScreeningStatus,
  fullTextRecordIds,
  type ScreeningStatus,
} from '../../../../core/screening/status'
import { orderQueue, type QueueOrder } from '../../../../core/screening/queue'
import type { DecisionValue, ScreeningStage } from '../../../../core/screening/types'
import { decisionsRepo } from '../../db'
import { useProjectDecisions, useRecordIds, useResolutions } from '../../db/hooks/useScreening'
import type { DecisionChange } from '../../db/repos/decisions'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import type { Decision } from '../../db/schema'

export type ScreeningSession = {
  isLoading: boolean
  queue: string[]
  currentId: string | null
  position: number
  status: ScreeningStatus
  /** This reviewer's decisions at this stage, by record id. */
  mine: ReadonlyMap<string, Decision>
  decisions: Decision[]
  canUndo: boolean
  decide: (value: DecisionValue, reason?: string) => Promise<void>
  move: (step: 1 | -1) => void
  goTo: (recordId: string) => void
  undo: () => Promise<void>
}

/** A placeholder that marks a record as decided while its decision is being written. */
function pendingDecision(recordId: string): Decision {
  return {
    id: '',
    projectId: '',
    recordId,
    stage: 'title-abstract',
    reviewerId: '',
    value: 'maybe',
    reason: '',
    decidedAt: '',
  }
}

/** The next record after `from` this reviewer has not decided, else simply the next one, else `from`. */
function nextRecord(queue: string[], from: number, mine: ReadonlyMap<string, Decision>): string | null {
  for (let index = from + 1; index < queue.length; index++) {
    const id = queue[index]
    if (id && !mine.has(id)) return id
  }
  return queue[from + 1] ?? queue[from] ?? null
}

/**
 * One reviewer's screening at one stage: the queue (all records at title/abstract, those included or maybe at
 * full text), the current record, decisions with undo, and the status of every record for conflicts and counts.
 */
export function useScreeningSession(
  projectId: string,
  reviewer: ReviewerProfile,
  stage: ScreeningStage,
  order: QueueOrder,
) {
  const recordIds = useRecordIds(projectId)
  const decisions = useProjectDecisions(projectId)
  const resolutions = useResolutions(projectId)
  const [currentId, setCurrentId] = useState<string | null>(null)
  const undoStack = useRef<DecisionChange[]>([])
  const [undoDepth, setUndoDepth] = useState(0)

  const status = useMemo(
    () => computeScreeningStatus(decisions ?? [], resolutions ?? []),
    [decisions, resolutions],
  )
  const queue = useMemo(() => {
    const ids = recordIds ?? []
    return orderQueue(stage === 'title-abstract' ? ids : fullTextRecordIds(status, ids), order)
  }, [recordIds, stage, status, order])
  const mine = useMemo(
    () =>
      new Map(
        (decisions ?? [])
          .filter((decision) => decision.reviewerId === reviewer.id && decision.stage === stage)
          .map((decision) => [decision.recordId, decision]),
      ),
    [decisions, reviewer.id, stage],
  )

  const firstUndecided = queue.find((id) => !mine.has(id)) ?? queue[0] ?? null
  const current = currentId !== null && queue.includes(currentId) ? currentId : firstUndecided
  const position = current === null ? -1 : queue.indexOf(current)

  const session: ScreeningSession = {
    isLoading: recordIds === undefined || decisions === undefined || resolutions === undefined,
    queue,
    currentId: current,
    position,
    status,
    mine,
    decisions: decisions ?? [],
    canUndo: undoDepth > 0,
    async decide(value, reason = '') {
      if (current === null) return
      // Show the next record at once and write in the background: the key press must feel instant, and a
      // failed write puts the reviewer back on the record with the error.
      // In a ranking the next record is the best one not yet decided, wherever the reviewer was reading.
      const from = order.kind === 'ranked' ? -1 : position
      setCurrentId(nextRecord(queue, from, new Map(mine).set(current, pendingDecision(current))))
      try {
        const change = await decisionsRepo.decide({
          projectId,
          recordId: current,
          stage,
          reviewerId: reviewer.id,
          value,
          reason,
        })
        undoStack.current.push(change)
        setUndoDepth(undoStack.current.length)
      } catch (error) {
        setCurrentId(current)
        throw error
      }
    },
    move(step) {
      const target = queue[Math.min(queue.length - 1, Math.max(0, position + step))]
      if (target !== undefined) setCurrentId(target)
    },
    goTo: setCurrentId,
    async undo() {
      const change = undoStack.current.pop()
      setUndoDepth(undoStack.current.length)
      if (!change) return
      await decisionsRepo.undo(change)
      setCurrentId(change.decision.recordId)
    },
  }
  return session
}
