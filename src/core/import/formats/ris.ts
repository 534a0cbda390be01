import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget } from '../draft'
import { appendToLast, applyField, isListTarget, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { forEachLine } from '../lines'
import type { ImportFormat, ParseResult, ProgressCallback } from '../types'
import { stripBom, WarningCollector } from '../warnings'
import { risTags } from './ris-tags'

/**
 * Reads the tag of an RIS line: two characters `[A-Z][A-Z0-9]`, two spaces, a hyphen. Returns the tag or `''`.
 * A single space before the hyphen (`TY - JOUR`, some hand-edited files) is accepted too.
 */
export function risTagOf(line: string): string {
  if (line.length < 4) return ''
  const c0 = line.charCodeAt(0)
  const c1 = line.charCodeAt(1)
  if (c0 < 65 || c0 > 90 || !((c1 >= 65 && c1 <= 90) || (c1 >= 48 && c1 <= 57))) return ''
  if (line.charCodeAt(2) !== 32) return ''
  const c3 = line.charCodeAt(3)
  if (c3 === 45) return line.slice(0, 2)
  if (c3 === 32 && line.charCodeAt(4) === 45) return line.slice(0, 2)
  return ''
}

/** The value after `TAG  - `, trimmed; empty for `ER  -` and `IS  - `. */
function risValueOf(line: string): string {
  const dash = line.indexOf('-', 3)
  return line.slice(dash + 1).trim()
}

type State = {
  draft: Draft | null
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
    startLine: 0,
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
    readRisLine(state, line, lineNo)
  })
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

function readRisLine(state: State, line: string, lineNo: number): void {
  const tag = risTagOf(line)
  if (!tag) {
    readUntagged(state, line, lineNo)
    return
  }
  if (tag === 'TY') {
    if (state.draft) {
      state.warnings.add(
        lineNo,
        `record starting at line ${state.startLine} has no ER line; closed at the next TY`,
      )
      closeRecord(state)
    }
    state.draft = newDraft()
    state.draft.raw.push({ tag: 'TY', value: risValueOf(line) })
    state.startLine = lineNo
    state.lastTarget = null
    return
  }
  if (tag === 'ER') {
    if (state.draft) closeRecord(state)
    else state.warnings.add(lineNo, 'ER line outside a record ignored')
    return
  }
  const draft = state.draft
  if (!draft) {
    state.warnings.add(lineNo, `tag ${tag} outside a record (before TY) ignored`)
    return
  }
  const value = risValueOf(line)
  const target = risTags[tag]
  state.lastTarget = target ?? null
  if (target) applyField(draft, target, value, tag)
  else draft.raw.push({ tag, value })
}

function readUntagged(state: State, line: string, lineNo: number): void {
  const draft = state.draft
  const text = line.trim()
  if (!text) return
  if (!draft) {
    // Ovid prints `1.` / `<1. >` before each record and Scopus/Citavi headers precede the first TY: skip quietly.
    return
  }
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
  state.records.push(finishDraft(draft))
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
