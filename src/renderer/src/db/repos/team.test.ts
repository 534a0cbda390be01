import { beforeEach, describe, expect, it } from 'vitest'

import { emptyRecord } from '../../../../core/records/record'
import type { ReviewerFile } from '../../../../core/screening/reviewer-file'
import { testForm } from '../../../../core/extraction/__fixtures__/forms'
import { createDb, type SiftDb } from '../db'
import { createDecisionsRepo, DecisionReasonError } from './decisions'
import { createExtractionsRepo, extractionId } from './extractions'
import { createImportsRepo } from './imports'
import { createTeamRepo } from './team'
import { projectWithRecords } from '../../test/project-with-records'

const anna = { id: 'rv_anna', name: 'Anna' }
const ben = { id: 'rv_ben', name: 'Ben' }

/** One reviewer's machine: a database with the same three records imported (their ids differ per machine). */
async function machine(): Promise<{ db: SiftDb; projectId: string; ids: string[] }> {
  const db = createDb(`team-test-${Math.random()}`)
  await db.open()
  const { projectId, recordIds: ids } = await projectWithRecords(
    db,
    'Team',
    [
      { ...emptyRecord(), title: 'One', doi: '10.1/one' },
      { ...emptyRecord(), title: 'Two', pmid: '222' },
      { ...emptyRecord(), title: 'Three', year: 2020 },
    ],
    'Embase',
  )
  return { db, projectId, ids }
}

let annaMachine: Awaited<ReturnType<typeof machine>>
let benMachine: Awaited<ReturnType<typeof machine>>

beforeEach(async () => {
  annaMachine = await machine()
  benMachine = await machine()
})

/** Ben's file after he decides every record of his machine at title/abstract. */
async function benDecidesAll(value: 'include' | 'exclude'): Promise<ReviewerFile> {
  const decisions = createDecisionsRepo(benMachine.db)
  for (const recordId of benMachine.ids) {
    await decisions.decide({
      projectId: benMachine.projectId,
      recordId,
      stage: 'title-abstract',
      reviewerId: ben.id,
      value,
      reason: '',
    })
  }
  return createTeamRepo(benMachine.db).exportWork(benMachine.projectId, ben)
}

describe('decisions repo', () => {
  it('keeps one current decision per record, stage and reviewer, and undo puts back the one before', async () => {
    const { db, projectId, ids } = annaMachine
    const repo = createDecisionsRepo(db)
    const recordId = ids[0] ?? ''
    const base = { projectId, recordId, stage: 'title-abstract' as const, reviewerId: anna.id, reason: '' }
    await repo.decide({ ...base, value: 'include' })
    const second = await repo.decide({ ...base, value: 'exclude' })
    expect(await db.decisions.count()).toBe(1)
    expect(second.before?.value).toBe('include')
    await repo.undo(second)
    expect((await db.decisions.toArray()).map((row) => row.value)).toEqual(['include'])
    const types = (await db.events.where('projectId').equals(projectId).toArray()).map((event) => event.type)
    expect(types.filter((type) => type.startsWith('decision'))).toEqual([
      'decision.set',
      'decision.set',
      'decision.undo',
    ])
  })

  it('refuses a full-text exclusion without a reason', async () => {
    const { db, projectId, ids } = annaMachine
    await expect(
      createDecisionsRepo(db).decide({
        projectId,
        recordId: ids[0] ?? '',
        stage: 'full-text',
        reviewerId: anna.id,
        value: 'exclude',
        reason: ' ',
      }),
    ).rejects.toThrow(DecisionReasonError)
  })
})

describe('team repo', () => {
  it("merges a teammate's file by fingerprint, idempotently, keeping the newer decision", async () => {
    const file = await benDecidesAll('exclude')
    expect(file.decisions).toHaveLength(3)

    const team = createTeamRepo(annaMachine.db)
    const first = await team.importWork(annaMachine.projectId, file)
    expect(first).toEqual({
      reviewer: 'Ben',
      decisionsAdded: 3,
      resolutionsAdded: 0,
      extractionsAdded: 0,
      formsAdded: 0,
      unmatchedRecords: 0,
    })
    const again = await team.importWork(annaMachine.projectId, file)
    expect(again.decisionsAdded).toBe(0)

    const merged = await annaMachine.db.decisions.toArray()
    expect(merged.map((row) => row.recordId).sort()).toEqual([...annaMachine.ids].sort())
    expect(await annaMachine.db.reviewers.get(`${annaMachine.projectId}:${ben.id}`)).toMatchObject({
      name: 'Ben',
      isLocal: false,
    })
  })
})

describe('team repo: newer wins', () => {
  it('keeps the newest of several resolutions and never lets older work overwrite newer', async () => {
    const file = await benDecidesAll('exclude')
    const recordId = benMachine.ids[0] ?? ''
    const resolution = (value: 'include' | 'exclude' | 'maybe', resolvedAt: string) => ({
      recordId,
      stage: 'title-abstract' as const,
      value,
      reason: '',
      resolvedBy: ben.id,
      resolvedAt,
    })
    const team = createTeamRepo(annaMachine.db)
    const first = await team.importWork(annaMachine.projectId, {
      ...file,
      resolutions: [
        resolution('include', '2026-01-02T00:00:00Z'),
        resolution('exclude', '2026-01-03T00:00:00Z'),
        resolution('maybe', '2026-01-01T00:00:00Z'),
      ],
    })
    expect(first).toMatchObject({ decisionsAdded: 3, resolutionsAdded: 1 })
    const older = await team.importWork(annaMachine.projectId, {
      ...file,
      decisions: file.decisions.map((decision) => ({
        ...decision,
        value: 'include' as const,
        decidedAt: '2000-01-01T00:00:00Z',
      })),
      resolutions: [resolution('include', '2026-01-02T12:00:00Z')],
    })
    expect(older).toMatchObject({ decisionsAdded: 0, resolutionsAdded: 0 })
    const decisions = await annaMachine.db.decisions.toArray()
    expect(decisions.map((row) => row.value)).toEqual(['exclude', 'exclude', 'exclude'])
    const resolutions = await annaMachine.db.resolutions.toArray()
    expect(resolutions.map((row) => [row.value, row.resolvedAt])).toEqual([
      ['exclude', '2026-01-03T00:00:00Z'],
    ])
  })
})

describe('team repo: matching records', () => {
  it('leaves a decision unmatched when two local records share its fingerprint, and matches the others', async () => {
    await createImportsRepo(annaMachine.db).commitBatch({
      projectId: annaMachine.projectId,
      fileName: 'again.ris',
      hash: 'h2',
      format: 'ris',
      encoding: 'utf-8',
      source: 'PubMed',
      warningCount: 0,
      records: [{ ...emptyRecord(), title: 'THREE.', year: 2020 }],
    })
    const file = await benDecidesAll('include')
    const result = await createTeamRepo(annaMachine.db).importWork(annaMachine.projectId, file)
    expect(result).toMatchObject({ decisionsAdded: 2, unmatchedRecords: 1 })
    const matched = (await annaMachine.db.decisions.toArray()).map((row) => row.recordId).sort()
    expect(matched).toEqual([annaMachine.ids[0], annaMachine.ids[1]].sort())
  })
})

describe('team repo: finding the records a file speaks of', () => {
  /** The titles of the records that hold a decision on `target`, sorted. */
  async function decidedTitles(target: Awaited<ReturnType<typeof machine>>): Promise<string[]> {
    const decided = (await target.db.decisions.toArray()).map((row) => row.recordId)
    const records = await target.db.records.bulkGet(decided)
    return records.map((record) => record?.title ?? '?').sort()
  }

  it('matches through index lookups (a few records: live sync) as through a pass over the project (a large file)', async () => {
    const file = await benDecidesAll('include')
    // Records the teammate has and this machine does not: past 1,000 the whole project is read instead.
    const padding = Array.from({ length: 1_001 }, (_, n) => ({ id: `pad${n}`, fingerprint: `doi:10.9/${n}` }))
    const carol = await machine()
    const small = await createTeamRepo(annaMachine.db).importWork(annaMachine.projectId, file)
    const large = await createTeamRepo(carol.db).importWork(carol.projectId, {
      ...file,
      records: [...file.records, ...padding],
    })
    expect(small).toMatchObject({ decisionsAdded: 3, unmatchedRecords: 0 })
    expect(large).toEqual(small)
    expect(await decidedTitles(annaMachine)).toEqual(['One', 'Three', 'Two'])
    expect(await decidedTitles(carol)).toEqual(await decidedTitles(annaMachine))
  })
})

describe('team repo: extractions', () => {
  const values = {
    n_patients: 60,
    arms: [{ id: 'armA', label: 'TACE', modality: 'tace', technique: 'doxorubicin', n: 35 }],
    outcomes: {
      armA: { median_os: { overall: { value: 42.5 } }, complications: { overall: { events: 4 } } },
    },
  }

  async function benExtracts(patients: number): Promise<void> {
    await createExtractionsRepo(benMachine.db).save({
      projectId: benMachine.projectId,
      recordId: benMachine.ids[1] ?? '',
      reviewerId: ben.id,
      form: testForm,
      values: { ...values, n_patients: patients },
      status: 'complete',
    })
  }

  it("imports a teammate's extractions with their form and outcome rows, idempotently, newer wins", async () => {
    await createExtractionsRepo(benMachine.db).saveFormVersion(benMachine.projectId, testForm)
    await benExtracts(60)
    const file = await createTeamRepo(benMachine.db).exportWork(benMachine.projectId, ben)
    expect(file.extractions).toHaveLength(1)
    expect(file.forms?.map((form) => form.version)).toEqual([testForm.version])

    const { db, projectId, ids } = annaMachine
    const team = createTeamRepo(db)
    const first = await team.importWork(projectId, file)
    expect(first).toMatchObject({ extractionsAdded: 1, formsAdded: 1, unmatchedRecords: 0 })
    const id = extractionId(ids[1] ?? '', ben.id)
    expect(await db.extractions.get(id)).toMatchObject({ projectId, status: 'complete', values })
    const outcomes = await db.outcomes.where('extractionId').equals(id).toArray()
    expect(outcomes.map((row) => [row.recordId, row.outcome]).sort()).toEqual([
      [ids[1], 'complications'],
      [ids[1], 'median_os'],
    ])

    const again = await team.importWork(projectId, file)
    expect(again).toMatchObject({ extractionsAdded: 0, formsAdded: 0 })
    expect(await db.extractions.count()).toBe(1)
    expect(await db.outcomes.count()).toBe(2)
    expect(await db.extractionForms.count()).toBe(1)

    // Ben corrects the number later: the newer extraction replaces the one Anna has.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await benExtracts(61)
    const newer = await createTeamRepo(benMachine.db).exportWork(benMachine.projectId, ben)
    expect(await team.importWork(projectId, newer)).toMatchObject({ extractionsAdded: 1, formsAdded: 0 })
    expect((await db.extractions.get(id))?.values.n_patients).toBe(61)
    // The older file does not undo the correction.
    expect(await team.importWork(projectId, file)).toMatchObject({ extractionsAdded: 0 })
    expect((await db.extractions.get(id))?.values.n_patients).toBe(61)
    expect(await db.outcomes.count()).toBe(2)
  })
})
