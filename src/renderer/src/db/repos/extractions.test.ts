import { beforeEach, describe, expect, it } from 'vitest'

import netlm from '../../../../../resources/forms/netlm.json'
import { armsField, type ExtractionForm } from '../../../../core/extraction/form'
import { checkForm } from '../../../../core/extraction/form-parse'
import { emptyValues, newArm } from '../../../../core/extraction/values'
import { createDb, type SiftDb } from '../db'
import {
  consensusReviewerId,
  createExtractionsRepo,
  FormVersionError,
  type ExtractionsRepo,
} from './extractions'

let db: SiftDb
let repo: ExtractionsRepo
let form: ExtractionForm

beforeEach(async () => {
  db = createDb(`extractions-test-${Math.random()}`)
  await db.open()
  repo = createExtractionsRepo(db)
  const parsed = checkForm(netlm)
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  form = parsed.form
})

/** Values with one arm and one filled outcome cell of the first outcome of the first grid. */
function valuesWithArm(n: number) {
  const values = emptyValues(form)
  const arms = armsField(form)
  const grid = form.sections.flatMap((s) => s.fields).find((f) => f.type === 'outcomeGrid')
  if (!arms || grid?.type !== 'outcomeGrid') throw new Error('NETLM form has arms and an outcome grid')
  const arm = { ...newArm('TACE'), n }
  const outcome = grid.outcomes.find((o) => o.kind === 'proportion')
  if (!outcome) throw new Error('NETLM form has a proportion outcome')
  const timepointId = outcome.timepoints?.[0]?.id ?? 'overall'
  values[arms.id] = [arm]
  values[grid.id] = { [arm.id]: { [outcome.id]: { [timepointId]: { events: 5, total: n } } } }
  return values
}

describe('extractions repo', () => {
  it('keeps every form version and refuses to overwrite one', async () => {
    await repo.saveFormVersion('p1', form, 'rv_a')
    await repo.saveFormVersion('p1', { ...form, version: 2 }, 'rv_a')
    await repo.saveFormVersion('p2', form, 'rv_a')
    expect(await db.extractionForms.where('projectId').equals('p1').count()).toBe(2)
    await expect(repo.saveFormVersion('p1', form, 'rv_a')).rejects.toThrow(FormVersionError)
    const events = await db.events.where('projectId').equals('p1').toArray()
    expect(events.map((event) => event.type)).toEqual(['extraction-form.save', 'extraction-form.save'])
  })

  it('saves an extraction with its outcome rows and an event, replacing the rows on the next save', async () => {
    const input = { projectId: 'p1', recordId: 'r1', reviewerId: 'rv_a', form, status: 'draft' as const }
    await repo.save({ ...input, values: valuesWithArm(20) })
    const saved = await db.extractions.get('r1:rv_a')
    expect(saved).toMatchObject({ formId: 'netlm', formVersion: 1, status: 'draft', orphaned: {} })
    let rows = await db.outcomes.where('extractionId').equals('r1:rv_a').toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ projectId: 'p1', arm: 'TACE', events: 5, total: 20, value: 25 })

    await repo.save({ ...input, values: emptyValues(form), status: 'complete' })
    rows = await db.outcomes.where('extractionId').equals('r1:rv_a').toArray()
    expect(rows).toHaveLength(0)
    expect((await db.extractions.get('r1:rv_a'))?.status).toBe('complete')
    const events = await db.events.where('projectId').equals('p1').toArray()
    expect(events.map((event) => event.type)).toEqual(['extraction.save', 'extraction.save'])
    expect(events[1]?.before).toMatchObject({ status: 'draft' })
  })

  it('keeps each reviewer’s extraction and the consensus apart', async () => {
    const input = { projectId: 'p1', recordId: 'r1', form, status: 'complete' as const }
    await repo.save({ ...input, reviewerId: 'rv_a', values: valuesWithArm(20) })
    await repo.save({ ...input, reviewerId: 'rv_b', values: valuesWithArm(25) })
    await repo.save({ ...input, reviewerId: consensusReviewerId, values: valuesWithArm(25) }, 'rv_a')
    expect(await db.extractions.where('recordId').equals('r1').count()).toBe(3)
    expect(await db.outcomes.where('recordId').equals('r1').count()).toBe(3)
    const reconciled = (await db.events.toArray()).filter((event) => event.entityId === 'r1:consensus')
    expect(reconciled.map((event) => [event.type, event.actor])).toEqual([['extraction.reconcile', 'rv_a']])
    expect(await db.extractions.get('r1:rv_b')).toMatchObject({ reviewerId: 'rv_b', status: 'complete' })
  })
})
