import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget, TagMap } from '../draft'
import { appendToLast, applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { forEachLine } from '../lines'
import type { ImportFormat, ParseResult, ProgressCallback } from '../types'
import { stripBom, WarningCollector } from '../warnings'

/**
 * Web of Science plain-text ("Other file formats" → Plain text, .txt/.ciw) tag map; also used for the tab-delimited
 * export's header row. `AF` full names win over `AU` (`Family, GI`). `DE` author keywords and `ID` Keywords Plus
 * are `; `-separated. Zoological Record and BIOSIS on the WoS platform share most tags.
 */
export const wosTags: TagMap = {
  TI: 'title',
  AB: 'abstract',
  AF: 'author',
  AU: 'authorAlt',
  PY: 'year',
  SO: 'journal',
  JI: 'journalAbbrev',
  J9: 'journalAbbrev',
  VL: 'volume',
  IS: 'issue',
  BP: 'startPage',
  EP: 'endPage',
  DI: 'doi',
  PM: 'pmid',
  SN: 'issn',
  EI: 'issn',
  DE: 'keywordList',
  ID: 'keywordList',
  DT: 'publicationType',
  LA: 'language',
}

/** Tags whose continuation lines are new list items rather than wrapped text (one author or reference per line). */
const lineListTags = new Set(['AU', 'AF', 'CR', 'C1', 'BE', 'BA', 'BF', 'CA', 'GP', 'RI', 'OI', 'EM'])

/** The tag of a WoS line: two characters `[A-Z][A-Z0-9]` then a space (or the bare `ER` / `EF` lines). */
export function wosTagOf(line: string): string {
  const c0 = line.charCodeAt(0)
  const c1 = line.charCodeAt(1)
  if (c0 < 65 || c0 > 90 || !((c1 >= 65 && c1 <= 90) || (c1 >= 48 && c1 <= 57))) return ''
  if (line.length === 2) return line
  return line.charCodeAt(2) === 32 ? line.slice(0, 2) : ''
}

type State = {
  draft: Draft | null
  startLine: number
  lastTag: string
  lastTarget: FieldTarget | null
  records: CitationRecord[]
  warnings: WarningCollector
}

/**
 * Parses WoS tagged text: `FN`/`VR` header, records from `PT` to `ER`, three-space continuation lines, `EF` at the
 * end. Copes with a damaged or missing header (refsplitr's BadHeader), orphan continuation lines (metaknowledge's
 * badFile) and mis-named `.ris` files. A file ending inside a record reports `truncated`.
 */
export function parseWos(text: string, onProgress?: ProgressCallback): ParseResult {
  const body = stripBom(text)
  const state: State = {
    draft: null,
    startLine: 0,
    lastTag: '',
    lastTarget: null,
    records: [],
    warnings: new WarningCollector(),
  }
  let nextReport = 1 << 20
  forEachLine(body, (line, lineNo, offset) => {
    if (onProgress && offset > nextReport) {
      onProgress(offset, body.length)
      nextReport = offset + (1 << 20)
    }
    readWosLine(state, line, lineNo)
  })
  const result: ParseResult = { records: state.records, warnings: [] }
  if (state.draft) {
    state.warnings.add(
      state.startLine,
      `the file ends inside the record starting at line ${state.startLine} (no ER line); that record was skipped`,
    )
    result.truncated = { line: state.startLine }
  }
  result.warnings = state.warnings.list()
  onProgress?.(body.length, body.length)
  return result
}

function readWosLine(state: State, line: string, lineNo: number): void {
  const tag = wosTagOf(line)
  if (!tag) {
    readContinuation(state, line, lineNo)
    return
  }
  if (tag === 'ER') {
    if (state.draft) closeRecord(state)
    return
  }
  if (tag === 'PT' && state.draft) {
    state.warnings.add(
      lineNo,
      `record starting at line ${state.startLine} has no ER line; closed at the next PT`,
    )
    closeRecord(state)
  }
  if (!state.draft) {
    if (tag !== 'PT') {
      if (tag !== 'FN' && tag !== 'VR' && tag !== 'EF')
        state.warnings.add(lineNo, `tag ${tag} outside a record ignored`)
      return
    }
    state.draft = newDraft()
    state.startLine = lineNo
  }
  state.lastTag = tag
  applyWosTag(state, state.draft, tag, line.slice(3).trim())
}

function applyWosTag(state: State, draft: Draft, tag: string, value: string): void {
  const target = wosTags[tag]
  state.lastTarget = target ?? null
  if (target) applyField(draft, target, value, tag)
  else draft.raw.push({ tag, value })
}

function readContinuation(state: State, line: string, lineNo: number): void {
  const draft = state.draft
  const text = line.trim()
  if (!text) return
  if (!draft) {
    state.warnings.add(lineNo, 'text outside a record ignored')
    return
  }
  const target = state.lastTarget
  if (target) {
    if (lineListTags.has(state.lastTag)) applyField(draft, target, text, state.lastTag)
    else if (!appendToLast(draft, target, text)) applyField(draft, target, text, state.lastTag)
    return
  }
  const last = draft.raw[draft.raw.length - 1]
  if (last) last.value = `${last.value}\n${text}`
  else state.warnings.add(lineNo, 'continuation line with nothing to continue ignored')
}

function closeRecord(state: State): void {
  const draft = state.draft
  if (!draft) return
  state.records.push(finishDraft(draft))
  state.draft = null
  state.lastTarget = null
}

/** Confidence that `head` is WoS plain text: `FN ` header and/or `PT J` records with `ER` lines. */
export function detectWos(head: string): number {
  const hasPt = /(^|[\r\n])PT [A-Z]\s*[\r\n]/.test(head)
  const hasFn = /^(\uFEFF)?FN /.test(head)
  if (hasPt && hasFn) return 0.98
  if (hasPt) return /(^|[\r\n])(AU|TI|SO) /.test(head) ? 0.9 : 0.6
  return hasFn ? 0.7 : 0
}

/** Web of Science tagged plain text (.txt, .ciw, .isi). */
export const wosFormat: ImportFormat = {
  id: 'wos',
  label: 'Web of Science (plain text)',
  extensions: ['ciw', 'txt', 'isi'],
  detect: detectWos,
  parse: parseWos,
}
