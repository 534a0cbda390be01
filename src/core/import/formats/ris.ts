import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget } from '../draft'
import { appendToLast, applyField, withItem, isListTarget, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { forEachLineSpan, reportingProgress, sliceTrimmed } from '../lines'
import { StringPool } from '../string-pool'
import { TagTable } from '../tag-table'
import type { ImportFormat, ParseResult, ProgressCallback } from '../types'
import { stripBom, WarningCollector } from '../warnings'
import { risTags } from './ris-tags'

/**
 * True when `text[start, end)` is a tagged RIS line: two characters `[A-Z][A-Z0-9]`, two spaces, a hyphen. A single
 * space before the hyphen (`TY - JOUR`, some hand-edited files) is accepted too. Reads characters, not substrings,
 * because it runs on every line.
 */
function isRisTagged(text: string, start: number, end: number): boolean {
  if (end - start < 4) return false
  const c0 = text.charCodeAt(start)
  const c1 = text.charCodeAt(start + 1)
  if (c0 < 65 || c0 > 90 || !((c1 >= 65 && c1 <= 90) || (c1 >= 48 && c1 <= 57))) return false
  if (text.charCodeAt(start + 2) !== 32) return false
  const c3 = text.charCodeAt(start + 3)
  return c3 === 45 || (c3 === 32 && end - start > 4 && text.charCodeAt(start + 4) === 45)
}

/** Reads the tag of an RIS line (see `isRisTagged`). Returns the tag or `''`. */
export function risTagOf(line: string): string {
  return isRisTagged(line, 0, line.length) ? line.slice(0, 2) : ''
}

/** The value after `TAG  - ` on a tagged line, trimmed; empty for `ER  -` and `IS  - `. */
function risValueAt(text: string, start: number, end: number): string {
  const dash = text.charCodeAt(start + 3) === 45 ? start + 3 : start + 4
  return sliceTrimmed(text, dash + 1, end)
}

type State = {
  draft: Draft | null
  tags: TagTable
  strings: StringPool
  startLine: number
  lastTarget: FieldTarget | null
  records: CitationRecord[]
  warnings: WarningCollector
}

/**
 * Parses RIS in every dialect seen in the wild: Ovid record-number lines (`1.`) and `ER  -` without trailing
 * space, EBSCOhost CR-only files, IEEE's `CRLF LF CR` separators, untagged continuation lines (EndNote, Scopus),
 * records without `ER` (closed at the next `TY`, with a warning). A file that ends inside a record reports
 * `truncated` and leaves that record out. Ids hidden in generic tags are recovered afterwards: Zotero and EndNote
 * put the PMID in `AN` (with `DP  - NLM` or `DB  - PubMed`).
 */
export function parseRis(text: string, onProgress?: ProgressCallback): ParseResult {
  const body = stripBom(text)
  const state: State = {
    draft: null,
    tags: new TagTable(risTags),
    strings: new StringPool(),
    startLine: 0,
    lastTarget: null,
    records: [],
    warnings: new WarningCollector(),
  }
  forEachLineSpan(
    body,
    reportingProgress(
      (start, end, lineNo) => {
        if (isRisTagged(body, start, end)) readRisTag(state, body, start, end, lineNo)
        else readUntagged(state, body, start, end, lineNo)
      },
      body.length,
      onProgress,
    ),
  )
  const result: ParseResult = { records: state.records, warnings: state.warnings.list() }
  if (state.draft) {
    state.warnings.add(
      state.startLine,
      `the file ends inside the record starting at line ${state.startLine} (no ER line); that record was skipped`,
    )
    result.warnings = state.warnings.list()
    result.truncated = { line: state.startLine }
  }
  onProgress?.(body.length, body.length)
  return result
}

function readRisTag(state: State, text: string, start: number, end: number, lineNo: number): void {
  const c0 = text.charCodeAt(start)
  const c1 = text.charCodeAt(start + 1)
  if (c0 === 84 && c1 === 89) {
    // TY opens a record.
    if (state.draft) {
      state.warnings.add(
        lineNo,
        `record starting at line ${state.startLine} has no ER line; closed at the next TY`,
      )
      closeRecord(state)
    }
    state.draft = newDraft()
    state.draft.raw = [{ tag: 'TY', value: risValueAt(text, start, end) }]
    state.startLine = lineNo
    state.lastTarget = null
    return
  }
  if (c0 === 69 && c1 === 82) {
    // ER closes it.
    if (state.draft) closeRecord(state)
    else state.warnings.add(lineNo, 'ER line outside a record ignored')
    return
  }
  const tag = state.tags.read(text, start, 2)
  const draft = state.draft
  if (!draft) {
    state.warnings.add(lineNo, `tag ${tag.name} outside a record (before TY) ignored`)
    return
  }
  const value = risValueAt(text, start, end)
  const target = tag.target
  state.lastTarget = target ?? null
  if (target) applyField(draft, target, value, tag.name)
  else draft.raw = withItem(draft.raw, { tag: tag.name, value })
}

function readUntagged(state: State, body: string, start: number, end: number, lineNo: number): void {
  const draft = state.draft
  // Ovid prints `1.` / `<1. >` before each record and Scopus/Citavi headers precede the first TY: skip quietly.
  if (!draft) return
  const text = sliceTrimmed(body, start, end)
  if (!text) return
  // EndNote, Scopus and WoS RIS wrap long values onto untagged lines: they continue the previous tag. Under a list
  // tag (EndNote and Rayyan `KW`, `AU`, `UR`) each such line is one more item.
  const target = state.lastTarget
  if (target && isListTarget(target)) {
    applyField(draft, target, text, '')
    return
  }
  if (target && appendToLast(draft, target, text)) return
  const last = draft.raw[draft.raw.length - 1]
  if (last && !target) last.value = last.value ? `${last.value} ${text}` : text
  else state.warnings.add(lineNo, 'untagged line with nothing to continue ignored')
}

function closeRecord(state: State): void {
  const draft = state.draft
  if (!draft) return
  recoverIds(draft)
  state.records.push(finishDraft(draft, state.strings))
  state.draft = null
  state.lastTarget = null
}

function recoverIds(draft: Draft): void {
  let isPubMed = false
  let accession = ''
  for (const field of draft.raw) {
    if ((field.tag === 'DP' || field.tag === 'DB') && /^(NLM|PubMed|MEDLINE)/i.test(field.value))
      isPubMed = true
    else if (field.tag === 'AN') accession = field.value
  }
  if (isPubMed && !draft.pmid && /^\d{1,9}$/.test(accession)) draft.pmid = accession
}

/** Confidence that `head` is RIS: a `TY  - ` line, more so with `ER  -`; WoS plain text (`PT `/`ER`) is not RIS. */
export function detectRis(head: string): number {
  const ty = /(^|[\r\n])TY {1,2}- /.test(head)
  if (!ty) return /(^|[\r\n])[A-Z][A-Z0-9] {2}- /.test(head) ? 0.2 : 0
  return /(^|[\r\n])ER {1,2}-/.test(head) ? 0.95 : 0.85
}

/** RIS (Research Information Systems), all dialects. */
export const risFormat: ImportFormat = {
  id: 'ris',
  label: 'RIS',
  extensions: ['ris', 'txt', 'enw'],
  detect: detectRis,
  parse: parseRis,
}
