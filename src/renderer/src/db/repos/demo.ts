import { z } from 'zod'

import demoJson from '../../../../../resources/demo/netlm-demo.json'
import netlmForm from '../../../../../resources/forms/netlm.json'
import netlmTaxonomies from '../../../../../resources/taxonomies/netlm.json'
import {
  armsField,
  findField,
  outcomeGrids,
  type ExtractionForm,
  type OutcomeDefinition,
} from '../../../../core/extraction/form'
import { checkForm } from '../../../../core/extraction/form-parse'
import {
  emptyValues,
  newArm,
  type ExtractionValues,
  type OutcomeCellValue,
  type OutcomeGridValue,
} from '../../../../core/extraction/values'
import { emptyRecord, type CitationRecord } from '../../../../core/records/record'
import { defaultExclusionReasons } from '../../../../core/screening/reasons'
import { parseTemplate, type TaxonomyTemplate } from '../../../../core/tagging/taxonomy-json'
import type { SiftDb } from '../db'
import { createDecisionsRepo } from './decisions'
import { createExtractionsRepo } from './extractions'
import { createImportsRepo } from './imports'
import { createProjectsRepo } from './projects'
import { createReviewersRepo, type ReviewerProfile } from './reviewers'
import { createTaggingRepo, type TagChoice } from './tagging'

/*
 * The demo project: an invented NETLM review (resources/demo/netlm-demo.json) written through the app's own
 * repositories, so its rows, events and derived outcome rows are exactly what a user's work would produce.
 */

const decisionValue = z.enum(['include', 'exclude', 'maybe'])
const count = z.number().int().nonnegative()
const cellSchema = z.strictObject({
  events: count.optional(),
  total: count.optional(),
  value: z.number().optional(),
  criteria: z.string().optional(),
  cr: count.optional(),
  pr: count.optional(),
  sd: count.optional(),
  pd: count.optional(),
})
const armSchema = z.strictObject({
  label: z.string().min(1),
  modality: z.string().min(1),
  technique: z.string(),
  n: count,
  /** Outcome id → cell, or → timepoint id → cell for outcomes with timepoints. */
  outcomes: z.record(z.string(), z.unknown()),
})
const fieldValue = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.strictObject({ events: count, total: count }),
])
const studySchema = z.strictObject({
  batch: z.string(),
  title: z.string().min(1),
  abstract: z.string().includes('Invented demo record'),
  authors: z.array(z.tuple([z.string(), z.string()])),
  year: z.number().int(),
  journal: z.string(),
  journalAbbrev: z.string(),
  volume: z.string(),
  issue: z.string(),
  pages: z.string(),
  doi: z.string().startsWith('10.5555/demo.'),
  keywords: z.array(z.string()),
  publicationTypes: z.array(z.string()),
  titleAbstract: decisionValue,
  fullText: decisionValue.optional(),
  fullTextReason: z.string().optional(),
  modalities: z.array(z.string()).optional(),
  design: z.string().optional(),
  extraction: z
    .strictObject({ fields: z.record(z.string(), fieldValue), arms: z.array(armSchema).min(1) })
    .optional(),
})
const demoSchema = z.strictObject({
  format: z.literal('sift-demo'),
  version: z.literal(1),
  notice: z.string(),
  project: z.strictObject({
    name: z.string(),
    description: z.string(),
    includeTerms: z.array(z.string()),
    excludeTerms: z.array(z.string()),
  }),
  reviewer: z.string(),
  batches: z.array(
    z.strictObject({ id: z.string(), source: z.string(), fileName: z.string(), format: z.string() }),
  ),
  studies: z.array(studySchema),
})

export type DemoData = z.infer<typeof demoSchema>
type DemoStudy = z.infer<typeof studySchema>
type DemoArm = z.infer<typeof armSchema>

/** The shipped demo, checked; a broken demo file is a bug, so it throws with the first problem. */
export function demoData(): DemoData {
  return demoSchema.parse(demoJson)
}

function netlmTemplate(): TaxonomyTemplate {
  const parsed = parseTemplate(netlmTaxonomies)
  if (!parsed.ok) throw new Error(`resources/taxonomies/netlm.json: ${parsed.error}`)
  return parsed.value
}

function netlmExtractionForm(): ExtractionForm {
  const parsed = checkForm(netlmForm)
  if (!parsed.ok) throw new Error(`resources/forms/netlm.json: ${parsed.errors.join('; ')}`)
  return parsed.form
}

function toRecord(study: DemoStudy, source: string): CitationRecord {
  return {
    ...emptyRecord(),
    title: study.title,
    abstract: study.abstract,
    authors: study.authors.map(([family, given]) => ({ family, given })),
    year: study.year,
    journal: study.journal,
    journalAbbrev: study.journalAbbrev,
    volume: study.volume,
    issue: study.issue,
    pages: study.pages,
    doi: study.doi.toLowerCase(),
    keywords: study.keywords,
    publicationTypes: study.publicationTypes,
    language: 'eng',
    source,
  }
}

/** The cells of one outcome of one arm: keyed by timepoint when the outcome has timepoints, else the cell itself. */
function outcomeCells(outcome: OutcomeDefinition, raw: unknown): Record<string, OutcomeCellValue> {
  const timepoints = outcome.timepoints ?? []
  if (timepoints.length === 0) return { overall: cellSchema.parse(raw) }
  const cells = z.record(z.string(), cellSchema).parse(raw)
  for (const id of Object.keys(cells)) {
    if (!timepoints.some((timepoint) => timepoint.id === id))
      throw new Error(`Demo data: outcome "${outcome.id}" has no timepoint "${id}".`)
  }
  return cells
}

function armCells(form: ExtractionForm, arm: DemoArm): Record<string, Record<string, OutcomeCellValue>> {
  const outcomes = outcomeGrids(form).flatMap((grid) => grid.outcomes)
  const cells: Record<string, Record<string, OutcomeCellValue>> = {}
  for (const [outcomeId, raw] of Object.entries(arm.outcomes)) {
    const outcome = outcomes.find((each) => each.id === outcomeId)
    if (!outcome) throw new Error(`Demo data: the form has no outcome "${outcomeId}".`)
    cells[outcomeId] = outcomeCells(outcome, raw)
  }
  return cells
}

/** A study's extraction as form values: its fields, its arms (with fresh ids) and the outcome grid keyed by them. */
export function extractionValues(
  form: ExtractionForm,
  extraction: NonNullable<DemoStudy['extraction']>,
): ExtractionValues {
  const values = emptyValues(form)
  for (const [fieldId, value] of Object.entries(extraction.fields)) {
    const field = findField(form, fieldId)
    if (!field || field.type === 'arms' || field.type === 'outcomeGrid')
      throw new Error(`Demo data: the form has no scalar field "${fieldId}".`)
    values[fieldId] = value
  }
  const arms = armsField(form)
  const grid = outcomeGrids(form)[0]
  if (!arms || !grid) throw new Error('The NETLM form needs an arms field and an outcome grid.')
  const gridValue: OutcomeGridValue = {}
  values[arms.id] = extraction.arms.map((arm) => {
    const value = { ...newArm(arm.label), modality: arm.modality, technique: arm.technique, n: arm.n }
    gridValue[value.id] = armCells(form, arm)
    return value
  })
  values[grid.id] = gridValue
  return values
}

function checkTerms(template: TaxonomyTemplate, study: DemoStudy): void {
  const missing = [
    ...(study.modalities ?? []).filter((id) => !template.modality.terms.some((term) => term.id === id)),
    ...(study.design && !template.design.terms.some((term) => term.id === study.design)
      ? [study.design]
      : []),
  ]
  if (missing.length > 0)
    throw new Error(`Demo data: "${study.title}" is tagged with unknown terms ${missing.join(', ')}.`)
}

export function createDemoRepo(db: SiftDb) {
  const projects = createProjectsRepo(db)
  const imports = createImportsRepo(db)
  const reviewers = createReviewersRepo(db)
  const decisions = createDecisionsRepo(db)
  const tagging = createTaggingRepo(db)
  const extractions = createExtractionsRepo(db)

  async function findDemo(name: string): Promise<string | undefined> {
    const found = await db.projects.filter((project) => project.name === name).first()
    return found?.id
  }

  /**
   * The demo reviewer profile: reused when this machine has it already. Someone already screening on this machine
   * stays the active reviewer; the demo reviewer becomes active only when there was none.
   */
  async function demoReviewer(name: string): Promise<ReviewerProfile> {
    const active = await reviewers.active()
    const existing = (await reviewers.profiles()).find((profile) => profile.name === name)
    const profile = existing ?? (await reviewers.add(name))
    if (active && active.id !== profile.id) await reviewers.activate(active.id)
    return profile
  }

  /** Imports the studies batch by batch and returns their record ids in the order of `data.studies`. */
  async function importStudies(projectId: string, data: DemoData): Promise<string[]> {
    const recordIds = new Map<DemoStudy, string>()
    for (const batch of data.batches) {
      const studies = data.studies.filter((study) => study.batch === batch.id)
      const committed = await imports.commitBatch({
        projectId,
        fileName: batch.fileName,
        hash: `sift-demo-v${data.version}-${batch.id}`,
        format: batch.format,
        encoding: 'utf-8',
        source: batch.source,
        warningCount: 0,
        records: studies.map((study) => toRecord(study, batch.source)),
      })
      const rows = await db.records.where('batchId').equals(committed.id).sortBy('sourceIndex')
      rows.forEach((row, index) => {
        const study = studies[index]
        if (study) recordIds.set(study, row.id)
      })
    }
    return data.studies.map((study) => {
      const id = recordIds.get(study)
      if (!id) throw new Error(`Demo data: "${study.title}" names an unknown batch "${study.batch}".`)
      return id
    })
  }

  async function screen(projectId: string, reviewerId: string, studies: DemoStudy[], ids: string[]) {
    const base = { projectId, reviewerId, reason: '' }
    for (const value of decisionValue.options) {
      const atTitle = ids.filter((_, index) => studies[index]?.titleAbstract === value)
      if (atTitle.length > 0) await decisions.decideMany(atTitle, { ...base, stage: 'title-abstract', value })
    }
    for (const [index, study] of studies.entries()) {
      const recordId = ids[index]
      if (!study.fullText || !recordId) continue
      const reason = study.fullText === 'exclude' ? (study.fullTextReason ?? '') : ''
      await decisions.decide({ ...base, recordId, stage: 'full-text', value: study.fullText, reason })
    }
  }

  async function tag(projectId: string, actor: string, studies: DemoStudy[], ids: string[]) {
    const template = netlmTemplate()
    await tagging.installTemplate(projectId, [template.modality, template.design], actor)
    const rows = await db.taxonomies.where('projectId').equals(projectId).toArray()
    const modality = rows.find((row) => row.kind === 'modality')
    const design = rows.find((row) => row.kind === 'design')
    if (!modality || !design) throw new Error('The NETLM taxonomies were not installed.')
    const choices: TagChoice[] = studies.flatMap((study, index) => {
      checkTerms(template, study)
      const recordId = ids[index] ?? ''
      const source = 'manual' as const
      return [
        ...(study.modalities ?? []).map((termId) => ({ recordId, taxonomyId: modality.id, termId, source })),
        ...(study.design ? [{ recordId, taxonomyId: design.id, termId: study.design, source }] : []),
      ]
    })
    await tagging.acceptMany(projectId, choices, actor)
  }

  async function extract(projectId: string, reviewerId: string, studies: DemoStudy[], ids: string[]) {
    const form = netlmExtractionForm()
    await extractions.saveFormVersion(projectId, form, reviewerId)
    for (const [index, study] of studies.entries()) {
      const recordId = ids[index]
      if (!study.extraction || !recordId) continue
      const values = extractionValues(form, study.extraction)
      await extractions.save({ projectId, recordId, reviewerId, form, values, status: 'complete' })
    }
  }

  return {
    /** The id of the demo project when it has been loaded (and not renamed or deleted) on this machine. */
    findDemo: () => findDemo(demoData().project.name),

    /**
     * Loads the demo project and returns its id. All of it is written in one transaction, so a failure leaves no
     * half-made demo; loading again returns the demo already there instead of making a second one.
     */
    async loadDemo(): Promise<string> {
      const data = demoData()
      const existing = await findDemo(data.project.name)
      if (existing) return existing
      return db.transaction('rw', db.tables, async () => {
        const again = await findDemo(data.project.name)
        if (again) return again
        const project = await projects.create(data.project.name, data.project.description)
        await projects.updateScreeningSettings(project.id, {
          isBlind: true,
          exclusionReasons: defaultExclusionReasons(),
          includeTerms: data.project.includeTerms,
          excludeTerms: data.project.excludeTerms,
        })
        const reviewer = await demoReviewer(data.reviewer)
        await reviewers.joinProject(project.id, reviewer, true)
        const ids = await importStudies(project.id, data)
        await screen(project.id, reviewer.id, data.studies, ids)
        await tag(project.id, reviewer.id, data.studies, ids)
        await extract(project.id, reviewer.id, data.studies, ids)
        return project.id
      })
    },
  }
}

export type DemoRepo = ReturnType<typeof createDemoRepo>
