import type { ImportFormat } from '../types'
import { bibtexFormat } from './bibtex'
import { csvFormat } from './csv'
import { endnoteTaggedFormat } from './endnote-tagged'
import { endnoteXmlFormat } from './endnote-xml'
import { idListFormat } from './id-list'
import { jstorDfrFormat } from './jstor-dfr'
import { medlineFormat } from './medline'
import { ovidFormat } from './ovid'
import { proquestFormat } from './proquest'
import { pubmedPageFormat } from './pubmed-page'
import { pubmedXmlFormat } from './pubmed-xml'
import { risFormat } from './ris'
import { wosFormat } from './wos'
import { zoteroRdfFormat } from './zotero-rdf'

/**
 * Every import format, in tie-break order (earlier wins on equal scores). An explicit list: formats never register
 * themselves as a side effect of being imported.
 */
export const importFormats: readonly ImportFormat[] = [
  risFormat,
  medlineFormat,
  wosFormat,
  pubmedXmlFormat,
  endnoteXmlFormat,
  bibtexFormat,
  csvFormat,
  endnoteTaggedFormat,
  ovidFormat,
  proquestFormat,
  zoteroRdfFormat,
  jstorDfrFormat,
  idListFormat,
  pubmedPageFormat,
]

/** The format with this id, or undefined. */
export function formatById(id: string): ImportFormat | undefined {
  return importFormats.find((format) => format.id === id)
}
