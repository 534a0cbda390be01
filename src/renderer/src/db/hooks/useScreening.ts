import { useLiveQuery } from 'dexie-react-hooks'
import { startTransition, useEffect, useState } from 'react'

import type { ScreeningStage } from '../../../../core/screening/types'
import { db } from '../db'
import type { ReviewerProfile } from '../repos/reviewers'
import { createReviewersRepo } from '../repos/reviewers'
import { createStoppingRepo, type StoppingCheck } from '../repos/stopping'
import { projectDecisionsView } from './project-decisions'
import { loadMergedAwayIds } from './useDedup'
import type { Attachment, Decision, Note, Resolution, Reviewer, StoredRecord } from '../schema'

const reviewerProfiles = createReviewersRepo(db)
const stopping = createStoppingRepo(db)

/** The reviewer profile decisions are made under on this machine; null before one exists. */
export function useActiveReviewer(): ReviewerProfile | null | undefined {
  return useLiveQuery(() => reviewerProfiles.active(), [])
}

/** Every reviewer profile on this machine. */
export function useReviewerProfiles(): ReviewerProfile[] | undefined {
  return useLiveQuery(() => reviewerProfiles.profiles(), [])
}

/** Ids of the project's records in file order (import order, then position in the file). */
export function useRecordIds(projectId: string): string[] | undefined {
  return useLiveQuery(async () => {
    const hidden = await loadMergedAwayIds(projectId)
    const ids = await db.records.where('projectId').equals(projectId).primaryKeys()
    return hidden.size === 0 ? ids : ids.filter((id) => !hidden.has(id))
  }, [projectId])
}

/** Every reviewer's current decisions at one stage. */
export function useStageDecisions(projectId: string, stage: ScreeningStage): Decision[] | undefined {
  return useLiveQuery(
    () => db.decisions.where('[projectId+stage]').equals([projectId, stage]).toArray(),
    [projectId, stage],
  )
}

/** One record, null when it does not exist, undefined while loading. */
export function useRecord(recordId: string | null): StoredRecord | null | undefined {
  return useLiveQuery(async () => (recordId ? ((await db.records.get(recordId)) ?? null) : null), [recordId])
}

/**
 * Every decision of the project, all stages and reviewers (the screening status is computed from these), kept up
 * to date by reading only the decisions each change touched (see {@link ProjectDecisionsView}).
 */
export function useProjectDecisions(projectId: string): Decision[] | undefined {
  const view = projectDecisionsView(db, projectId)
  const [shown, setShown] = useState(() => ({ view, decisions: view.current() }))
  useEffect(() => {
    // A transition: React renders what depends on every decision in slices, so the page's other work (a key
    // press, team sync sending the decision just made) is not held up behind it.
    const show = () => startTransition(() => setShown({ view, decisions: view.current() }))
    const stop = view.subscribe(show)
    show()
    return stop
  }, [view])
  return shown.view === view ? shown.decisions : view.current()
}

/** Every conflict resolution of the project. */
export function useResolutions(projectId: string): Resolution[] | undefined {
  return useLiveQuery(() => db.resolutions.where('projectId').equals(projectId).toArray(), [projectId])
}

/** The project's reviewers (this machine's and teammates' whose work was imported). */
export function useProjectReviewers(projectId: string): Reviewer[] | undefined {
  return useLiveQuery(() => db.reviewers.where('projectId').equals(projectId).toArray(), [projectId])
}

/** Several records by id (missing ones left out), e.g. the records of the open conflicts. */
export function useRecordsByIds(ids: readonly string[]): StoredRecord[] | undefined {
  const key = ids.join('|')
  return useLiveQuery(
    async () => (await db.records.bulkGet([...ids])).filter((record) => record !== undefined),
    // The joined key stands for the id list, so a new array with the same ids does not re-query.
    [key],
  )
}

/** Notes on a record, oldest first. */
export function useNotes(recordId: string): Note[] | undefined {
  return useLiveQuery(
    async () => await db.notes.where('recordId').equals(recordId).sortBy('createdAt'),
    [recordId],
  )
}

/** The full-text PDF attached to a record, or null. */
export function useAttachment(recordId: string): Attachment | null | undefined {
  return useLiveQuery(
    async () => (await db.attachments.where('recordId').equals(recordId).first()) ?? null,
    [recordId],
  )
}

/**
 * The records around a position of a queue (the current one and the next few), read ahead in one query so moving
 * to the next record shows it without waiting for the database.
 */
export function useQueueWindow(
  queue: readonly string[],
  position: number,
  ahead = 8,
): ReadonlyMap<string, StoredRecord> | undefined {
  const ids = queue.slice(Math.max(0, position - 1), Math.max(0, position) + ahead)
  const key = ids.join('|')
  return useLiveQuery(async () => {
    const rows = await db.records.bulkGet(ids)
    return new Map(rows.filter((row) => row !== undefined).map((row) => [row.id, row]))
    // The joined key stands for the id list.
  }, [key])
}

export type RecordLabel = { recordTagId: string; tagId: string; name: string }

/** The free labels on one record. */
export function useRecordLabels(recordId: string): RecordLabel[] | undefined {
  return useLiveQuery(async () => {
    const links = await db.recordTags.where('recordId').equals(recordId).toArray()
    const tags = await db.tags.bulkGet(links.map((link) => link.tagId))
    return links.flatMap((link, index) => {
      const tag = tags[index]
      return tag ? [{ recordTagId: link.id, tagId: tag.id, name: tag.name }] : []
    })
  }, [recordId])
}

/** Every label of the project with the ids of the records that carry it (for the records filter). */
export function useProjectLabels(
  projectId: string,
): { tagId: string; name: string; recordIds: string[] }[] | undefined {
  return useLiveQuery(async () => {
    const taxonomies = await db.taxonomies.where('[projectId+kind]').equals([projectId, 'custom']).toArray()
    const tags = await db.tags
      .where('taxonomyId')
      .anyOf(taxonomies.map((taxonomy) => taxonomy.id))
      .toArray()
    const links = await db.recordTags.where('projectId').equals(projectId).toArray()
    return tags
      .map((tag) => ({
        tagId: tag.id,
        name: tag.name,
        recordIds: links.filter((link) => link.tagId === tag.id).map((link) => link.recordId),
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }, [projectId])
}

/** The reviewer's stopping check at this stage; null when none is running. */
export function useStoppingCheck(
  projectId: string,
  reviewerId: string,
  stage: ScreeningStage,
): StoppingCheck | null | undefined {
  return useLiveQuery(() => stopping.get(projectId, reviewerId, stage), [projectId, reviewerId, stage])
}
