import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget, TagMap } from '../draft'
import { appendToLast, applyField, withItem, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { forEachLineSpan, reportingProgress, sliceTrimmed } from '../lines'
import type { TagInfo } from '../tag-table'
import { StringPool } from '../string-pool'
import { TagTable } from '../tag-table'
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

/**
 * True when `text[start, end)` is a tagged WoS line: two characters `[A-Z][A-Z0-9]` then a space (or the bare `ER` /
 * `EF` lines). Reads characters, not substrings, because it runs on every line.
 */
function isWosTagged(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false
  const c0 = text.charCodeAt(start)
  const c1 = text.charCodeAt(start + 1)
  if (c0 < 65 || c0 > 90 || !((c1 >= 65 && c1 <= 90) || (c1 >= 48 && c1 <= 57))) return false
  return end - start === 2 || text.charCodeAt(start + 2) === 32
}

/** The tag of a WoS line (see `isWosTagged`), or `''`. */
export function wosTagOf(line: string): string {
  return isWosTagged(line, 0, line.length) ? line.slice(0, 2) : ''
}

type State = {
  draft: Draft | null
  tags: TagTable
  strings: StringPool
  startLine: number
  lastTag: string
  lastTarget: FieldTarget | null
  /** Whether `lastTag` is one of `lineListTags`, looked up once per tag rather than per continuation line. */
  isLineList: boolean
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
    strings: new StringPool(),
    tags: new TagTable(wosTags),
    startLine: 0,
    lastTag: '',
    lastTarget: null,
    isLineList: false,
    records: [],
    warnings: new WarningCollector(),
  }
  forEachLineSpan(
    body,
    reportingProgress(
      (start, end, lineNo) => {
        if (isWosTagged(body, start, end)) readWosTag(state, body, start, end, lineNo)
        else readContinuation(state, sliceTrimmed(body, start, end), lineNo)
      },
      body.length,
      onProgress,
    ),
  )
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

function readWosTag(state: State, text: string, start: number, end: number, lineNo: number): void {
  const info = state.tags.read(text, start, 2)
  const tag = info.name
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
  applyWosTag(state, state.draft, info, sliceTrimmed(text, start + 3, end))
}

function applyWosTag(state: State, draft: Draft, { name: tag, target }: TagInfo, value: string): void {
  if (tag !== state.lastTag) {
    state.lastTag = tag
    state.isLineList = lineListTags.has(tag)
  }
  state.lastTarget = target ?? null
  if (target) applyField(draft, target, value, tag)
  else draft.raw = withItem(draft.raw, { tag, value })
}

function readContinuation(state: State, text: string, lineNo: number): void {
  const draft = state.draft
  if (!text) return
  if (!draft) {
    state.warnings.add(lineNo, 'text outside a record ignored')
    return
  }
  const target = state.lastTarget
  if (target) {
    if (state.isLineList) applyField(draft, target, text, state.lastTag)
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
  state.records.push(finishDraft(draft, state.strings))
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
