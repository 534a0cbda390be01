import type { CitationRecord } from '../../records/record'
import { applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import type { ImportFormat, ParseResult } from '../types'
import { WarningCollector } from '../warnings'
import type { XmlElement } from '../xml'
import { child, childrenNamed, findAll, parseXml, textOf } from '../xml'

/** Top-level RDF nodes that are not references: attachments, notes, collections, and shared container nodes. */
const nonItems = new Set([
  'z:Attachment',
  'bib:Memo',
  'z:Collection',
  'bib:Journal',
  'foaf:Person',
  'foaf:Organization',
  'z:UserItem',
])

/**
 * Parses Zotero RDF: every top-level child of `rdf:RDF` that has a `dc:title` and is not an attachment, note or
 * collection is one record. The journal sits in `dcterms:isPartOf/bib:Journal`, the DOI in a `dc:identifier`
 * starting with `DOI `.
 */
export function parseZoteroRdf(text: string): ParseResult {
  const root = parseXml(text)
  const rdf = child(root, 'rdf:RDF') ?? root
  const warnings = new WarningCollector()
  const records: CitationRecord[] = []
  for (const node of rdf.children) {
    if (typeof node === 'string' || nonItems.has(node.name) || !child(node, 'dc:title')) continue
    records.push(readItem(node))
  }
  if (records.length === 0) warnings.add(1, 'no Zotero items found')
  return { records, warnings: warnings.list() }
}

function readItem(item: XmlElement): CitationRecord {
  const draft = newDraft()
  const container = child(item, 'dcterms:isPartOf')
  const journal = container?.children.find((node): node is XmlElement => typeof node !== 'string')
  applyField(draft, 'title', textOf(child(item, 'dc:title')), 'dc:title')
  applyField(draft, 'abstract', textOf(child(item, 'dcterms:abstract')), 'dcterms:abstract')
  applyField(draft, 'year', textOf(child(item, 'dc:date')), 'dc:date')
  applyField(draft, 'pages', textOf(child(item, 'bib:pages')), 'bib:pages')
  applyField(
    draft,
    'language',
    textOf(child(item, 'z:language')) || textOf(child(item, 'dc:language')),
    'dc:language',
  )
  applyField(draft, 'publicationType', textOf(child(item, 'z:itemType')), 'z:itemType')
  if (journal) {
    applyField(draft, 'journal', textOf(child(journal, 'dc:title')), 'dc:title')
    applyField(draft, 'journalAbbrev', textOf(child(journal, 'dcterms:alternative')), 'dcterms:alternative')
    applyField(draft, 'volume', textOf(child(journal, 'prism:volume')), 'prism:volume')
    applyField(draft, 'issue', textOf(child(journal, 'prism:number')), 'prism:number')
  }
  for (const identifier of [
    ...childrenNamed(item, 'dc:identifier'),
    ...(journal ? childrenNamed(journal, 'dc:identifier') : []),
  ]) {
    const value = textOf(identifier)
    if (/^DOI\s/i.test(value)) applyField(draft, 'doi', value, 'dc:identifier')
    else if (/^ISSN\s/i.test(value)) applyField(draft, 'issn', value.slice(5), 'dc:identifier')
    else if (value) draft.raw.push({ tag: 'dc:identifier', value })
  }
  for (const person of findAll(child(item, 'bib:authors') ?? item, 'foaf:Person')) {
    const family = textOf(child(person, 'foaf:surname'))
    const given = textOf(child(person, 'foaf:givenName')) || textOf(child(person, 'foaf:givenname'))
    if (family) draft.authors.push(given ? `${family}, ${given}` : family)
  }
  for (const subject of childrenNamed(item, 'dc:subject'))
    applyField(draft, 'keyword', textOf(subject), 'dc:subject')
  return finishDraft(draft)
}

/** Confidence that `head` is Zotero RDF. */
export function detectZoteroRdf(head: string): number {
  if (!/<rdf:RDF[\s>]/.test(head)) return 0
  return /zotero\.org\/namespaces|<z:itemType>/.test(head) ? 0.95 : 0.5
}

/** Zotero RDF export. */
export const zoteroRdfFormat: ImportFormat = {
  id: 'zotero-rdf',
  label: 'Zotero RDF',
  extensions: ['rdf'],
  detect: detectZoteroRdf,
  parse: parseZoteroRdf,
}
