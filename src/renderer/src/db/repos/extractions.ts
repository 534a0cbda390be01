import type { ExtractionForm as FormDefinition } from '../../../../core/extraction/form'
import { toOutcomeRows } from '../../../../core/extraction/outcomes'
import type { ExtractionValues } from '../../../../core/extraction/values'
import type { OrphanedValues } from '../../../../core/extraction/versioning'
import type { ReviewerExtraction, ReviewerFormVersion } from '../../../../core/screening/reviewer-file'
import { isNewerExtraction, latestExtractions } from '../../../../core/screening/merge'
import type { SiftDb } from '../db'
import type { Extraction, ExtractionForm, Outcome } from '../schema'
import { appendEvent, localActor } from './events'

/** The reviewer id of the reconciled extraction of a record. */
export const consensusReviewerId = 'consensus'

/** The row id of one version of a project's form. */
export function formRowId(projectId: string, formId: string, version: number): string {
  return `${projectId}:${formId}@v${version}`
}

/** One extraction per record and reviewer. */
export function extractionId(recordId: string, reviewerId: string): string {
  return `${recordId}:${reviewerId}`
}

export class FormVersionError extends Error {}

/** An extraction's values in the long-format outcomes table, under the form version they were entered with. */
export function outcomeRowsOf(extraction: Extraction, form: FormDefinition): Outcome[] {
  const context = {
    recordId: extraction.recordId,
    reviewerId: extraction.reviewerId,
    extractionId: extraction.id,
  }
  return toOutcomeRows(extraction.values, form, context).map((row) => ({
    ...row,
    id: `${extraction.id}:${row.armId}:${row.outcome}:${row.timepointId}`,
    projectId: extraction.projectId,
  }))
}

/** What {@link mergeTeammateExtractions} wrote. */
export type ExtractionMergeResult = { formsAdded: number; extractionsAdded: number }

/**
 * Merges a teammate's extractions (record ids already mapped to this project's) and the form versions they use.
 * Must run inside a transaction over extractionForms, extractions, outcomes and events. A form version this
 * project lacks is added; one it has is kept as it is (versions are never replaced). An incoming extraction
 * replaces the local one of the same record and reviewer only when it was saved later, and its outcome rows are
 * rewritten with it, so importing the same file twice changes nothing.
 */
export async function mergeTeammateExtractions(
  db: SiftDb,
  projectId: string,
  forms: readonly ReviewerFormVersion[],
  extractions: readonly ReviewerExtraction[],
  actor: string,
): Promise<ExtractionMergeResult> {
  let formsAdded = 0
  for (const form of forms) {
    const id = formRowId(projectId, form.formId, form.version)
    if (await db.extractionForms.get(id)) continue
    const row: ExtractionForm = {
      id,
      projectId,
      formId: form.formId,
      version: form.version,
      definition: form.definition,
      createdAt: new Date().toISOString(),
    }
    await db.extractionForms.add(row)
    await appendEvent(db, {
      projectId,
      actor,
      type: 'extraction-form.import',
      entity: 'extractionForm',
      entityId: id,
      after: row,
    })
    formsAdded++
  }
  let extractionsAdded = 0
  for (const incoming of latestExtractions(extractions)) {
    const id = extractionId(incoming.recordId, incoming.reviewerId)
    const before = await db.extractions.get(id)
    if (!isNewerExtraction(before, incoming)) continue
    const form = await db.extractionForms.get(formRowId(projectId, incoming.formId, incoming.formVersion))
    if (!form) continue
    const extraction: Extraction = { ...incoming, id, projectId }
    await db.extractions.put(extraction)
    await db.outcomes.where('extractionId').equals(id).delete()
    await db.outcomes.bulkAdd(outcomeRowsOf(extraction, form.definition))
    await appendEvent(db, {
      projectId,
      actor,
      type: 'extraction.import',
      entity: 'extraction',
      entityId: id,
      before: before ?? null,
      after: extraction,
    })
    extractionsAdded++
  }
  return { formsAdded, extractionsAdded }
}

export type ExtractionInput = {
  projectId: string
  recordId: string
  reviewerId: string
  /** The form version the values were entered under (the latest one, after migration). */
  form: FormDefinition
  values: ExtractionValues
  orphaned?: OrphanedValues
  status: Extraction['status']
}

export function createExtractionsRepo(db: SiftDb) {
  return {
    /**
     * Stores a new version of the project's form. Versions are never replaced: values entered under an earlier
     * one are migrated when they are next opened, so the old definition must stay readable.
     */
    async saveFormVersion(projectId: string, definition: FormDefinition, actor = localActor) {
      const row: ExtractionForm = {
        id: formRowId(projectId, definition.id, definition.version),
        projectId,
        formId: definition.id,
        version: definition.version,
        definition,
        createdAt: new Date().toISOString(),
      }
      return db.transaction('rw', db.extractionForms, db.events, async () => {
        if (await db.extractionForms.get(row.id)) {
          throw new FormVersionError(`Version ${row.version} of this form exists already.`)
        }
        await db.extractionForms.add(row)
        await appendEvent(db, {
          projectId,
          actor,
          type: 'extraction-form.save',
          entity: 'extractionForm',
          entityId: row.id,
          after: row,
        })
        return row
      })
    },

    /**
     * Saves a reviewer's extraction of a record and replaces its rows in the long-format outcomes table, in one
     * transaction with its event: the summaries never see values and outcome rows that disagree.
     */
    async save(input: ExtractionInput, actor = input.reviewerId): Promise<Extraction> {
      const id = extractionId(input.recordId, input.reviewerId)
      const extraction: Extraction = {
        id,
        projectId: input.projectId,
        recordId: input.recordId,
        reviewerId: input.reviewerId,
        formId: input.form.id,
        formVersion: input.form.version,
        values: input.values,
        orphaned: input.orphaned ?? {},
        status: input.status,
        updatedAt: new Date().toISOString(),
      }
      const outcomes = outcomeRowsOf(extraction, input.form)
      return db.transaction('rw', db.extractions, db.outcomes, db.events, async () => {
        const before = (await db.extractions.get(id)) ?? null
        await db.extractions.put(extraction)
        await db.outcomes.where('extractionId').equals(id).delete()
        await db.outcomes.bulkAdd(outcomes)
        await appendEvent(db, {
          projectId: input.projectId,
          actor,
          type: input.reviewerId === consensusReviewerId ? 'extraction.reconcile' : 'extraction.save',
          entity: 'extraction',
          entityId: id,
          before,
          after: extraction,
        })
        return extraction
      })
    },
  }
}

export type ExtractionsRepo = ReturnType<typeof createExtractionsRepo>
