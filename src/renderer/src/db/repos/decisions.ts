import type { DecisionValue, ScreeningStage } from '../../../../core/screening/types'
import { newId } from '../../../../core/ids/ids'
import type { SiftDb } from '../db'
import type { Decision } from '../schema'
import { appendEvent } from './events'

export type DecisionInput = {
  projectId: string
  recordId: string
  stage: ScreeningStage
  reviewerId: string
  value: DecisionValue
  reason: string
}

/** One row per record, stage and reviewer: the reviewer's current decision. Its history is in the event log. */
export function decisionId(recordId: string, stage: ScreeningStage, reviewerId: string): string {
  return `${recordId}:${stage}:${reviewerId}`
}

/** A decision as made, with what it replaced: enough to undo it. */
export type DecisionChange = { decision: Decision; before: Decision | null }

export class DecisionReasonError extends Error {}

export function createDecisionsRepo(db: SiftDb) {
  return {
    /**
     * Records a decision (replacing the reviewer's earlier one on the same record and stage) and logs it with the
     * value before, so it can be undone. Returns the new decision and the one it replaced, if any.
     */
    async decide(input: DecisionInput): Promise<DecisionChange> {
      if (input.stage === 'full-text' && input.value === 'exclude' && !input.reason.trim()) {
        throw new DecisionReasonError('A full-text exclusion needs a reason.')
      }
      const decision: Decision = {
        ...input,
        id: decisionId(input.recordId, input.stage, input.reviewerId),
        decidedAt: new Date().toISOString(),
      }
      return db.transaction('rw', db.decisions, db.events, async () => {
        const before = (await db.decisions.get(decision.id)) ?? null
        await db.decisions.put(decision)
        await appendEvent(db, {
          projectId: input.projectId,
          actor: input.reviewerId,
          type: 'decision.set',
          entity: 'decision',
          entityId: decision.id,
          before,
          after: decision,
        })
        return { decision, before }
      })
    },

    /**
     * The same decision on many records at once (a bulk action on a filtered list), in one transaction: all or
     * none. Each record's change is logged like a single decision.
     */
    async decideMany(recordIds: readonly string[], input: Omit<DecisionInput, 'recordId'>): Promise<number> {
      if (input.stage === 'full-text' && input.value === 'exclude' && !input.reason.trim()) {
        throw new DecisionReasonError('A full-text exclusion needs a reason.')
      }
      const decidedAt = new Date().toISOString()
      const decisions: Decision[] = recordIds.map((recordId) => ({
        ...input,
        recordId,
        id: decisionId(recordId, input.stage, input.reviewerId),
        decidedAt,
      }))
      await db.transaction('rw', db.decisions, db.events, async () => {
        const before = await db.decisions.bulkGet(decisions.map((decision) => decision.id))
        await db.decisions.bulkPut(decisions)
        await db.events.bulkAdd(
          decisions.map((decision, index) => ({
            id: newId('ev_'),
            projectId: input.projectId,
            at: decidedAt,
            actor: input.reviewerId,
            type: 'decision.set',
            entity: 'decision',
            entityId: decision.id,
            before: before[index] ?? null,
            after: decision,
          })),
        )
      })
      return decisions.length
    },

    /** Puts back what a decision replaced (or removes it when there was nothing before), logging the undo. */
    async undo({ decision: decided, before }: DecisionChange): Promise<void> {
      await db.transaction('rw', db.decisions, db.events, async () => {
        if (before) await db.decisions.put(before)
        else await db.decisions.delete(decided.id)
        await appendEvent(db, {
          projectId: decided.projectId,
          actor: decided.reviewerId,
          type: 'decision.undo',
          entity: 'decision',
          entityId: decided.id,
          before: decided,
          after: before,
        })
      })
    },
  }
}

export type DecisionsRepo = ReturnType<typeof createDecisionsRepo>
