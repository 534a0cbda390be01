import { splitAuthorList } from '../../records/normalise'
import type { CitationRecord } from '../../records/record'
import type { Draft, TagMap } from '../draft'
import { applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { latexToUnicode } from '../latex'
import { lineAt } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { stripBom, WarningCollector } from '../warnings'

/** BibTeX / BibLaTeX field → record field, as data (lower-case field names). */
export const bibtexFields: TagMap = {
  title: 'title',
  abstract: 'abstract',
  year: 'year',
  date: 'date',
  journal: 'journal',
  journaltitle: 'journal',
  booktitle: 'journal',
  abbrev_source_title: 'journalAbbrev',
  shortjournal: 'journalAbbrev',
  'journal-iso': 'journalAbbrev',
  volume: 'volume',
  number: 'issue',
  issue: 'issue',
  pages: 'pages',
  doi: 'doi',
  pmid: 'pmid',
  pmcid: 'pmcid',
  issn: 'issn',
  url: 'url',
  language: 'language',
  keywords: 'keywordList',
  'author-keywords': 'keywordList',
  'keywords-plus': 'keywordList',
  mesh: 'meshList',
  type: 'publicationType',
  document_type: 'publicationType',
}

type Cursor = { text: string; pos: number; warnings: WarningCollector; strings: Map<string, string> }

/**
 * Parses BibTeX and BibLaTeX. Text between entries is ignored (Scopus' `Scopus / EXPORT DATE` preamble, Cochrane's
 * `Record #N of M` lines, JabRef comments); `@string` macros are expanded, `@comment`/`@preamble` skipped. Keys may
 * contain spaces (WoS: `@article{ WOS:000…,`). An entry with unbalanced braces is closed at the next line starting
 * with `@` and reported with its line. LaTeX accents become Unicode.
 */
export function parseBibtex(text: string): ParseResult {
  const cursor: Cursor = {
    text: stripBom(text),
    pos: 0,
    warnings: new WarningCollector(),
    strings: new Map(),
  }
  const records: CitationRecord[] = []
  let truncated: { line: number } | undefined
  for (;;) {
    const at = findEntryStart(cursor.text, cursor.pos)
    if (at < 0) break
    const entry = readEntry(cursor, at)
    if (entry === 'truncated') {
      truncated = { line: lineAt(cursor.text, at) }
      cursor.warnings.add(truncated.line, 'the file ends inside this entry; it was skipped')
      break
    }
    if (entry) records.push(entry)
  }
  return { records, warnings: cursor.warnings.list(), ...(truncated ? { truncated } : {}) }
}

/** The next `@` that starts an entry: at the start of a line, or after whitespace only. */
function findEntryStart(text: string, from: number): number {
  let at = text.indexOf('@', from)
  while (at >= 0) {
    let i = at - 1
    while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--
    if (i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return at
    at = text.indexOf('@', at + 1)
  }
  return -1
}

function readEntry(cursor: Cursor, at: number): CitationRecord | null | 'truncated' {
  const { text } = cursor
  const open = /^@\s*([A-Za-z]+)\s*([{(])/.exec(text.slice(at, at + 64))
  if (!open?.[1]) {
    cursor.pos = at + 1
    return null
  }
  const type = open[1].toLowerCase()
  const bodyStart = at + open[0].length
  const end = findEntryEnd(text, bodyStart, open[2] === '(' ? ')' : '}')
  if (end.pos < 0) return 'truncated'
  if (!end.isBalanced)
    cursor.warnings.add(lineAt(text, at), 'unbalanced braces in this entry; it was closed at the next @entry')
  cursor.pos = end.pos
  const body = text.slice(bodyStart, end.bodyEnd)
  if (type === 'comment' || type === 'preamble') return null
  if (type === 'string') {
    readFields(body, cursor.strings, (name, value) => cursor.strings.set(name, value))
    return null
  }
  return buildRecord(type, body, cursor)
}

type EntryEnd = { pos: number; bodyEnd: number; isBalanced: boolean }

function findEntryEnd(text: string, from: number, closer: string): EntryEnd {
  let depth = 1
  let inQuote = false
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 92) i++
    else if (code === 123) depth++
    else if (code === 125 || (closer === ')' && code === 41 && depth === 1)) {
      depth--
      if (depth === 0) return { pos: i + 1, bodyEnd: i, isBalanced: true }
    } else if (code === 34 && depth === 1) inQuote = !inQuote
    else if (
      code === 64 &&
      (text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13) &&
      /^@\s*[A-Za-z]+\s*[{(]/.test(text.slice(i, i + 40))
    ) {
      return { pos: i, bodyEnd: i, isBalanced: false }
    }
  }
  return { pos: -1, bodyEnd: -1, isBalanced: false }
}

function buildRecord(type: string, body: string, cursor: Cursor): CitationRecord {
  const draft = newDraft()
  const comma = body.indexOf(',')
  const key = (comma < 0 ? body : body.slice(0, comma)).trim()
  draft.raw.push({ tag: 'type', value: type }, { tag: 'key', value: key })
  readFields(comma < 0 ? '' : body.slice(comma + 1), cursor.strings, (name, value) =>
    applyBibField(draft, name, value),
  )
  return finishDraft(draft)
}

function applyBibField(draft: Draft, name: string, raw: string): void {
  const value = latexToUnicode(raw)
  if (name === 'author') {
    for (const author of bibAuthors(value)) draft.authors.push(author)
    return
  }
  const target = bibtexFields[name]
  if (target) applyField(draft, target, value, name)
  else if (value) draft.raw.push({ tag: name, value })
}

/**
 * Splits a BibTeX author field on ` and `. Cochrane writes `Smith, SR, Newton, K, and Hill, J` (commas between
 * authors, one final `and`), and Scopus glues affiliation letters on; pieces with several commas are re-split.
 */
function bibAuthors(value: string): string[] {
  const pieces = value.split(/\s+and\s+/)
  if (pieces.some((piece) => piece.split(',').length > 2)) return splitAuthorList(value)
  return pieces.map((piece) => piece.trim()).filter((piece) => piece && piece.toLowerCase() !== 'others')
}

/** Reads `name = value` pairs, where a value is `{…}`, `"…"`, a number or a macro, joined with `#`. */
function readFields(
  body: string,
  strings: Map<string, string>,
  visit: (name: string, value: string) => void,
): void {
  let pos = 0
  while (pos < body.length) {
    const eq = body.indexOf('=', pos)
    if (eq < 0) return
    const name = body
      .slice(pos, eq)
      .replace(/^[\s,]+/, '')
      .trim()
      .toLowerCase()
    const parsed = readValue(body, eq + 1, strings)
    pos = parsed.end
    if (name) visit(name, parsed.value)
  }
}

function readValue(body: string, from: number, strings: Map<string, string>): { value: string; end: number } {
  let value = ''
  let i = from
  for (;;) {
    while (i < body.length && /\s/.test(body.charAt(i))) i++
    const ch = body.charAt(i)
    if (ch === '{' || ch === '"') {
      const end = readDelimited(body, i)
      value += body.slice(i + 1, end)
      i = end + 1
    } else {
      let end = i
      while (end < body.length && !/[\s,#]/.test(body.charAt(end))) end++
      const word = body.slice(i, end)
      value += strings.get(word.toLowerCase()) ?? word
      i = end
    }
    while (i < body.length && /\s/.test(body.charAt(i))) i++
    if (body.charAt(i) !== '#') break
    i++
  }
  while (i < body.length && body.charAt(i) !== ',') i++
  return { value: value.trim(), end: i + 1 }
}

function readDelimited(body: string, start: number): number {
  const isQuote = body.charAt(start) === '"'
  let depth = 0
  for (let i = start; i < body.length; i++) {
    const ch = body.charAt(i)
    if (ch === '\\') i++
    else if (ch === '{') depth++
    else if (ch === '}') {
      depth--
      if (!isQuote && depth === 0) return i
    } else if (
      isQuote &&
      ch === '"' &&
      i > start &&
      (depth === 0 || /^\s*[,}]/.test(body.slice(i + 1, i + 20)))
    ) {
      // A closing quote followed by `,` ends the value even when a stray `{` inside it was never closed.
      return i
    }
  }
  return body.length
}

/** Confidence that `head` is BibTeX: an `@type{key,` entry start followed by `field = ` lines. */
export function detectBibtex(head: string): number {
  if (!/(^|[\r\n])\s*@\s*[A-Za-z]+\s*[{(]/.test(head)) return 0
  return /[A-Za-z-]+\s*=\s*[{"\d]/.test(head) ? 0.95 : 0.6
}

/** BibTeX / BibLaTeX (.bib). */
export const bibtexFormat: ImportFormat = {
  id: 'bibtex',
  label: 'BibTeX',
  extensions: ['bib', 'bibtex'],
  detect: detectBibtex,
  parse: parseBibtex,
}
