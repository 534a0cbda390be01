import { beforeEach, describe, expect, it } from 'vitest'

import { emptyRecord, type CitationRecord } from '../../../../core/records/record'
import { createDb, type SiftDb } from '../db'
import { createImportsRepo, UndoImportError, type BatchInput, type ImportsRepo } from './imports'
import { createProjectsRepo } from './projects'

let db: SiftDb
let repo: ImportsRepo
let projectId: string

function records(count: number): CitationRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    ...emptyRecord(),
    title: `Study ${index + 1}: Hepatic Artery Embolization`,
    year: 2000 + (index % 20),
  }))
}

function batch(count: number, overrides: Partial<BatchInput> = {}): BatchInput {
  return {
    projectId,
    fileName: 'embase.ris',
    hash: 'h1',
    format: 'ris',
    encoding: 'utf-8',
    source: 'Embase',
    warningCount: 0,
    records: records(count),
    ...overrides,
  }
}

beforeEach(async () => {
  db = createDb(`imports-test-${Math.random()}`)
  await db.open()
  repo = createImportsRepo(db)
  projectId = (await createProjectsRepo(db).create('Review')).id
})

describe('imports repo', () => {
  it('commits every record of a file as one batch, with keys, order and an event', async () => {
    const progress: number[] = []
    const committed = await repo.commitBatch(batch(4500), (written) => progress.push(written))
    expect(committed.status).toBe('committed')
    expect(await db.records.where('batchId').equals(committed.id).count()).toBe(4500)
    const first = await db.records
      .where('batchId')
      .equals(committed.id)
      .filter((row) => row.sourceIndex === 1)
      .first()
    expect(first?.titleKey).toBe('study1hepaticarteryembolization')
    expect(progress).toEqual([2000, 4000, 4500])
    const events = await db.events.where('projectId').equals(projectId).toArray()
    expect(events.map((event) => event.type)).toContain('import.commit')
  })

  it('writes nothing when the transaction fails midway, and says why', async () => {
    const bad = batch(3000)
    // A record that IndexedDB cannot clone makes the second chunk fail after the first was added.
    ;(bad.records[2500] as unknown as { title: unknown }).title = () => 'not cloneable'
    await expect(repo.commitBatch(bad)).rejects.toThrow(/nothing was written/)
    expect(await db.records.count()).toBe(0)
    expect(await db.importBatches.count()).toBe(0)
  })

  it('recognises the same file by its hash', async () => {
    await repo.commitBatch(batch(2))
    expect((await repo.findByHash(projectId, 'h1'))?.fileName).toBe('embase.ris')
    expect(await repo.findByHash(projectId, 'other')).toBeUndefined()
  })

  it('undoes a batch with everything attached to its records, leaving other batches', async () => {
    const first = await repo.commitBatch(batch(3))
    const second = await repo.commitBatch(batch(2, { hash: 'h2', fileName: 'pubmed.nbib' }))
    const [recordId] = await db.records.where('batchId').equals(first.id).primaryKeys()
    await db.notes.add({ id: 'n1', projectId, recordId: recordId ?? '', text: 'check', createdAt: 'x' })
    expect(await repo.undo(first.id)).toBe(3)
    expect(await db.records.count()).toBe(2)
    expect(await db.notes.count()).toBe(0)
    expect((await db.importBatches.toArray()).map((row) => row.id)).toEqual([second.id])
  })

  it('refuses to undo once a record has a screening decision', async () => {
    const committed = await repo.commitBatch(batch(2))
    const [recordId] = await db.records.where('batchId').equals(committed.id).primaryKeys()
    await db.decisions.add({
      id: 'd1',
      projectId,
      recordId: recordId ?? '',
      stage: 'title-abstract',
      reviewerId: 'local',
      value: 'include',
      reason: '',
      decidedAt: 'x',
    })
    await expect(repo.undo(committed.id)).rejects.toThrow(UndoImportError)
    await expect(repo.undo(committed.id)).rejects.toThrow(/1 screening decision has already been made/)
    expect(await db.records.count()).toBe(2)
  })

  it('marks a batch left importing by a crash as interrupted, and can dismiss it', async () => {
    await db.importBatches.add({
      id: 'ib_crashed',
      projectId,
      fileName: 'big.ris',
      hash: 'h9',
      format: 'ris',
      encoding: 'utf-8',
      source: 'Scopus',
      recordCount: 100000,
      warningCount: 0,
      status: 'importing',
      createdAt: 'x',
      importedBy: 'local',
    })
    expect(await repo.markInterrupted()).toBe(1)
    expect((await db.importBatches.get('ib_crashed'))?.status).toBe('interrupted')
    await repo.dismissInterrupted('ib_crashed')
    expect(await db.importBatches.count()).toBe(0)
  })
})
