import type { CitationRecord } from '../records/record'

type DatabaseRule = { name: string; pattern: RegExp }

/**
 * Clues in a file's first kilobytes that name the database it came from, checked in order (first match wins).
 * Data, not code: add an exporter by adding a row. Ovid and EBSCOhost name the underlying database in `DB`.
 */
const headRules: readonly DatabaseRule[] = [
  { name: 'Embase', pattern: /(^|\n)DB {2}- Embase|embase\.com|Emtree/i },
  { name: 'PsycINFO', pattern: /(^|\n)DB {2}- (psyh|APA PsycInfo|PsycINFO)/i },
  { name: 'CINAHL', pattern: /(^|\n)DB {2}- (c8h|rzh|CINAHL)/i },
  { name: 'ERIC', pattern: /(^|\n)DB {2}- ERIC|ERIC_ebsco/i },
  { name: 'Ovid', pattern: /(^|\n)(VN {2}- Ovid|DB {2}- Ovid)|ovidsp\.ovid\.com/i },
  { name: 'EBSCOhost', pattern: /(^|\n)DP {2}- EBSCOhost/i },
  { name: 'Scopus', pattern: /scopus\.com|(^|\n)DB {2}- Scopus|Source: Scopus|^Scopus\s|"?EID"?\s*$/im },
  {
    name: 'Web of Science',
    pattern: /^FN (Clarivate|Thomson)|(^|\n)(UT|AN) {1,2}-? ?WOS:|\tUT\s*$|\bWOS:\d/m,
  },
  { name: 'Cochrane Library', pattern: /Record #\d+ of \d+|cochranelibrary\.com/i },
  { name: 'Dimensions', pattern: /app\.dimensions\.ai|(^|\n)DB {2}- Dimensions/i },
  { name: 'Lens.org', pattern: /"?Lens ID"?,/ },
  { name: 'OpenAlex', pattern: /openalex\.org/ },
  { name: 'IEEE Xplore', pattern: /ieeexplore\.ieee\.org|"?Document Title"?,.*IEEE Terms/ },
  { name: 'ProQuest', pattern: /ProQuest/ },
  { name: 'SciELO', pattern: /scielo/i },
  { name: 'Google Scholar', pattern: /scholar\.google/ },
  {
    name: 'PubMed',
    pattern: /(^|\n)PMID- |<PubmedArticle|pubmed\.ncbi\.nlm\.nih\.gov|(^|\n)(DP {2}- NLM|DB {2}- PubMed)/,
  },
  { name: 'Zotero', pattern: /zotero/i },
  { name: 'EndNote', pattern: /<source-app[^>]*EndNote|EndNote/ },
]

/** The database every file of these formats comes from, whatever its content. */
const formatDatabases: Readonly<Partial<Record<string, string>>> = {
  medline: 'PubMed',
  'pubmed-xml': 'PubMed',
  'pubmed-page': 'PubMed',
  wos: 'Web of Science',
  'jstor-dfr': 'JSTOR',
  proquest: 'ProQuest',
}

/**
 * Guesses the source database of a file from its format and its first kilobytes (`DB`/`DP` tags, URLs, header
 * lines). Returns `''` when there is no clue; the user can always correct it in the import preview.
 */
export function guessDatabase(formatId: string, head: string, records: readonly CitationRecord[]): string {
  const fixed = formatDatabases[formatId]
  if (fixed) return fixed
  for (const rule of headRules) if (rule.pattern.test(head)) return rule.name
  if (formatId === 'id-list') return records.some((record) => record.pmid) ? 'PubMed' : ''
  return ''
}
