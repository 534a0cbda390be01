import { newId } from '../../../../core/ids/ids'
import type { SiftDb } from '../db'
import type { ReviewEvent } from '../schema'

/** Who is acting on this machine. Replaced by the signed-in reviewer when team work lands. */
export const localActor = 'local'

export type EventInput = Pick<ReviewEvent, 'projectId' | 'type' | 'entity' | 'entityId'> &
  Partial<Pick<ReviewEvent, 'before' | 'after' | 'actor'>>

/**
 * Appends one audit event. Call it inside the same transaction as the write it describes, so the log and the
 * data can never disagree.
 */
export async function appendEvent(db: SiftDb, input: EventInput): Promise<ReviewEvent> {
  const event: ReviewEvent = {
    id: newId('ev_'),
    at: new Date().toISOString(),
    actor: input.actor ?? localActor,
    before: input.before ?? null,
    after: input.after ?? null,
    projectId: input.projectId,
    type: input.type,
    entity: input.entity,
    entityId: input.entityId,
  }
  await db.events.add(event)
  return event
}
