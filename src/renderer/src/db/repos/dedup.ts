import { mergeRecords, type DedupInput, type DedupResult } from '../../../../core/dedup'
import { newId } from '../../../../core/ids/ids'
import type { CitationRecord } from '../../../../core/records/record'
import { titleKey } from '../../../../core/records/normalise'
import type { SiftDb } from '../db'
import type { DuplicateCluster, ReviewEvent, StoredRecord } from '../schema'
import {
  applyCarryOver,
  carryTablesOf,
  groupWorkByRecord,
  loadMemberWork,
  planCarryOver,
  removeCarried,
} from './dedup-carry'
import { appendEvent, localActor } from './events'

export class DedupError extends Error {}

/** What one run of "Find duplicates" left behind. */
export type DedupFindings = { merged: number; certain: number; uncertain: number }

/** The project setting "Merge certain duplicates automatically" (on unless turned off). */
export function autoMergeKey(projectId: string): string {
  return `dedup.autoMerge:${projectId}`
}

/** The project setting "Check for duplicates after every import" (on unless turned off). */
export function checkAfterImportKey(projectId: string): string {
  return `dedup.afterImport:${projectId}`
}

/** Ids of records merged away (every member of a merged cluster but the kept one): hidden from every list. */
export async function mergedAwayIds(db: SiftDb, projectId: string): Promise<Set<string>> {
  const merged = await db.duplicateClusters
    .where('[projectId+status]')
    .equals([projectId, 'merged'])
    .toArray()
  return new Set(merged.flatMap((cluster) => cluster.recordIds.filter((id) => id !== cluster.keepRecordId)))
}

/** Filled bibliographic fields, so the fullest record of a cluster is the one kept. */
function completeness(record: CitationRecord): number {
  const texts = [record.title, record.abstract, record.journal, record.volume, record.issue, record.pages]
  const ids = [record.doi, record.pmid, record.pmcid]
  const filled = [...texts, ...ids].filter((value) => value.trim()).length
  // The abstract's length breaks ties: a truncated abstract is the usual difference between two exports.
  return (
    filled +
    (record.year === null ? 0 : 1) +
    (record.authors.length > 0 ? 1 : 0) +
    record.abstract.length / 1e6
  )
}

/** The record to keep: the most complete, the earliest imported on ties. */
export function pickKeptRecord(records: readonly StoredRecord[]): StoredRecord | undefined {
  let best: StoredRecord | undefined
  for (const record of records) if (!best || completeness(record) > completeness(best)) best = record
  return best
}

type MergeOutcome = { cluster: DuplicateCluster; kept: StoredRecord; event: ReviewEvent }

/**
 * Merges one cluster: keeps the fullest record, fills its fields from the others (core's `mergeRecords`), and keeps
 * its own batch, source and raw fields so filters by source still work; the lineage goes on the cluster.
 */
function mergeCluster(
  cluster: DuplicateCluster,
  members: readonly StoredRecord[],
  at: string,
): MergeOutcome | null {
  const keep = pickKeptRecord(members)
  if (!keep || members.length < 2) return null
  const ordered = [keep, ...members.filter((record) => record.id !== keep.id)]
  const { record } = mergeRecords(ordered.map((member) => ({ id: member.id, record: member })))
  const kept: StoredRecord = {
    ...keep,
    ...record,
    id: keep.id,
    projectId: keep.projectId,
    batchId: keep.batchId,
    sourceIndex: keep.sourceIndex,
    source: keep.source,
    raw: keep.raw,
    titleKey: titleKey(record.title),
  }
  const merged: DuplicateCluster = {
    ...cluster,
    recordIds: members.map((member) => member.id),
    keepRecordId: keep.id,
    status: 'merged',
    mergedAt: at,
    sources: members.map((member) => ({
      recordId: member.id,
      batchId: member.batchId,
      source: member.source,
    })),
    keptBefore: keep,
  }
  const event: ReviewEvent = {
    id: newId('ev_'),
    projectId: cluster.projectId,
    at,
    actor: localActor,
    type: 'dedup.merge',
    entity: 'duplicateCluster',
    entityId: cluster.id,
    before: { status: cluster.status },
    after: { recordIds: merged.recordIds, keepRecordId: keep.id, isCertain: cluster.isCertain ?? false },
  }
  return { cluster: merged, kept, event }
}

/**
 * Points suggested clusters at the kept records after a merge (a member merged away stands for its kept record)
 * and drops those left with fewer than two records. Returns the rows to put and the ids to delete.
 */
function remapSuggested(
  suggested: readonly DuplicateCluster[],
  keptFor: ReadonlyMap<string, string>,
): { put: DuplicateCluster[]; remove: string[] } {
  const put: DuplicateCluster[] = []
  const remove: string[] = []
  for (const cluster of suggested) {
    if (!cluster.recordIds.some((id) => keptFor.has(id))) continue
    const ids = [...new Set(cluster.recordIds.map((id) => keptFor.get(id) ?? id))]
    if (ids.length < 2) remove.push(cluster.id)
    else put.push({ ...cluster, recordIds: ids, keepRecordId: ids[0] ?? '' })
  }
  return { put, remove }
}

function keptForMap(outcomes: readonly MergeOutcome[]): Map<string, string> {
  const keptFor = new Map<string, string>()
  for (const { cluster } of outcomes)
    for (const id of cluster.recordIds) if (id !== cluster.keepRecordId) keptFor.set(id, cluster.keepRecordId)
  return keptFor
}

export function createDedupRepo(db: SiftDb) {
  const tables = [db.duplicateClusters, db.records, db.events, ...carryTablesOf(db)]

  /** A dedup switch of the project: on unless turned off. */
  async function readSwitch(key: string): Promise<boolean> {
    return (await db.settings.get(key))?.value !== false
  }

  /** Sets a dedup switch and logs it, in one transaction. */
  async function writeSwitch(projectId: string, key: string, name: string, isOn: boolean): Promise<void> {
    const after = { [name]: isOn }
    await db.transaction('rw', db.settings, db.events, async () => {
      await db.settings.put({ key, value: isOn })
      await appendEvent(db, {
        projectId,
        type: 'dedup.settings',
        entity: 'project',
        entityId: projectId,
        after,
      })
    })
  }

  /**
   * Carries decisions, tags, notes, PDFs and extractions of the merged-away records onto each kept record, and
   * notes on each cluster what was copied (for undo) and what disagreed (shown in the merged list).
   */
  async function carryOver(outcomes: MergeOutcome[]): Promise<void> {
    const workOf = groupWorkByRecord(
      await loadMemberWork(
        db,
        outcomes.flatMap((outcome) => outcome.cluster.recordIds),
      ),
    )
    for (const outcome of outcomes) {
      const { keepRecordId, recordIds } = outcome.cluster
      const others = recordIds.filter((id) => id !== keepRecordId)
      const plan = planCarryOver(keepRecordId, others, workOf(recordIds))
      await applyCarryOver(db, plan.add)
      outcome.cluster.carried = plan.carried
      outcome.cluster.carryConflicts = plan.conflicts
      outcome.event.after = {
        ...(outcome.event.after as object),
        carried: plan.carried.length,
        conflicts: plan.conflicts.length,
      }
    }
  }

  /** Merges the given suggested clusters and repoints the remaining suggestions; runs inside a transaction. */
  async function mergeAll(projectId: string, clusters: readonly DuplicateCluster[]): Promise<number> {
    const at = new Date().toISOString()
    const ids = [...new Set(clusters.flatMap((cluster) => cluster.recordIds))]
    const rows = await db.records.bulkGet(ids)
    const byId = new Map(rows.filter((row) => row !== undefined).map((row) => [row.id, row]))
    const hidden = await mergedAwayIds(db, projectId)
    const outcomes = clusters.flatMap((cluster) => {
      const members = cluster.recordIds.flatMap((id) => {
        const record = byId.get(id)
        return record && !hidden.has(id) ? [record] : []
      })
      return mergeCluster(cluster, members, at) ?? []
    })
    await carryOver(outcomes)
    await db.duplicateClusters.bulkPut(outcomes.map((outcome) => outcome.cluster))
    await db.records.bulkPut(outcomes.map((outcome) => outcome.kept))
    await db.events.bulkAdd(outcomes.map((outcome) => outcome.event))
    const suggested = await db.duplicateClusters
      .where('[projectId+status]')
      .equals([projectId, 'suggested'])
      .toArray()
    const { put, remove } = remapSuggested(suggested, keptForMap(outcomes))
    await db.duplicateClusters.bulkPut(put)
    await db.duplicateClusters.bulkDelete(remove)
    return outcomes.length
  }

  return {
    /**
     * What "Find duplicates" compares: the project's records not merged away, in import order, and the pairs the
     * reviewer marked "not duplicates" (a member since merged away stands for the record it was merged into).
     */
    async loadInputs(
      projectId: string,
    ): Promise<{ records: DedupInput[]; notDuplicates: [string, string][] }> {
      const clusters = await db.duplicateClusters.where('projectId').equals(projectId).toArray()
      const keptFor = new Map<string, string>()
      for (const cluster of clusters.filter((row) => row.status === 'merged'))
        for (const id of cluster.recordIds)
          if (id !== cluster.keepRecordId) keptFor.set(id, cluster.keepRecordId)
      const records = await db.records.where('projectId').equals(projectId).toArray()
      const notDuplicates: [string, string][] = []
      for (const cluster of clusters.filter((row) => row.status === 'not-duplicate')) {
        const ids = cluster.recordIds.map((id) => keptFor.get(id) ?? id)
        for (let i = 0; i < ids.length; i++)
          for (let j = i + 1; j < ids.length; j++) notDuplicates.push([ids[i] ?? '', ids[j] ?? ''])
      }
      return {
        records: records
          .filter((record) => !keptFor.has(record.id))
          .map((record) => ({ id: record.id, record })),
        notDuplicates,
      }
    },

    /**
     * Stores the result of a run in one transaction: earlier suggestions are replaced (merges and "not duplicates"
     * stay), certain clusters are merged at once when `isAutoMerge`, uncertain pairs wait for review.
     */
    async saveFindings(projectId: string, result: DedupResult, isAutoMerge: boolean): Promise<DedupFindings> {
      const createdAt = new Date().toISOString()
      const suggestion = (recordIds: string[], score: number, reason: string, isCertain: boolean) =>
        ({
          id: newId('dc_'),
          projectId,
          recordIds,
          keepRecordId: recordIds[0] ?? '',
          status: 'suggested',
          score,
          isCertain,
          reason,
          createdAt,
        }) satisfies DuplicateCluster
      const certain = result.clusters.map((ids) => suggestion(ids, 1, 'certain match', true))
      const uncertain = result.uncertain.map((pair) =>
        suggestion([...pair.ids], pair.score, pair.reason, false),
      )
      return db.transaction('rw', tables, async () => {
        await db.duplicateClusters.where('[projectId+status]').equals([projectId, 'suggested']).delete()
        await db.duplicateClusters.bulkAdd([...certain, ...uncertain])
        const merged = isAutoMerge ? await mergeAll(projectId, certain) : 0
        await appendEvent(db, {
          projectId,
          type: 'dedup.find',
          entity: 'project',
          entityId: projectId,
          after: { certain: certain.length, uncertain: uncertain.length, merged },
        })
        return { merged, certain: certain.length, uncertain: uncertain.length }
      })
    },

    /** Merges one suggested cluster (from the review queue). */
    async merge(clusterId: string): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const cluster = await db.duplicateClusters.get(clusterId)
        if (cluster?.status !== 'suggested') throw new DedupError('This suggestion is no longer open.')
        if ((await mergeAll(cluster.projectId, [cluster])) === 0)
          throw new DedupError('These records can no longer be merged.')
      })
    },

    /** Merges every certain suggestion of the project (when automatic merging was off). */
    async mergeCertain(projectId: string): Promise<number> {
      return db.transaction('rw', tables, async () => {
        const suggested = await db.duplicateClusters
          .where('[projectId+status]')
          .equals([projectId, 'suggested'])
          .toArray()
        return mergeAll(
          projectId,
          suggested.filter((cluster) => cluster.isCertain),
        )
      })
    },

    /** The reviewer's "not duplicates": remembered, so the next run never suggests these records together again. */
    async markNotDuplicates(clusterId: string): Promise<void> {
      await db.transaction('rw', db.duplicateClusters, db.events, async () => {
        const cluster = await db.duplicateClusters.get(clusterId)
        if (cluster?.status !== 'suggested') throw new DedupError('This suggestion is no longer open.')
        await db.duplicateClusters.update(clusterId, { status: 'not-duplicate' })
        await appendEvent(db, {
          projectId: cluster.projectId,
          type: 'dedup.not-duplicate',
          entity: 'duplicateCluster',
          entityId: clusterId,
          before: { status: 'suggested' },
          after: { status: 'not-duplicate', recordIds: cluster.recordIds },
        })
      })
    },

    /**
     * Undoes a merge: the records merged away come back and the kept record gets its own fields again; the cluster
     * returns to the review queue. Refused while a later merge builds on the kept record (undo that one first).
     */
    async undoMerge(clusterId: string): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const cluster = await db.duplicateClusters.get(clusterId)
        if (cluster?.status !== 'merged') throw new DedupError('This merge has already been undone.')
        const later = await db.duplicateClusters
          .where('[projectId+status]')
          .equals([cluster.projectId, 'merged'])
          .filter(
            (other) =>
              other.id !== clusterId &&
              (other.mergedAt ?? '') >= (cluster.mergedAt ?? '') &&
              other.recordIds.includes(cluster.keepRecordId),
          )
          .first()
        if (later) throw new DedupError('A later merge includes this record: undo that merge first.')
        if (cluster.keptBefore) await db.records.put(cluster.keptBefore)
        await removeCarried(db, cluster.carried ?? [])
        const {
          keptBefore: _kept,
          mergedAt: _at,
          carried: _carried,
          carryConflicts: _conflicts,
          ...rest
        } = cluster
        await db.duplicateClusters.put({ ...rest, status: 'suggested' })
        await appendEvent(db, {
          projectId: cluster.projectId,
          type: 'dedup.undo-merge',
          entity: 'duplicateCluster',
          entityId: clusterId,
          before: { status: 'merged', keepRecordId: cluster.keepRecordId },
          after: { status: 'suggested', recordIds: cluster.recordIds },
        })
      })
    },

    /** Whether certain duplicates are merged without review (default: yes). */
    isAutoMerge: (projectId: string) => readSwitch(autoMergeKey(projectId)),
    setAutoMerge: (projectId: string, isOn: boolean) =>
      writeSwitch(projectId, autoMergeKey(projectId), 'isAutoMerge', isOn),

    /** Whether every import is followed by a duplicate check of the whole project (default: yes). */
    isCheckAfterImport: (projectId: string) => readSwitch(checkAfterImportKey(projectId)),
    setCheckAfterImport: (projectId: string, isOn: boolean) =>
      writeSwitch(projectId, checkAfterImportKey(projectId), 'isCheckAfterImport', isOn),

    /** Records removed as duplicates (PRISMA): each merged cluster hides all its records but one. */
    async countDuplicatesRemoved(projectId: string): Promise<number> {
      const merged = await db.duplicateClusters
        .where('[projectId+status]')
        .equals([projectId, 'merged'])
        .toArray()
      return merged.reduce((sum, cluster) => sum + cluster.recordIds.length - 1, 0)
    },
  }
}

export type DedupRepo = ReturnType<typeof createDedupRepo>
