import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget, TagMap } from '../draft'
import { appendToLast, applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { forEachLine } from '../lines'
import type { ImportFormat, ParseResult, ProgressCallback } from '../types'
import { stripBom, WarningCollector } from '../warnings'

/**
 * PubMed MEDLINE / .nbib tag map. `FAU` (full names) wins over `AU` (`Family GI`); `CN` (collective name) is
 * handled by the parser so it joins whichever list is used. `AID`/`LID` hold the DOI only when suffixed `[doi]`.
 */
export const medlineTags: TagMap = {
  PMID: 'pmid',
  TI: 'title',
  BTI: 'title',
  AB: 'abstract',
  FAU: 'author',
  AU: 'authorAlt',
  DP: 'year',
  JT: 'journal',
  TA: 'journalAbbrev',
  VI: 'volume',
  IP: 'issue',
  PG: 'pages',
  PMC: 'pmcid',
  IS: 'issn',
  MH: 'mesh',
  OT: 'keyword',
  PT: 'publicationType',
  LA: 'language',
}

/** The tag of a MEDLINE line (`PMID- `, `TI  - `, `FAU - `): up to four letters padded to column 4, then `- `. */
export function medlineTagOf(line: string): string {
  if (line.length < 5 || line.charCodeAt(4) !== 45) return ''
  const c0 = line.charCodeAt(0)
  if (c0 < 65 || c0 > 90) return ''
  const next = line.charCodeAt(5)
  if (line.length > 5 && next !== 32) return ''
  let end = 1
  while (end < 4 && line.charCodeAt(end) !== 32) end++
  for (let i = end; i < 4; i++) if (line.charCodeAt(i) !== 32) return ''
  return line.slice(0, end)
}

type State = {
  draft: Draft | null
  startLine: number
  lastTag: string
  lastTarget: FieldTarget | null
  fullNames: number
  records: CitationRecord[]
  warnings: WarningCollector
  hasSourceTag: boolean
}

/**
 * Parses PubMed's MEDLINE text format (.nbib, .txt): tags padded to four columns, six-space continuation lines
 * (often with trailing spaces, CRLF in browser downloads), records separated by blank lines or a new `PMID-`.
 * PubMed always ends a record with `SO`; when other records have it and the last does not, the file was cut
 * off: `truncated` is reported and that record left out.
 */
export function parseMedline(text: string, onProgress?: ProgressCallback): ParseResult {
  const body = stripBom(text)
  const state: State = {
    draft: null,
    startLine: 0,
    lastTag: '',
    lastTarget: null,
    fullNames: 0,
    records: [],
    warnings: new WarningCollector(),
    hasSourceTag: false,
  }
  let nextReport = 1 << 20
  forEachLine(body, (line, lineNo, offset) => {
    if (onProgress && offset > nextReport) {
      onProgress(offset, body.length)
      nextReport = offset + (1 << 20)
    }
    readMedlineLine(state, line, lineNo)
  })
  const result: ParseResult = { records: state.records, warnings: [] }
  if (state.draft) {
    if (state.hasSourceTag && state.lastTag !== 'SO') {
      state.warnings.add(
        state.startLine,
        `the file ends inside the record starting at line ${state.startLine}; that record was skipped`,
      )
      result.truncated = { line: state.startLine }
    } else closeRecord(state)
  }
  result.warnings = state.warnings.list()
  onProgress?.(body.length, body.length)
  return result
}

function readMedlineLine(state: State, line: string, lineNo: number): void {
  const tag = medlineTagOf(line)
  if (!tag) {
    readUntagged(state, line, lineNo)
    return
  }
  if (tag === 'PMID' && state.draft) closeRecord(state)
  if (!state.draft) {
    state.draft = newDraft()
    state.startLine = lineNo
  }
  const value = line.slice(6).trim()
  state.lastTag = tag
  applyMedlineTag(state, state.draft, tag, value)
}

function applyMedlineTag(state: State, draft: Draft, tag: string, value: string): void {
  const target = medlineTags[tag]
  state.lastTarget = target ?? null
  if (target) {
    if (target === 'author') state.fullNames++
    applyField(draft, target, value, tag)
    return
  }
  if (tag === 'CN') {
    draft.authors.push(value)
    draft.altAuthors.push(value)
    return
  }
  if ((tag === 'AID' || tag === 'LID') && value.endsWith('[doi]') && !draft.doi) {
    draft.doi = value
    return
  }
  if (tag === 'SO') state.hasSourceTag = true
  draft.raw.push({ tag, value })
}

function readUntagged(state: State, line: string, lineNo: number): void {
  const draft = state.draft
  const text = line.trim()
  if (!text) {
    if (draft) closeRecord(state)
    return
  }
  if (!draft) {
    state.warnings.add(lineNo, 'text outside a record ignored')
    return
  }
  const target = state.lastTarget
  if (target && appendToLast(draft, target, text)) return
  const last = draft.raw[draft.raw.length - 1]
  if (last && !target) last.value = `${last.value} ${text}`
  else state.warnings.add(lineNo, 'untagged line with nothing to continue ignored')
}

function closeRecord(state: State): void {
  const draft = state.draft
  if (!draft) return
  // Without FAU lines the authors list holds only collective names; AU (which includes them in order) is better.
  if (state.fullNames === 0) draft.authors = []
  state.records.push(finishDraft(draft))
  state.draft = null
  state.lastTarget = null
  state.fullNames = 0
}

/** Confidence that `head` is MEDLINE text: a `PMID- ` line, more so with other padded tags. */
export function detectMedline(head: string): number {
  if (!/(^|[\r\n])PMID- ?\d/.test(head))
    return /(^|[\r\n])(TI|AU|FAU) {1,2}- /.test(head) && /(^|[\r\n])(DP|SO) {2}- /.test(head) ? 0.5 : 0
  return /(^|[\r\n])(TI|FAU|AU|DP) {1,2}- /.test(head) ? 0.97 : 0.8
}

/** PubMed / MEDLINE tagged text (.nbib). */
export const medlineFormat: ImportFormat = {
  id: 'medline',
  label: 'PubMed / MEDLINE (.nbib)',
  extensions: ['nbib', 'txt', 'medline'],
  detect: detectMedline,
  parse: parseMedline,
}
