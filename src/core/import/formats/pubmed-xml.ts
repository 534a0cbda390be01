import type { CitationRecord } from '../../records/record'
import type { Draft } from '../draft'
import { applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { lineAt } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { WarningCollector } from '../warnings'
import type { XmlElement } from '../xml'
import { child, childrenNamed, findAll, parseXml, textOf } from '../xml'

/**
 * Parses PubMed efetch XML: a `PubmedArticleSet` or a bare `PubmedArticle` root (sysrev's single-article files),
 * including `PubmedBookArticle`. Structured abstracts keep their section labels (`BACKGROUND: …`). An article
 * whose end tag is missing (cut-off file) is left out and reported as `truncated`.
 */
export function parsePubmedXml(text: string): ParseResult {
  const root = parseXml(text)
  const warnings = new WarningCollector()
  const articles = [...findAll(root, 'PubmedArticle'), ...findAll(root, 'PubmedBookArticle')].sort(
    (a, b) => a.offset - b.offset,
  )
  const records: CitationRecord[] = []
  let truncated: { line: number } | undefined
  for (const article of articles) {
    if (!article.closed) {
      const line = lineAt(text, article.offset)
      truncated ??= { line }
      warnings.add(line, 'the file ends inside this article; it was skipped')
      continue
    }
    records.push(readArticle(article))
  }
  if (articles.length === 0) warnings.add(1, 'no PubmedArticle elements found')
  return { records, warnings: warnings.list(), ...(truncated ? { truncated } : {}) }
}

function readArticle(article: XmlElement): CitationRecord {
  const draft = newDraft()
  const citation = child(article, 'MedlineCitation') ?? child(article, 'BookDocument')
  const art = child(citation, 'Article') ?? citation
  applyField(draft, 'pmid', textOf(child(citation, 'PMID')), 'PMID')
  applyField(
    draft,
    'title',
    textOf(child(art, 'ArticleTitle')) || textOf(child(art, 'Book/BookTitle')),
    'ArticleTitle',
  )
  draft.abstract = readAbstract(child(art, 'Abstract'))
  readAuthors(draft, child(art, 'AuthorList'))
  readJournal(draft, art)
  for (const id of art ? childrenNamed(art, 'ELocationID') : [])
    if (id.attrs.EIdType === 'doi') applyField(draft, 'doi', textOf(id), 'ELocationID')
  // Only the article's own ids: PubmedData/ReferenceList repeats ArticleId for every cited reference.
  const ids = child(article, 'PubmedData/ArticleIdList') ?? child(article, 'PubmedBookData/ArticleIdList')
  for (const id of ids ? childrenNamed(ids, 'ArticleId') : []) {
    const type = id.attrs.IdType
    if (type === 'doi') applyField(draft, 'doi', textOf(id), 'ArticleId')
    else if (type === 'pmc') applyField(draft, 'pmcid', textOf(id), 'ArticleId')
  }
  for (const heading of findAll(article, 'DescriptorName'))
    applyField(draft, 'mesh', textOf(heading), 'MeshHeading')
  for (const keyword of findAll(article, 'Keyword')) applyField(draft, 'keyword', textOf(keyword), 'Keyword')
  for (const type of findAll(article, 'PublicationType'))
    applyField(draft, 'publicationType', textOf(type), 'PublicationType')
  for (const language of childrenNamed(art ?? article, 'Language'))
    applyField(draft, 'language', textOf(language), 'Language')
  return finishDraft(draft)
}

function readAbstract(abstract: XmlElement | undefined): string {
  if (!abstract) return ''
  const parts: string[] = []
  for (const section of childrenNamed(abstract, 'AbstractText')) {
    const label = section.attrs.Label
    const body = textOf(section)
    parts.push(label ? `${label}: ${body}` : body)
  }
  return parts.join(' ')
}

function readAuthors(draft: Draft, list: XmlElement | undefined): void {
  if (!list) return
  for (const author of childrenNamed(list, 'Author')) {
    const collective = textOf(child(author, 'CollectiveName'))
    if (collective) {
      draft.authors.push(collective)
      continue
    }
    const family = textOf(child(author, 'LastName'))
    const given = textOf(child(author, 'ForeName')) || textOf(child(author, 'Initials'))
    if (family) draft.authors.push(given ? `${family}, ${given}` : family)
  }
}

function readJournal(draft: Draft, art: XmlElement | undefined): void {
  const journal = child(art, 'Journal')
  const issue = child(journal, 'JournalIssue')
  applyField(draft, 'journal', textOf(child(journal, 'Title')), 'Title')
  applyField(draft, 'journalAbbrev', textOf(child(journal, 'ISOAbbreviation')), 'ISOAbbreviation')
  applyField(draft, 'issn', textOf(child(journal, 'ISSN')), 'ISSN')
  applyField(draft, 'volume', textOf(child(issue, 'Volume')), 'Volume')
  applyField(draft, 'issue', textOf(child(issue, 'Issue')), 'Issue')
  const pubDate = child(issue, 'PubDate') ?? child(art, 'Book/PubDate')
  applyField(
    draft,
    'year',
    textOf(child(pubDate, 'Year')) || textOf(child(pubDate, 'MedlineDate')),
    'PubDate',
  )
  const pagination = child(art, 'Pagination')
  const medlinePages = textOf(child(pagination, 'MedlinePgn'))
  if (medlinePages) applyField(draft, 'pages', medlinePages, 'MedlinePgn')
  else {
    applyField(draft, 'startPage', textOf(child(pagination, 'StartPage')), 'StartPage')
    applyField(draft, 'endPage', textOf(child(pagination, 'EndPage')), 'EndPage')
  }
}

/** Confidence that `head` is PubMed XML. */
export function detectPubmedXml(head: string): number {
  if (/<PubmedArticleSet[\s>]|<PubmedArticle[\s>]|<PubmedBookArticle[\s>]/.test(head)) return 0.98
  return /<!DOCTYPE PubmedArticleSet/.test(head) ? 0.9 : 0
}

/** PubMed XML (efetch / "Save as XML"). */
export const pubmedXmlFormat: ImportFormat = {
  id: 'pubmed-xml',
  label: 'PubMed XML',
  extensions: ['xml'],
  detect: detectPubmedXml,
  parse: parsePubmedXml,
}
