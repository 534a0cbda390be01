import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget } from '../draft'
import { applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { lineAt } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { WarningCollector } from '../warnings'
import type { XmlElement } from '../xml'
import { child, childrenNamed, findAll, parseXml, textOf } from '../xml'

/** EndNote XML element paths (inside `<record>`) → fields, as data. Values sit inside `<style>` wrappers. */
const endnotePaths: readonly (readonly [string, FieldTarget])[] = [
  ['titles/title', 'title'],
  ['titles/secondary-title', 'journal'],
  ['periodical/full-title', 'journal'],
  ['periodical/abbr-1', 'journalAbbrev'],
  ['alt-periodical/abbr-1', 'journalAbbrev'],
  ['abstract', 'abstract'],
  ['volume', 'volume'],
  ['number', 'issue'],
  ['pages', 'pages'],
  ['dates/year', 'year'],
  ['electronic-resource-num', 'doiMaybe'],
  ['isbn', 'issn'],
  ['language', 'language'],
  ['work-type', 'publicationType'],
]

/**
 * Parses EndNote XML (`<xml><records><record>`), pretty-printed or on one line, including EndNote 15's files
 * hard-wrapped inside tags and attributes. Authors, keywords and URLs are lists; `accession-num` becomes the PMID
 * when `remote-database-name` says PubMed/MEDLINE. Unknown elements are kept in `raw` under their element name.
 */
export function parseEndnoteXml(text: string): ParseResult {
  const root = parseXml(text)
  const warnings = new WarningCollector()
  const records: CitationRecord[] = []
  let truncated: { line: number } | undefined
  for (const record of findAll(root, 'record')) {
    if (!record.closed) {
      const line = lineAt(text, record.offset)
      truncated ??= { line }
      warnings.add(line, 'the file ends inside this record; it was skipped')
      continue
    }
    records.push(readRecord(record))
  }
  if (records.length === 0 && !truncated) warnings.add(1, 'no <record> elements found')
  return { records, warnings: warnings.list(), ...(truncated ? { truncated } : {}) }
}

const knownElements = new Set([
  'titles',
  'periodical',
  'alt-periodical',
  'abstract',
  'volume',
  'number',
  'pages',
  'dates',
  'electronic-resource-num',
  'isbn',
  'language',
  'work-type',
  'contributors',
  'keywords',
  'urls',
])

function readRecord(record: XmlElement): CitationRecord {
  const draft = newDraft()
  for (const [path, target] of endnotePaths) applyField(draft, target, textOf(child(record, path)), path)
  for (const author of findAll(child(record, 'contributors/authors') ?? emptyElement, 'author'))
    applyField(draft, 'author', textOf(author), 'author')
  for (const keyword of findAll(child(record, 'keywords') ?? emptyElement, 'keyword'))
    applyField(draft, 'keyword', textOf(keyword), 'keyword')
  for (const url of findAll(child(record, 'urls') ?? emptyElement, 'url'))
    applyField(draft, 'url', textOf(url), 'url')
  readRemaining(draft, record)
  return finishDraft(draft)
}

const emptyElement: XmlElement = { name: '', attrs: {}, children: [], closed: true, offset: 0 }

function readRemaining(draft: Draft, record: XmlElement): void {
  let isPubMed = false
  let accession = ''
  for (const node of record.children) {
    if (typeof node === 'string' || knownElements.has(node.name)) continue
    const value = node.name === 'ref-type' ? (node.attrs.name ?? textOf(node)) : textOf(node)
    if (node.name === 'remote-database-name' && /pubmed|medline/i.test(value)) isPubMed = true
    if (node.name === 'accession-num') accession = value.trim()
    draft.raw.push({ tag: node.name, value: value.trim() })
  }
  if (isPubMed && /^\d{1,9}$/.test(accession)) draft.pmid = accession
  for (const type of childrenNamed(record, 'ref-type'))
    if (type.attrs.name) draft.publicationTypes.push(type.attrs.name)
}

/** Confidence that `head` is EndNote XML. */
export function detectEndnoteXml(head: string): number {
  if (/<xml>\s*<records>\s*<record>/.test(head) || /<source-app[^>]*name="EndNote"/.test(head)) return 0.97
  return /<records>\s*<record>/.test(head) && /<ref-type/.test(head) ? 0.8 : 0
}

/** EndNote XML export. */
export const endnoteXmlFormat: ImportFormat = {
  id: 'endnote-xml',
  label: 'EndNote XML',
  extensions: ['xml'],
  detect: detectEndnoteXml,
  parse: parseEndnoteXml,
}
