import { normaliseDoi, normalisePmid, parseYear } from '../../records/normalise'
import type { CitationRecord } from '../../records/record'
import { emptyRecord } from '../../records/record'
import { applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import type { ImportFormat, ParseResult } from '../types'
import { stripBom, WarningCollector } from '../warnings'

/** Section headings of a PubMed abstract page; the abstract ends at the first one after it. */
const sectionHeadings = new Set([
  'Similar articles',
  'Cited by',
  'Publication types',
  'MeSH terms',
  'Keywords',
  'Substances',
  'References',
  'Comment in',
  'Comment on',
  'Figures',
  'Grants and funding',
  'Conflict of interest statement',
  'LinkOut - more resources',
  'Full text links',
  'Related information',
])

/**
 * Parses the text of a PubMed abstract page copied from a browser: the title is the first line, `- PMID:` and
 * `- DOI:` lines follow, the abstract runs from the `Abstract` line to the next section heading.
 * The "Similar articles" and "Cited by" entries are returned in `extras` (not `records`): stub records
 * (`isMetadataMissing: true`) with title, journal, year, DOI and PMID, and a `raw` tag `pubmed-page` whose value is
 * `similar` or `cited-by`, for the UI to offer as optional additions.
 */
export function parsePubmedPage(text: string): ParseResult {
  const lines = stripBom(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
  const warnings = new WarningCollector()
  const draft = newDraft()
  applyField(draft, 'title', lines.find((line) => line.length > 0) ?? '', 'title')
  const extras: CitationRecord[] = []
  let section = 'head'
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === 'Abstract') section = 'abstract'
    else if (sectionHeadings.has(line)) section = line
    else if (section === 'head') readHeadLine(draft, line)
    else if (section === 'abstract' && line) applyAbstract(draft, line)
    else if ((section === 'Similar articles' || section === 'Cited by') && line && line !== '-') {
      const extra = readEntry(line, section === 'Cited by' ? 'cited-by' : 'similar')
      if (extra) extras.push(extra)
      else warnings.add(i + 1, 'entry without a PMID ignored')
    }
  }
  if (!draft.pmid) warnings.add(1, 'no "PMID:" line found on the page')
  return { records: [finishDraft(draft)], warnings: warnings.list(), extras }
}

function readHeadLine(draft: ReturnType<typeof newDraft>, line: string): void {
  const id = /^-?\s*(PMID|PMCID|DOI):\s*(\S+)/.exec(line)
  if (!id?.[2]) return
  if (id[1] === 'PMID') applyField(draft, 'pmid', id[2], 'PMID')
  else if (id[1] === 'PMCID') applyField(draft, 'pmcid', id[2], 'PMCID')
  else applyField(draft, 'doi', id[2], 'DOI')
}

function applyAbstract(draft: ReturnType<typeof newDraft>, line: string): void {
  draft.abstract = draft.abstract ? `${draft.abstract} ${line}` : line
}

/**
 * One "Similar articles" / "Cited by" entry: `Title.Journal. 2006 Apr;13(4):572-81. doi: 10.x/y. … PMID: 123`.
 * The browser drops the space between the title's final stop and the journal, which is where the title ends.
 */
function readEntry(line: string, kind: string): CitationRecord | null {
  const pmid = /PMID:\s*(\d+)/.exec(line)
  if (!pmid?.[1]) return null
  const record = emptyRecord()
  const titleEnd = /[.?!](?=[A-Z0-9[(])/.exec(line)
  const titleStop = titleEnd ? titleEnd.index + 1 : line.length
  record.title = line.slice(0, titleStop).replace(/\.$/, '').trim()
  const rest = line.slice(titleStop)
  record.journal = rest.slice(0, Math.max(0, rest.indexOf('. '))).trim()
  record.year = parseYear(rest)
  const doi = /doi:\s*(\S+)/.exec(rest)
  record.doi = doi?.[1] ? normaliseDoi(doi[1]) : ''
  record.pmid = normalisePmid(pmid[1])
  record.isMetadataMissing = true
  record.raw = [{ tag: 'pubmed-page', value: kind }]
  return record
}

/** Confidence that `head` is a copied PubMed abstract page: `- PMID: n` near the top and an `Abstract` line. */
export function detectPubmedPage(head: string): number {
  const top = head.slice(0, 2000)
  if (!/(^|[\r\n])-?\s*PMID: \d+/.test(top)) return 0
  return /(^|[\r\n])Abstract\s*[\r\n]/.test(head) || /(^|[\r\n])Similar articles/.test(head) ? 0.9 : 0.5
}

/** Text of a PubMed abstract page copied from a browser. */
export const pubmedPageFormat: ImportFormat = {
  id: 'pubmed-page',
  label: 'PubMed page (copied text)',
  extensions: ['txt'],
  detect: detectPubmedPage,
  parse: parsePubmedPage,
}
