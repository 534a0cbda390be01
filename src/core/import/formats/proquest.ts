import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget, TagMap } from '../draft'
import { appendToLast, applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { forEachLine } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { stripBom, WarningCollector } from '../warnings'

/** ProQuest plain-text labels → fields, as data. Unknown labels are kept in `raw`. */
export const proquestLabels: TagMap = {
  Title: 'title',
  Author: 'authorList',
  Abstract: 'abstract',
  'Publication year': 'year',
  'Publication date': 'date',
  'Degree date': 'date',
  'Publication title': 'journal',
  Volume: 'volume',
  Issue: 'issue',
  Pages: 'pages',
  'First page': 'startPage',
  ISSN: 'issn',
  DOI: 'doi',
  Language: 'language',
  'Document type': 'publicationType',
  'Identifier / keyword': 'keywordList',
  Subject: 'keywordList',
  'MeSH subject': 'meshList',
  'Document URL': 'url',
}

const labelPattern = /^([A-Z][A-Za-z/ ()-]{1,40}): (.*)$/

type State = {
  draft: Draft | null
  last: FieldTarget | null
  records: CitationRecord[]
  warnings: WarningCollector
}

/**
 * Parses ProQuest's "Report Information from ProQuest" plain text: records start at `Document N of M` and hold
 * `Label: value` lines; the table of contents before the first document is skipped. Inside an abstract, a line that
 * looks like `Unknown label: …` (e.g. `Conclusions: …`) continues the abstract instead of starting a field.
 */
export function parseProquest(text: string): ParseResult {
  const state: State = { draft: null, last: null, records: [], warnings: new WarningCollector() }
  forEachLine(stripBom(text), (line) => readLine(state, line))
  close(state)
  return { records: state.records, warnings: state.warnings.list() }
}

function readLine(state: State, line: string): void {
  const text = line.trim()
  if (/^Document \d+ of \d+$/.test(text)) {
    close(state)
    state.draft = newDraft()
    return
  }
  const draft = state.draft
  if (!draft || !text || /^_{10,}$/.test(text)) return
  const match = labelPattern.exec(text)
  const label = match?.[1] ?? ''
  const target = proquestLabels[label]
  if (match && (target || state.last !== 'abstract')) {
    state.last = target ?? null
    if (target) applyField(draft, target, match[2] ?? '', label)
    else draft.raw.push({ tag: label, value: match[2] ?? '' })
    return
  }
  if (state.last && appendToLast(draft, state.last, text)) return
  if (/^https?:\/\//.test(text)) applyField(draft, 'url', text, 'URL')
  else if (!draft.title) draft.title = text
}

function close(state: State): void {
  if (state.draft) state.records.push(finishDraft(state.draft))
  state.draft = null
  state.last = null
}

/** Confidence that `head` is a ProQuest plain-text report. */
export function detectProquest(head: string): number {
  if (/Report Information from ProQuest/.test(head)) return 0.95
  return /(^|[\r\n])Document 1 of \d+/.test(head) && /ProQuest/.test(head) ? 0.8 : 0
}

/** ProQuest plain text. */
export const proquestFormat: ImportFormat = {
  id: 'proquest',
  label: 'ProQuest plain text',
  extensions: ['txt'],
  detect: detectProquest,
  parse: parseProquest,
}
