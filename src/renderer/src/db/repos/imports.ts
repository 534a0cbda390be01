import { newId } from '../../../../core/ids/ids'
import type { CitationRecord } from '../../../../core/records/record'
import { titleKey } from '../../../../core/records/normalise'
import type { SiftDb } from '../db'
import type { ImportBatch, StoredRecord } from '../schema'
import { describeStorageError } from '../errors'
import { appendEvent, localActor } from './events'

/** Rows per bulkAdd inside an import transaction: small enough to report progress, large enough to be fast. */
const chunkSize = 2000

export type BatchInput = {
  projectId: string
  fileName: string
  hash: string
  format: string
  encoding: string
  source: string
  warningCount: number
  records: CitationRecord[]
}

export class UndoImportError extends Error {}

/** Tables whose rows hang off a record; undoing an import removes them with the records. */
const recordTables = ['recordTags', 'notes', 'extractions', 'outcomes', 'attachments'] as const

/** Writes the records of one batch and marks it committed, in a single transaction: all rows or none. */
async function writeBatch(
  db: SiftDb,
  batch: ImportBatch,
  records: CitationRecord[],
  onProgress?: (written: number, total: number) => void,
): Promise<void> {
  const total = records.length
  await db.transaction('rw', [db.records, db.importBatches, db.events, db.projects], async () => {
    for (let start = 0; start < total; start += chunkSize) {
      const rows: StoredRecord[] = records.slice(start, start + chunkSize).map((record, offset) => ({
        ...record,
        id: newId('rec_'),
        projectId: batch.projectId,
        batchId: batch.id,
        titleKey: titleKey(record.title),
        sourceIndex: start + offset + 1,
      }))
      await db.records.bulkAdd(rows)
      onProgress?.(Math.min(start + chunkSize, total), total)
    }
    await db.importBatches.update(batch.id, { status: 'committed' })
    await db.projects.update(batch.projectId, { updatedAt: new Date().toISOString() })
    await appendEvent(db, {
      projectId: batch.projectId,
      type: 'import.commit',
      entity: 'importBatch',
      entityId: batch.id,
      after: { fileName: batch.fileName, format: batch.format, source: batch.source, recordCount: total },
    })
  })
}

export function createImportsRepo(db: SiftDb) {
  return {
    /** An earlier committed batch of this project with the same file contents, if any. */
    async findByHash(projectId: string, hash: string): Promise<ImportBatch | undefined> {
      const batches = await db.importBatches.where('[projectId+hash]').equals([projectId, hash]).toArray()
      return batches.find((batch) => batch.status === 'committed')
    },

    /**
     * Writes one file's records as one import batch: all of them or none (one transaction). The batch row is first
     * written as `importing` on its own, so an import cut off by a crash is still visible afterwards.
     */
    async commitBatch(
      input: BatchInput,
      onProgress?: (written: number, total: number) => void,
    ): Promise<ImportBatch> {
      const batch: ImportBatch = {
        id: newId('ib_'),
        projectId: input.projectId,
        fileName: input.fileName,
        hash: input.hash,
        format: input.format,
        encoding: input.encoding,
        source: input.source,
        recordCount: input.records.length,
        warningCount: input.warningCount,
        status: 'importing',
        createdAt: new Date().toISOString(),
        importedBy: localActor,
      }
      await db.importBatches.add(batch)
      try {
        await writeBatch(db, batch, input.records, onProgress)
      } catch (error) {
        await db.importBatches.delete(batch.id).catch(() => undefined)
        throw new Error(describeStorageError(error), { cause: error })
      }
      return { ...batch, status: 'committed' }
    },

    /** Marks batches left `importing` by an earlier run as interrupted (their records were rolled back). */
    async markInterrupted(): Promise<number> {
      return db.importBatches
        .filter((batch) => batch.status === 'importing')
        .modify({ status: 'interrupted' })
    },

    /** Removes an interrupted batch's row from the history (it has no records). */
    async dismissInterrupted(batchId: string): Promise<void> {
      const batch = await db.importBatches.get(batchId)
      if (batch?.status === 'interrupted') await db.importBatches.delete(batchId)
    },

    /**
     * Undoes an import: deletes the batch, its records and everything attached to them, in one transaction.
     * Refused once any of its records has a screening decision, because that work would be lost silently.
     */
    async undo(batchId: string): Promise<number> {
      const tables = [
        db.importBatches,
        db.records,
        db.decisions,
        db.duplicateClusters,
        db.events,
        db.projects,
      ]
      return db.transaction('rw', [...tables, ...recordTables.map((name) => db.table(name))], async () => {
        const batch = await db.importBatches.get(batchId)
        if (!batch) throw new UndoImportError('This import no longer exists.')
        const recordIds = await db.records.where('batchId').equals(batchId).primaryKeys()
        const decided = await db.decisions.where('recordId').anyOf(recordIds).count()
        if (decided > 0) {
          throw new UndoImportError(
            `“${batch.fileName}” cannot be undone: ${decided} screening decision${decided === 1 ? ' has' : 's have'} ` +
              'already been made on its records. Exclude the records instead, or delete the decisions first.',
          )
        }
        for (const name of recordTables) await db.table(name).where('recordId').anyOf(recordIds).delete()
        const removed = new Set(recordIds)
        await db.duplicateClusters
          .where('projectId')
          .equals(batch.projectId)
          .filter((cluster) => cluster.recordIds.some((id) => removed.has(id)))
          .delete()
        await db.records.bulkDelete(recordIds)
        await db.importBatches.delete(batchId)
        await db.projects.update(batch.projectId, { updatedAt: new Date().toISOString() })
        await appendEvent(db, {
          projectId: batch.projectId,
          type: 'import.undo',
          entity: 'importBatch',
          entityId: batchId,
          before: { fileName: batch.fileName, recordCount: recordIds.length },
        })
        return recordIds.length
      })
    },
  }
}

export type ImportsRepo = ReturnType<typeof createImportsRepo>
