import type { ScreeningResolution } from '../../../../core/screening/status'
import type { SiftDb } from '../db'
import type { Resolution } from '../schema'
import { appendEvent } from './events'

/** Settles a conflict: one row per record and stage, replaced by a later resolution; logged with what it replaced. */
export function createResolutionsRepo(db: SiftDb) {
  return {
    async resolve(projectId: string, input: Omit<ScreeningResolution, 'resolvedAt'>): Promise<Resolution> {
      if (input.stage === 'full-text' && input.value === 'exclude' && !input.reason.trim()) {
        throw new Error('A full-text exclusion needs a reason.')
      }
      const resolution: Resolution = {
        ...input,
        id: `${input.recordId}:${input.stage}`,
        projectId,
        resolvedAt: new Date().toISOString(),
      }
      await db.transaction('rw', db.resolutions, db.events, async () => {
        const before = (await db.resolutions.get(resolution.id)) ?? null
        await db.resolutions.put(resolution)
        await appendEvent(db, {
          projectId,
          actor: input.resolvedBy,
          type: 'conflict.resolve',
          entity: 'resolution',
          entityId: resolution.id,
          before,
          after: resolution,
        })
      })
      return resolution
    },
  }
}
