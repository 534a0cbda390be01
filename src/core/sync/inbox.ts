import { parseReviewerFileValue } from '../screening/reviewer-file-parse'
import { compareTimestamps } from '../screening/status'
import {
  reviewerFileFormat,
  reviewerFileVersion,
  type FingerprintedRecord,
  type ReviewerFile,
  type ReviewerFormVersion,
} from '../screening/reviewer-file'
import type { SyncEventDoc } from './event-doc'

/** Event types whose `after` value the team merge understands, and the reviewer field that must be the actor. */
const mergeable: Record<string, { list: 'decisions' | 'resolutions' | 'extractions'; by: string }> = {
  'decision.set': { list: 'decisions', by: 'reviewerId' },
  'conflict.resolve': { list: 'resolutions', by: 'resolvedBy' },
  'extraction.save': { list: 'extractions', by: 'reviewerId' },
}

const formEventTypes = new Set(['extraction-form.save', 'extraction-form.import'])

/** The reviewer files one batch of incoming documents makes, and what was left out of them. */
export type InboxBatch = {
  /** One file per reviewer (actor), ready for the same merge as "Import a teammate's work". */
  files: ReviewerFile[]
  /** Documents whose content did not pass the reviewer-file checks or named another reviewer than their actor. */
  rejected: number
  /** Documents of types the merge does not apply (undo, notes, tags, types from newer versions): kept, not merged. */
  notMerged: number
}

type Draft = {
  reviewer: { id: string; name: string }
  decisions: unknown[]
  resolutions: unknown[]
  extractions: unknown[]
  records: Map<string, FingerprintedRecord>
}

function formOf(doc: SyncEventDoc): ReviewerFormVersion | null {
  const after = doc.after as { formId?: unknown; version?: unknown; definition?: unknown } | null
  if (!after || typeof after.formId !== 'string' || typeof after.version !== 'number') return null
  return {
    formId: after.formId,
    version: after.version,
    definition: after.definition as ReviewerFormVersion['definition'],
  }
}

function fileOf(
  draft: Draft,
  rows: Partial<Pick<Draft, 'decisions' | 'resolutions' | 'extractions'>>,
  forms: ReviewerFormVersion[],
) {
  const used = new Set(
    [...(rows.decisions ?? []), ...(rows.resolutions ?? []), ...(rows.extractions ?? [])].map(
      (row) => (row as { recordId?: unknown }).recordId,
    ),
  )
  const extractions = rows.extractions ?? []
  const formKeys = new Set(
    extractions.map((row) =>
      JSON.stringify([(row as { formId?: unknown }).formId, (row as { formVersion?: unknown }).formVersion]),
    ),
  )
  return {
    format: reviewerFileFormat,
    version: reviewerFileVersion,
    projectName: '',
    reviewer: draft.reviewer,
    exportedAt: new Date(0).toISOString(),
    decisions: rows.decisions ?? [],
    resolutions: rows.resolutions ?? [],
    notes: [],
    records: [...draft.records.values()].filter((record) => used.has(record.id)),
    extractions,
    forms: forms.filter((form) => formKeys.has(JSON.stringify([form.formId, form.version]))),
  }
}

/**
 * Checks a reviewer's rows with the reviewer-file parser. When the whole set passes (the usual case) that is one
 * parse; otherwise each row is checked alone, so one malformed event never holds back the others.
 */
function validated(
  draft: Draft,
  forms: ReviewerFormVersion[],
): { file: ReviewerFile | null; rejected: number } {
  const whole = parseReviewerFileValue(fileOf(draft, draft, forms))
  if (whole.ok) return { file: whole.file, rejected: 0 }
  const kept: Pick<Draft, 'decisions' | 'resolutions' | 'extractions'> = {
    decisions: [],
    resolutions: [],
    extractions: [],
  }
  let rejected = 0
  for (const list of ['decisions', 'resolutions', 'extractions'] as const) {
    for (const row of draft[list]) {
      if (parseReviewerFileValue(fileOf(draft, { [list]: [row] }, forms)).ok) kept[list].push(row)
      else rejected++
    }
  }
  const again = parseReviewerFileValue(fileOf(draft, kept, forms))
  return again.ok
    ? { file: again.file, rejected }
    : { file: null, rejected: rejected + draft.decisions.length }
}

/**
 * Turns a batch of teammates' event documents into reviewer files, one per reviewer, so the inbox goes through
 * exactly the merge of "Import a teammate's work" (record matching by DOI/PMID/title and year, latest decision
 * wins, idempotent and independent of arrival order). `knownForms` are form versions already available (this
 * project's and those met earlier), so an extraction can be merged when its form came in another batch. A row
 * whose reviewer is not the document's actor is rejected: a reviewer speaks only for themselves.
 */
export function docsToReviewerFiles(
  docs: readonly SyncEventDoc[],
  knownForms: readonly ReviewerFormVersion[],
): InboxBatch {
  const drafts = new Map<string, Draft>()
  const forms = [...knownForms]
  let rejected = 0
  let notMerged = 0
  for (const doc of docs) {
    if (formEventTypes.has(doc.type)) {
      const form = formOf(doc)
      if (form) forms.push(form)
      continue
    }
    const target = mergeable[doc.type]
    const after = doc.after as Record<string, unknown> | null
    if (!target || !after) {
      notMerged++
      continue
    }
    if (after[target.by] !== doc.actor || !doc.record || doc.record.id !== after.recordId) {
      rejected++
      continue
    }
    let draft = drafts.get(doc.actor)
    if (!draft) {
      draft = {
        reviewer: { id: doc.actor, name: doc.actorName || doc.actor },
        decisions: [],
        resolutions: [],
        extractions: [],
        records: new Map(),
      }
      drafts.set(doc.actor, draft)
    }
    draft[target.list].push(target.list === 'extractions' ? extractionOf(after) : after)
    if (!draft.records.has(doc.record.id)) draft.records.set(doc.record.id, doc.record)
  }
  const unique = uniqueForms(forms)
  const files: ReviewerFile[] = []
  for (const draft of drafts.values()) {
    draft.extractions = latestOnly(draft.extractions)
    const result = validated(draft, unique)
    rejected += result.rejected
    if (result.file) files.push(result.file)
  }
  return { files, rejected, notMerged }
}

function extractionOf(after: Record<string, unknown>): unknown {
  const { recordId, reviewerId, formId, formVersion, values, orphaned, status, updatedAt } = after
  return { recordId, reviewerId, formId, formVersion, values, orphaned: orphaned ?? {}, status, updatedAt }
}

/** One extraction per record and reviewer (the reviewer-file rule): the latest save wins. */
function latestOnly(rows: unknown[]): unknown[] {
  const latest = new Map<string, { updatedAt?: unknown }>()
  for (const row of rows as { recordId?: unknown; updatedAt?: unknown }[]) {
    const key = String(row.recordId)
    const seen = latest.get(key)
    if (!seen || compareTimestamps(String(row.updatedAt), String(seen.updatedAt)) > 0) latest.set(key, row)
  }
  return [...latest.values()]
}

function uniqueForms(forms: readonly ReviewerFormVersion[]): ReviewerFormVersion[] {
  const byKey = new Map<string, ReviewerFormVersion>()
  for (const form of forms) {
    const key = JSON.stringify([form.formId, form.version])
    if (!byKey.has(key)) byKey.set(key, form)
  }
  return [...byKey.values()]
}
