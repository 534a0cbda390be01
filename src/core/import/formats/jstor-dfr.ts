import type { CitationRecord } from '../../records/record'
import { applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import { lineAt } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { WarningCollector } from '../warnings'
import type { XmlElement } from '../xml'
import { child, childrenNamed, findAll, parseXml, textOf } from '../xml'

/**
 * Parses JSTOR Data-for-Research `citations.xml`: one `<article id=DOI>` per record with `<author>` in
 * "Given Family" order, `<pagerange>pp. 88-105</pagerange>` and an ISO `<pubdate>`. Front matter has an empty
 * `<author/>` and is kept (it is a real JSTOR item; screening excludes it quickly).
 */
export function parseJstorDfr(text: string): ParseResult {
  const root = parseXml(text)
  const warnings = new WarningCollector()
  const records: CitationRecord[] = []
  let truncated: { line: number } | undefined
  for (const article of findAll(root, 'article')) {
    if (!article.closed) {
      truncated ??= { line: lineAt(text, article.offset) }
      warnings.add(truncated.line, 'the file ends inside this article; it was skipped')
      continue
    }
    records.push(readArticle(article))
  }
  return { records, warnings: warnings.list(), ...(truncated ? { truncated } : {}) }
}

function readArticle(article: XmlElement): CitationRecord {
  const draft = newDraft()
  applyField(draft, 'doi', textOf(child(article, 'doi')) || (article.attrs.id ?? ''), 'doi')
  applyField(draft, 'title', textOf(child(article, 'title')), 'title')
  for (const author of childrenNamed(article, 'author')) applyField(draft, 'author', textOf(author), 'author')
  applyField(draft, 'journal', textOf(child(article, 'journaltitle')), 'journaltitle')
  applyField(draft, 'volume', textOf(child(article, 'volume')), 'volume')
  applyField(draft, 'issue', textOf(child(article, 'issue')), 'issue')
  applyField(draft, 'year', textOf(child(article, 'pubdate')), 'pubdate')
  applyField(draft, 'pages', textOf(child(article, 'pagerange')).replace(/^pp?\.\s*/, ''), 'pagerange')
  applyField(draft, 'abstract', textOf(child(article, 'abstract')), 'abstract')
  for (const tag of ['publisher', 'type', 'reviewed-work']) {
    for (const node of childrenNamed(article, tag)) {
      const value = textOf(node).trim()
      if (value) draft.raw.push({ tag, value })
    }
  }
  return finishDraft(draft)
}

/** Confidence that `head` is JSTOR DfR citations XML. */
export function detectJstorDfr(head: string): number {
  return /<citations>\s*<article[\s>]/.test(head) && /<journaltitle>/.test(head) ? 0.95 : 0
}

/** JSTOR Data for Research citations.xml. */
export const jstorDfrFormat: ImportFormat = {
  id: 'jstor-dfr',
  label: 'JSTOR Data for Research XML',
  extensions: ['xml'],
  detect: detectJstorDfr,
  parse: parseJstorDfr,
}
