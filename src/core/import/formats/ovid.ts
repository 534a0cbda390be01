import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget, TagMap } from '../draft'
import { appendToLast, applyField, newDraft, targetOf } from '../draft'
import { finishDraft } from '../finish'
import { forEachLine } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { stripBom, WarningCollector } from '../warnings'
import { risTagOf } from './ris'

/**
 * Ovid direct-export tags (the "Citavi" .ovd and "EndNote" .cgi downloads, and display format) → fields.
 * `SO` is a full citation string, used only for its year when `YR` is missing. Embase's `MH` are Emtree terms.
 */
export const ovidTags: TagMap = {
  TI: 'title',
  AU: 'author',
  AB: 'abstract',
  YR: 'year',
  SO: 'date',
  JN: 'journal',
  JA: 'journalAbbrev',
  VO: 'volume',
  IP: 'issue',
  PG: 'pages',
  DO: 'doi',
  IS: 'issn',
  MH: 'mesh',
  KW: 'keyword',
  PT: 'publicationType',
  LG: 'language',
  UR: 'url',
  XL: 'url',
}

const recordMarker = /^<\d+\.\s*>$|^\d+\.\s*$/

type State = {
  draft: Draft | null
  last: FieldTarget | null
  records: CitationRecord[]
  warnings: WarningCollector
  startLine: number
}

/**
 * Parses Ovid direct exports: `<3001. >` (or `1.`) record markers, RIS-like `XX  - value` tags without `TY`/`ER`,
 * six-space continuation lines. `UI` is the PMID when `DB` names MEDLINE.
 */
export function parseOvid(text: string): ParseResult {
  const state: State = {
    draft: null,
    last: null,
    records: [],
    warnings: new WarningCollector(),
    startLine: 0,
  }
  forEachLine(stripBom(text), (line, lineNo) => readLine(state, line, lineNo))
  close(state)
  return { records: state.records, warnings: state.warnings.list() }
}

function readLine(state: State, line: string, lineNo: number): void {
  const trimmed = line.trim()
  if (recordMarker.test(trimmed)) {
    close(state)
    state.draft = newDraft()
    state.startLine = lineNo
    return
  }
  const tag = risTagOf(line)
  if (!tag) {
    if (trimmed && state.draft && state.last && appendToLast(state.draft, state.last, trimmed)) return
    if (trimmed && state.draft) {
      const last = state.draft.raw[state.draft.raw.length - 1]
      if (last && !state.last) last.value += `\n${trimmed}`
    }
    return
  }
  if (!state.draft) {
    state.warnings.add(lineNo, `tag ${tag} before the first record marker; a record was started here`)
    state.draft = newDraft()
  }
  const value = line.slice(line.indexOf('-', 3) + 1).trim()
  const target = targetOf(ovidTags, tag)
  state.last = target ?? null
  if (target) applyField(state.draft, target, value, tag)
  else state.draft.raw.push({ tag, value })
}

function close(state: State): void {
  const draft = state.draft
  if (!draft) return
  const database = draft.raw.find((field) => field.tag === 'DB')?.value ?? ''
  const accession = draft.raw.find((field) => field.tag === 'UI')?.value ?? ''
  if (/medline/i.test(database) && /^\d{1,9}$/.test(accession)) draft.pmid = accession
  state.records.push(finishDraft(draft))
  state.draft = null
  state.last = null
}

/** Confidence that `head` is an Ovid direct export: record markers and Ovid's `VN`/`DB`/`UI` tags, no `TY`. */
export function detectOvid(head: string): number {
  if (/(^|[\r\n])TY {2}- /.test(head)) return 0
  const hasMarker = /(^|[\r\n])<\d+\.\s*>/.test(head)
  const hasOvidTags = /(^|[\r\n])(VN|UI|DB) {2}- /.test(head)
  if (hasMarker && hasOvidTags) return 0.95
  return hasMarker || hasOvidTags ? 0.5 : 0
}

/** Ovid direct export (citation-manager and display formats). */
export const ovidFormat: ImportFormat = {
  id: 'ovid',
  label: 'Ovid direct export',
  extensions: ['cgi', 'ovd', 'txt'],
  detect: detectOvid,
  parse: parseOvid,
}
