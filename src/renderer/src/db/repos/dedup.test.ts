import { beforeEach, describe, expect, it } from 'vitest'

import { findDuplicates } from '../../../../core/dedup'
import { emptyRecord, type CitationRecord } from '../../../../core/records/record'
import { createDb, type SiftDb } from '../db'
import { createDecisionsRepo } from './decisions'
import { createDedupRepo, mergedAwayIds, type DedupRepo } from './dedup'
import { createImportsRepo } from './imports'
import { createProjectsRepo } from './projects'

let db: SiftDb
let repo: DedupRepo
let projectId: string

const paper = (overrides: Partial<CitationRecord>): CitationRecord => ({
  ...emptyRecord(),
  authors: [{ family: 'Smith', given: 'J' }],
  year: 2020,
  journal: 'Journal of Hepatology',
  volume: '12',
  ...overrides,
})

async function importFile(fileName: string, source: string, records: CitationRecord[]): Promise<void> {
  await createImportsRepo(db).commitBatch({
    projectId,
    fileName,
    hash: fileName,
    format: 'ris',
    encoding: 'utf-8',
    source,
    warningCount: 0,
    records: records.map((record) => ({ ...record, source })),
  })
}

async function visibleIds(): Promise<string[]> {
  const hidden = await mergedAwayIds(db, projectId)
  const ids = await db.records.where('projectId').equals(projectId).primaryKeys()
  return ids.filter((id) => !hidden.has(id))
}

async function runFind(isAutoMerge: boolean) {
  const { records, notDuplicates } = await repo.loadInputs(projectId)
  return repo.saveFindings(projectId, findDuplicates(records, { notDuplicates }), isAutoMerge)
}

beforeEach(async () => {
  db = createDb(`dedup-test-${Math.random()}`)
  await db.open()
  repo = createDedupRepo(db)
  projectId = (await createProjectsRepo(db).create('Review')).id
  await importFile('pubmed.ris', 'PubMed', [
    paper({ title: 'Radioembolization for liver metastases', doi: '10.1000/abc', pages: '100-110' }),
    paper({ title: 'A completely different trial of statins', doi: '10.1000/zzz', year: 2018 }),
  ])
  await importFile('embase.ris', 'Embase', [
    paper({
      title: 'RADIOEMBOLIZATION FOR LIVER METASTASES',
      doi: '10.1000/ABC',
      pages: '100',
      abstract: 'A longer abstract only Embase had.',
    }),
  ])
})

describe('dedup repo', () => {
  it('merges certain duplicates, hides the merged-away record, and brings it back on undo', async () => {
    const findings = await runFind(true)
    expect(findings).toMatchObject({ certain: 1, merged: 1 })
    expect(await visibleIds()).toHaveLength(2)
    expect(await repo.countDuplicatesRemoved(projectId)).toBe(1)

    const [cluster] = await db.duplicateClusters
      .where('[projectId+status]')
      .equals([projectId, 'merged'])
      .toArray()
    expect(cluster?.sources?.map((source) => source.source).sort()).toEqual(['Embase', 'PubMed'])
    const kept = await db.records.get(cluster?.keepRecordId ?? '')
    // The kept record is filled from the other one: the abstract and the mixed-case title survive.
    expect(kept?.abstract).toBe('A longer abstract only Embase had.')
    expect(kept?.title).toBe('Radioembolization for liver metastases')

    await repo.undoMerge(cluster?.id ?? '')
    expect(await visibleIds()).toHaveLength(3)
    expect(await repo.countDuplicatesRemoved(projectId)).toBe(0)
    expect((await db.duplicateClusters.get(cluster?.id ?? ''))?.status).toBe('suggested')
    const types = (await db.events.where('projectId').equals(projectId).toArray()).map((event) => event.type)
    expect(types).toEqual(expect.arrayContaining(['dedup.find', 'dedup.merge', 'dedup.undo-merge']))
  })

  it('leaves certain clusters for review when automatic merging is off, then merges on request', async () => {
    await runFind(false)
    expect(await visibleIds()).toHaveLength(3)
    const [suggestion] = await db.duplicateClusters.where('projectId').equals(projectId).toArray()
    expect(suggestion).toMatchObject({ status: 'suggested', isCertain: true })
    await repo.merge(suggestion?.id ?? '')
    expect(await visibleIds()).toHaveLength(2)
  })

  it('remembers "not duplicates", so the next run does not suggest the pair again', async () => {
    await runFind(false)
    const [suggestion] = await db.duplicateClusters.where('projectId').equals(projectId).toArray()
    await repo.markNotDuplicates(suggestion?.id ?? '')
    const again = await runFind(true)
    expect(again).toEqual({ certain: 0, merged: 0, uncertain: 0 })
    expect(await visibleIds()).toHaveLength(3)
    const statuses = (await db.duplicateClusters.where('projectId').equals(projectId).toArray()).map(
      (cluster) => cluster.status,
    )
    expect(statuses).toEqual(['not-duplicate'])
  })

  it('keeps the setting "merge certain duplicates automatically" on unless turned off', async () => {
    expect(await repo.isAutoMerge(projectId)).toBe(true)
    await repo.setAutoMerge(projectId, false)
    expect(await repo.isAutoMerge(projectId)).toBe(false)
  })

  it('keeps decisions on merged-away records, and refuses to undo a merge a later merge builds on', async () => {
    const ids = await visibleIds()
    await createDecisionsRepo(db).decide({
      projectId,
      recordId: ids[2] ?? '',
      stage: 'title-abstract',
      reviewerId: 'r1',
      value: 'exclude',
      reason: '',
    })
    await runFind(true)
    expect(await db.decisions.count()).toBe(1)
    const [first] = await db.duplicateClusters
      .where('[projectId+status]')
      .equals([projectId, 'merged'])
      .toArray()
    await importFile('scopus.ris', 'Scopus', [
      paper({ title: 'Radioembolization for liver metastases', doi: '10.1000/abc', pages: '100-110' }),
    ])
    await runFind(true)
    expect(await repo.countDuplicatesRemoved(projectId)).toBe(2)
    await expect(repo.undoMerge(first?.id ?? '')).rejects.toThrow('undo that merge first')
  })

  it('carries decisions, tags and notes onto the kept record, flags disagreement, and undo removes the copies', async () => {
    const [pubmed, , embase] = await visibleIds()
    const decide = (recordId: string, reviewerId: string, value: 'include' | 'exclude') =>
      createDecisionsRepo(db).decide({
        projectId,
        recordId,
        stage: 'title-abstract',
        reviewerId,
        value,
        reason: '',
      })
    await decide(pubmed ?? '', 'r1', 'include')
    await decide(pubmed ?? '', 'r2', 'include')
    await decide(embase ?? '', 'r2', 'exclude')
    await db.notes.add({
      id: 'n1',
      projectId,
      recordId: pubmed ?? '',
      text: 'Check arm sizes',
      createdAt: '',
    })
    await db.recordTags.add({
      id: 't1',
      projectId,
      recordId: pubmed ?? '',
      tagId: 'tace',
      taxonomyId: 'tx1',
      source: 'manual',
      confirmed: true,
    })

    await runFind(true)
    const [cluster] = await db.duplicateClusters
      .where('[projectId+status]')
      .equals([projectId, 'merged'])
      .toArray()
    // The Embase record has the abstract, so it is kept; the PubMed record's work moves onto it.
    expect(cluster?.keepRecordId).toBe(embase)
    const onKept = await db.decisions
      .where('recordId')
      .equals(embase ?? '')
      .toArray()
    expect(onKept.map((row) => `${row.reviewerId}:${row.value}`).sort()).toEqual(['r1:include', 'r2:exclude'])
    expect(cluster?.carryConflicts).toEqual([
      expect.objectContaining({ kind: 'decision', reviewerId: 'r2', kept: 'exclude', other: 'include' }),
    ])
    expect(
      (
        await db.notes
          .where('recordId')
          .equals(embase ?? '')
          .toArray()
      ).map((row) => row.text),
    ).toEqual(['Check arm sizes'])
    expect(
      await db.recordTags
        .where('recordId')
        .equals(embase ?? '')
        .count(),
    ).toBe(1)

    await repo.undoMerge(cluster?.id ?? '')
    const afterUndo = await db.decisions
      .where('recordId')
      .equals(embase ?? '')
      .toArray()
    expect(afterUndo.map((row) => `${row.reviewerId}:${row.value}`)).toEqual(['r2:exclude'])
    expect(
      await db.notes
        .where('recordId')
        .equals(embase ?? '')
        .count(),
    ).toBe(0)
    expect(
      await db.recordTags
        .where('recordId')
        .equals(embase ?? '')
        .count(),
    ).toBe(0)
    // The merged-away record never lost its own work.
    expect(
      await db.decisions
        .where('recordId')
        .equals(pubmed ?? '')
        .count(),
    ).toBe(2)
  })

  it('keeps a decision changed on the kept record after the merge when the merge is undone', async () => {
    const [pubmed, , embase] = await visibleIds()
    const decisions = createDecisionsRepo(db)
    const input = { projectId, stage: 'title-abstract' as const, reviewerId: 'r1', reason: '' }
    await decisions.decide({ ...input, recordId: pubmed ?? '', value: 'include' })
    await runFind(true)
    await new Promise((resolve) => setTimeout(resolve, 2))
    await decisions.decide({ ...input, recordId: embase ?? '', value: 'exclude' })
    const [cluster] = await db.duplicateClusters.where('projectId').equals(projectId).toArray()
    await repo.undoMerge(cluster?.id ?? '')
    const kept = await db.decisions
      .where('recordId')
      .equals(embase ?? '')
      .toArray()
    expect(kept.map((row) => row.value)).toEqual(['exclude'])
  })
})
