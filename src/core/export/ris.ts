import type { CitationRecord } from '../records/record'

/**
 * Writes records as RIS (CRLF line ends, `ER  - ` plus a blank line after each record). Mapped fields come first
 * in a fixed order, then every `raw` tag verbatim in its original order, so RIS → records → RIS → records gives
 * equal records. PMID goes to `PM` (as WoS writes it), PMCID to `C2` (as Zotero and EndNote do), MeSH terms to
 * extra `KW` lines (EndNote's convention) and publication types to `M3` (type of work). Line breaks inside values
 * become spaces because RIS values are single lines.
 */
export function toRis(records: readonly CitationRecord[]): string {
  let out = ''
  for (const record of records) out += recordToRis(record)
  return out
}

function recordToRis(record: CitationRecord): string {
  const lines: string[] = []
  const add = (tag: string, value: string): void => {
    if (value) lines.push(`${tag}  - ${oneLine(value)}`)
  }
  lines.push(`TY  - ${oneLine(record.raw.find((field) => field.tag === 'TY')?.value ?? '') || 'JOUR'}`)
  add('TI', record.title)
  for (const author of record.authors)
    add('AU', author.given ? `${author.family}, ${author.given}` : author.family)
  add('PY', record.year === null ? '' : String(record.year))
  add('T2', record.journal)
  add('J2', record.journalAbbrev)
  add('VL', record.volume)
  add('IS', record.issue)
  const dash = record.pages.indexOf('-')
  add('SP', dash > 0 ? record.pages.slice(0, dash) : record.pages)
  add('EP', dash > 0 ? record.pages.slice(dash + 1) : '')
  add('AB', record.abstract)
  add('DO', record.doi)
  add('PM', record.pmid)
  add('C2', record.pmcid)
  for (const issn of record.issn) add('SN', issn)
  for (const keyword of record.keywords) add('KW', keyword)
  for (const term of record.mesh) add('KW', term)
  for (const type of record.publicationTypes) add('M3', type)
  add('LA', record.language)
  for (const url of record.urls) add('UR', url)
  for (const field of record.raw) {
    if (field.tag !== 'TY' && /^[A-Z][A-Z0-9]$/.test(field.tag))
      lines.push(`${field.tag}  - ${oneLine(field.value)}`)
  }
  lines.push('ER  - ', '')
  return lines.join('\r\n') + '\r\n'
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ')
}
