import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget, TagMap } from '../draft'
import { appendToLast, applyField, withItem, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { forEachLineSpan, reportingProgress, sliceTrimmed } from '../lines'
import { StringPool } from '../string-pool'
import { TagTable } from '../tag-table'
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

/**
 * The length of the tag of the MEDLINE line `text[start, end)` (`PMID- `, `TI  - `, `FAU - `: up to four characters
 * padded to column 4, then `- `), or 0 when the line is untagged. Reads characters, not substrings, because it runs
 * on every line.
 */
function medlineTagLength(text: string, start: number, end: number): number {
  const length = end - start
  if (length < 5 || text.charCodeAt(start + 4) !== 45) return 0
  const c0 = text.charCodeAt(start)
  if (c0 < 65 || c0 > 90) return 0
  if (length > 5 && text.charCodeAt(start + 5) !== 32) return 0
  let tagLength = 1
  while (tagLength < 4 && text.charCodeAt(start + tagLength) !== 32) tagLength++
  for (let i = tagLength; i < 4; i++) if (text.charCodeAt(start + i) !== 32) return 0
  return tagLength
}

/** The tag of a MEDLINE line (see `medlineTagLength`), or `''`. */
export function medlineTagOf(line: string): string {
  return line.slice(0, medlineTagLength(line, 0, line.length))
}

type State = {
  draft: Draft | null
  tags: TagTable
  strings: StringPool
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
    strings: new StringPool(),
    tags: new TagTable(medlineTags),
    startLine: 0,
    lastTag: '',
    lastTarget: null,
    fullNames: 0,
    records: [],
    warnings: new WarningCollector(),
    hasSourceTag: false,
  }
  forEachLineSpan(
    body,
    reportingProgress(
      (start, end, lineNo) => {
        const tagLength = medlineTagLength(body, start, end)
        if (tagLength) readMedlineTag(state, body, start, end, tagLength, lineNo)
        else readUntagged(state, body, start, end, lineNo)
      },
      body.length,
      onProgress,
    ),
  )
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

function readMedlineTag(
  state: State,
  text: string,
  start: number,
  end: number,
  tagLength: number,
  lineNo: number,
): void {
  const tag = state.tags.read(text, start, tagLength)
  if (tag.name === 'PMID' && state.draft) closeRecord(state)
  if (!state.draft) {
    state.draft = newDraft()
    state.startLine = lineNo
  }
  state.lastTag = tag.name
  applyMedlineTag(state, state.draft, tag.name, tag.target, sliceTrimmed(text, start + 6, end))
}

function applyMedlineTag(
  state: State,
  draft: Draft,
  tag: string,
  target: FieldTarget | undefined,
  value: string,
): void {
  state.lastTarget = target ?? null
  if (target) {
    if (target === 'author') state.fullNames++
    applyField(draft, target, value, tag)
    return
  }
  if (tag === 'CN') {
    draft.authors = withItem(draft.authors, value)
    draft.altAuthors = withItem(draft.altAuthors, value)
    return
  }
  if ((tag === 'AID' || tag === 'LID') && value.endsWith('[doi]') && !draft.doi) {
    draft.doi = value
    return
  }
  if (tag === 'SO') state.hasSourceTag = true
  draft.raw = withItem(draft.raw, { tag, value })
}

function readUntagged(state: State, body: string, start: number, end: number, lineNo: number): void {
  const draft = state.draft
  const text = sliceTrimmed(body, start, end)
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
  state.records.push(finishDraft(draft, state.strings))
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
