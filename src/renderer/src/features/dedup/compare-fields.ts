import type { CarriedRow, Decision, StoredRecord } from '../../db/schema'

/** One row of the side-by-side comparison: the field's label and its text per record. */
export type ComparedField = { label: string; values: string[]; isDifferent: boolean }

const fields: { label: string; read: (record: StoredRecord) => string }[] = [
  { label: 'Title', read: (record) => record.title },
  {
    label: 'Authors',
    read: (record) =>
      record.authors.map((author) => [author.family, author.given].filter(Boolean).join(', ')).join('; '),
  },
  { label: 'Year', read: (record) => (record.year === null ? '' : String(record.year)) },
  { label: 'Journal', read: (record) => record.journal || record.journalAbbrev },
  {
    label: 'Volume / pages',
    read: (record) =>
      [record.volume + (record.issue ? `(${record.issue})` : ''), record.pages].filter(Boolean).join(': '),
  },
  { label: 'DOI', read: (record) => record.doi },
  { label: 'PMID', read: (record) => record.pmid },
  { label: 'Abstract', read: (record) => record.abstract },
  { label: 'Source database', read: (record) => record.source },
]

/** Case, spacing and punctuation differences are what exports disagree on; they are not worth highlighting. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The fields of the candidates side by side; a field differs when any two records give different text. */
export function compareFields(records: readonly StoredRecord[]): ComparedField[] {
  return fields.map(({ label, read }) => {
    const values = records.map(read)
    const keys = new Set(values.map(comparable))
    return { label, values, isDifferent: keys.size > 1 }
  })
}

const stageLabels: Record<Decision['stage'], string> = {
  'title-abstract': 'title/abstract',
  'full-text': 'full text',
}

/**
 * Screening decisions that disagree across the records of one cluster, one line per stage
 * (`title/abstract: include vs exclude`). Merging never drops them; the reviewer is told instead.
 */
export function decisionConflicts(decisions: readonly Decision[], recordIds: readonly string[]): string[] {
  const members = new Set(recordIds)
  const lines: string[] = []
  for (const stage of ['title-abstract', 'full-text'] as const) {
    const values = new Set(
      decisions
        .filter((decision) => decision.stage === stage && members.has(decision.recordId))
        .map((decision) => decision.value),
    )
    if (values.size > 1) lines.push(`${stageLabels[stage]}: ${[...values].sort().join(' vs ')}`)
  }
  return lines
}

const carriedNames: Record<CarriedRow['table'], [string, string]> = {
  decisions: ['decision', 'decisions'],
  resolutions: ['resolution', 'resolutions'],
  recordTags: ['tag', 'tags'],
  notes: ['note', 'notes'],
  attachments: ['PDF', 'PDFs'],
  extractions: ['extraction', 'extractions'],
  outcomes: ['', ''],
}

/** What a merge copied onto the kept record, in words (`2 decisions, 1 note`); empty when nothing was. */
export function describeCarried(carried: readonly CarriedRow[]): string {
  const counts = new Map<CarriedRow['table'], number>()
  for (const row of carried)
    if (row.table !== 'outcomes') counts.set(row.table, (counts.get(row.table) ?? 0) + 1)
  return [...counts]
    .map(([table, count]) => `${count} ${carriedNames[table][count === 1 ? 0 : 1]}`)
    .join(', ')
}
