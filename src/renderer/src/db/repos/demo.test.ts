import { beforeEach, describe, expect, it, vi } from 'vitest'

import netlmForm from '../../../../../resources/forms/netlm.json'
import { checkForm } from '../../../../core/extraction/form-parse'
import { schemaFor } from '../../../../core/extraction/schema'
import { formWarnings } from '../../../../core/extraction/warnings'
import { createDb, type SiftDb } from '../db'
import type { Outcome } from '../schema'
import { createDemoRepo, demoData, type DemoRepo } from './demo'
import { createReviewersRepo } from './reviewers'

let db: SiftDb
let repo: DemoRepo

beforeEach(async () => {
  db = createDb(`demo-test-${Math.random()}`)
  await db.open()
  repo = createDemoRepo(db)
})

const data = demoData()
const included = data.studies.filter((study) => study.fullText === 'include')

/** Outcome values (percent) of arms whose modality is one of `modalities`. */
function values(outcomes: Outcome[], outcome: string, modalities: string[], timepointId = 'overall') {
  return outcomes
    .filter((row) => row.outcome === outcome && row.timepointId === timepointId)
    .filter((row) => modalities.includes(row.modality))
    .map((row) => Math.round(row.value ?? Number.NaN))
}

describe('demo data file', () => {
  it('is invented data: demo DOIs, no PMIDs, every abstract marked', () => {
    expect(data.project.name).toMatch(/^Demo: .*invented data/)
    expect(data.project.description).toMatch(/demo data/i)
    for (const study of data.studies) {
      expect(study.doi).toMatch(/^10\.5555\/demo\./)
      expect(study.abstract).toContain('Invented demo record')
    }
  })

  it('has a dozen included studies and a few excluded ones, from PubMed and Embase', () => {
    expect(included).toHaveLength(12)
    expect(data.studies.length - included.length).toBeGreaterThanOrEqual(2)
    expect(data.batches.map((batch) => batch.source)).toEqual(['PubMed', 'Embase'])
  })
})

describe('demo repo', () => {
  it('writes the demo through the repositories: records, decisions, tags, extractions and outcome rows', async () => {
    const projectId = await repo.loadDemo()
    const project = await db.projects.get(projectId)
    expect(project?.name).toBe(data.project.name)

    const batches = await db.importBatches.where('projectId').equals(projectId).toArray()
    expect(batches.map((batch) => [batch.source, batch.status])).toEqual([
      ['PubMed', 'committed'],
      ['Embase', 'committed'],
    ])
    expect(await db.records.where('projectId').equals(projectId).count()).toBe(data.studies.length)

    const decisions = await db.decisions.where('projectId').equals(projectId).toArray()
    const fullText = decisions.filter((decision) => decision.stage === 'full-text')
    expect(decisions.filter((decision) => decision.stage === 'title-abstract')).toHaveLength(
      data.studies.length,
    )
    expect(fullText.filter((decision) => decision.value === 'include')).toHaveLength(12)
    const reasons = fullText
      .filter((decision) => decision.value === 'exclude')
      .map((decision) => decision.reason)
    expect(reasons.sort()).toEqual(['No outcome data', 'Wrong population'])

    const tags = await db.recordTags.where('projectId').equals(projectId).toArray()
    expect(tags.length).toBeGreaterThanOrEqual(24)
    expect(tags.every((tag) => tag.confirmed)).toBe(true)
    expect(await db.taxonomies.where('projectId').equals(projectId).count()).toBe(2)

    expect(await db.extractionForms.where('projectId').equals(projectId).count()).toBe(1)
    const extractions = await db.extractions.where('projectId').equals(projectId).toArray()
    expect(extractions).toHaveLength(12)
    expect(extractions.every((extraction) => extraction.status === 'complete')).toBe(true)
    expect(await db.outcomes.where('projectId').equals(projectId).count()).toBeGreaterThan(0)

    const eventTypes = new Set(
      (await db.events.where('projectId').equals(projectId).toArray()).map((e) => e.type),
    )
    for (const type of ['project.create', 'import.commit', 'decision.set', 'tag.accept', 'extraction.save'])
      expect(eventTypes).toContain(type)
  })

  it('reads like the NETLM review: embolization ranges, resection survival, one RCT', async () => {
    const projectId = await repo.loadDemo()
    const outcomes = await db.outcomes.where('projectId').equals(projectId).toArray()
    const embolization = ['hepatic-artery-embolization', 'tace', 'deb-tace']
    const relief = values(outcomes, 'symptom_relief', embolization)
    const response = values(outcomes, 'objective_response', embolization)
    expect([Math.min(...relief), Math.max(...relief)]).toEqual([75, 100])
    expect([Math.min(...response), Math.max(...response)]).toEqual([33, 80])
    const fiveYear = values(outcomes, 'overall_survival', ['surgery'], 'y5')
    const tenYear = values(outcomes, 'overall_survival', ['surgery'], 'y10')
    expect(fiveYear.every((value) => value >= 60 && value <= 70)).toBe(true)
    expect(tenYear.every((value) => value >= 33 && value <= 37)).toBe(true)
    const designs = included.map((study) => study.design)
    expect(designs.filter((design) => design === 'rct')).toHaveLength(1)
    expect(designs.filter((design) => design === 'case-series').length).toBeGreaterThan(designs.length / 2)
  })

  it('stores extractions that pass the form and raise no warnings', async () => {
    const parsed = checkForm(netlmForm)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const projectId = await repo.loadDemo()
    for (const extraction of await db.extractions.where('projectId').equals(projectId).toArray()) {
      expect(schemaFor(parsed.form).safeParse(extraction.values).success).toBe(true)
      expect(formWarnings(extraction.values, parsed.form)).toEqual([])
    }
  })

  it('loads only once: a second load returns the same project and writes nothing', async () => {
    const first = await repo.loadDemo()
    const counts = async () => [await db.projects.count(), await db.records.count(), await db.events.count()]
    const before = await counts()
    expect(await repo.loadDemo()).toBe(first)
    expect(await repo.findDemo()).toBe(first)
    expect(await counts()).toEqual(before)
  })

  it('writes nothing when a step fails midway, so a half-made demo is never left behind', async () => {
    vi.spyOn(db.outcomes, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'))
    await expect(repo.loadDemo()).rejects.toThrow('disk full')
    expect(await db.projects.count()).toBe(0)
    expect(await db.records.count()).toBe(0)
    expect(await db.events.count()).toBe(0)
    vi.restoreAllMocks()
    expect(await db.projects.get(await repo.loadDemo())).toBeDefined()
  })

  it('two loads at once still make one demo', async () => {
    const [a, b] = await Promise.all([repo.loadDemo(), repo.loadDemo()])
    expect(a).toBe(b)
    expect(await db.projects.count()).toBe(1)
  })

  it('keeps the reviewer already active on this machine, and activates the demo reviewer when there is none', async () => {
    const reviewers = createReviewersRepo(db)
    const me = await reviewers.add('Ada Reviewer')
    await repo.loadDemo()
    expect((await reviewers.active())?.id).toBe(me.id)
    expect((await reviewers.profiles()).map((profile) => profile.name)).toContain(data.reviewer)

    const fresh = createDb(`demo-test-${Math.random()}`)
    await fresh.open()
    await createDemoRepo(fresh).loadDemo()
    expect((await createReviewersRepo(fresh).active())?.name).toBe(data.reviewer)
  })
})
