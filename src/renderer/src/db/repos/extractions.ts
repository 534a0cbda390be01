import type { ExtractionForm as FormDefinition } from '../../../../core/extraction/form'
import { toOutcomeRows } from '../../../../core/extraction/outcomes'
import type { ExtractionValues } from '../../../../core/extraction/values'
import type { OrphanedValues } from '../../../../core/extraction/versioning'
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
      const context = { recordId: input.recordId, reviewerId: input.reviewerId, extractionId: id }
      const outcomes: Outcome[] = toOutcomeRows(input.values, input.form, context).map((row) => ({
        ...row,
        id: `${id}:${row.armId}:${row.outcome}:${row.timepointId}`,
        projectId: input.projectId,
      }))
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
