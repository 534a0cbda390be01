import type { ScreeningStage } from '../../../../core/screening/types'
import type { SiftDb } from '../db'
import { appendEvent } from './events'

/**
 * A stopping check in progress (Callaghan & Müller-Hansen 2020): ranked screening paused at `startedAt` with these
 * counts; decisions made after it come from a random sample of the records then unscreened.
 */
export type StoppingCheck = {
  startedAt: string
  totalRecords: number
  rankedScreened: number
  rankedRelevant: number
}

function checkKey(projectId: string, reviewerId: string, stage: ScreeningStage): string {
  return `stopping:${projectId}:${reviewerId}:${stage}`
}

/** One reviewer's stopping check per project and stage (kept on this machine with the reviewer's settings). */
export function createStoppingRepo(db: SiftDb) {
  return {
    async get(projectId: string, reviewerId: string, stage: ScreeningStage): Promise<StoppingCheck | null> {
      const value = (await db.settings.get(checkKey(projectId, reviewerId, stage)))?.value
      return value && typeof value === 'object' ? (value as StoppingCheck) : null
    },

    async start(
      projectId: string,
      reviewerId: string,
      stage: ScreeningStage,
      check: StoppingCheck,
    ): Promise<void> {
      await db.transaction('rw', db.settings, db.events, async () => {
        await db.settings.put({ key: checkKey(projectId, reviewerId, stage), value: check })
        await appendEvent(db, {
          projectId,
          actor: reviewerId,
          type: 'stopping.start',
          entity: 'project',
          entityId: projectId,
          after: { stage, ...check },
        })
      })
    },

    async end(projectId: string, reviewerId: string, stage: ScreeningStage): Promise<void> {
      await db.transaction('rw', db.settings, db.events, async () => {
        await db.settings.delete(checkKey(projectId, reviewerId, stage))
        await appendEvent(db, {
          projectId,
          actor: reviewerId,
          type: 'stopping.end',
          entity: 'project',
          entityId: projectId,
          after: { stage },
        })
      })
    },
  }
}
