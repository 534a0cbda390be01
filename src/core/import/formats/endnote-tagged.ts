import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget, TagMap } from '../draft'
import { appendToLast, applyField, newDraft, targetOf } from '../draft'
import { finishDraft } from '../finish'
import { forEachLine } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { stripBom, WarningCollector } from '../warnings'

/** EndNote / Refer tagged (`%T Title`) → fields, as data. `%B` is the journal for articles (AIS eLibrary). */
export const endnoteTags: TagMap = {
  '%T': 'title',
  '%A': 'author',
  '%D': 'year',
  '%8': 'date',
  '%J': 'journal',
  '%B': 'journal',
  '%V': 'volume',
  '%N': 'issue',
  '%P': 'pages',
  '%R': 'doi',
  '%U': 'url',
  '%X': 'abstract',
  '%K': 'keywordList',
  '%@': 'issn',
  '%G': 'language',
  '%0': 'publicationType',
}

type State = {
  draft: Draft | null
  last: FieldTarget | null
  records: CitationRecord[]
  warnings: WarningCollector
}

/**
 * Parses EndNote tagged text (.enw, Refer): `%X value` lines, records separated by blank lines. AIS eLibrary
 * (bepress) starts records with `%T` and sometimes omits `%0`, so any tag opens a record and a blank line closes it.
 */
export function parseEndnoteTagged(text: string): ParseResult {
  const state: State = { draft: null, last: null, records: [], warnings: new WarningCollector() }
  forEachLine(stripBom(text), (line, lineNo) => readLine(state, line, lineNo))
  close(state)
  return { records: state.records, warnings: state.warnings.list() }
}

function readLine(state: State, line: string, lineNo: number): void {
  if (!line.trim()) {
    close(state)
    return
  }
  const isTag =
    line.charCodeAt(0) === 37 && line.length >= 2 && (line.length === 2 || line.charCodeAt(2) === 32)
  if (!isTag) {
    if (state.draft && state.last && appendToLast(state.draft, state.last, line.trim())) return
    state.warnings.add(lineNo, 'untagged line outside a field ignored')
    return
  }
  const tag = line.slice(0, 2)
  const value = line.slice(3).trim()
  if (tag === '%0' && state.draft && state.draft.publicationTypes.length > 0) close(state)
  state.draft ??= newDraft()
  const target = targetOf(endnoteTags, tag)
  state.last = target ?? null
  if (target) applyField(state.draft, target, value, tag)
  else state.draft.raw.push({ tag, value })
}

function close(state: State): void {
  if (state.draft) state.records.push(finishDraft(state.draft))
  state.draft = null
  state.last = null
}

/** Confidence that `head` is EndNote tagged: several lines starting with `%` + tag letter + space. */
export function detectEndnoteTagged(head: string): number {
  const tags = head.match(/(^|[\r\n])%[0-9A-Z@!#$&()*+^~>?|\]] /g)?.length ?? 0
  if (tags < 2) return 0
  return /(^|[\r\n])%[0TA] /.test(head) ? 0.9 : 0.5
}

/** EndNote / Refer tagged text. */
export const endnoteTaggedFormat: ImportFormat = {
  id: 'endnote-tagged',
  label: 'EndNote tagged (.enw)',
  extensions: ['enw', 'txt'],
  detect: detectEndnoteTagged,
  parse: parseEndnoteTagged,
}
