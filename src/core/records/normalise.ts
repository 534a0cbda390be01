import type { Author } from './record'

const whitespace = /\s+/g

/** Collapses every run of whitespace (including newlines and tabs) to one space and trims the ends. */
export function collapseWhitespace(text: string): string {
  // Fast path: most values are already clean, and skipping the regex replace avoids a copy of every field (this
  // function runs on every field of every record, so it dominates parse time on 100,000-record files).
  return isCollapsed(text) ? text : text.replace(whitespace, ' ').trim()
}

/**
 * What `isCollapsed` looks for between the first and last character: a control character, a no-break or Unicode
 * space, a line or paragraph separator, or two spaces in a row. A regex rather than a `charCodeAt` loop because
 * values are mostly substrings of the file, and irregexp scans those about three times faster.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found here
const uncollapsed = /[\x00-\x1f\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]| {2}/g

function isCollapsed(text: string): boolean {
  const length = text.length
  if (length === 0) return true
  if (text.charCodeAt(0) <= 32 || text.charCodeAt(length - 1) <= 32) return false
  // Only inner characters count: a match on the last one (a trailing no-break space) leaves the text as it is.
  uncollapsed.lastIndex = 1
  const match = uncollapsed.exec(text)
  return match === null || match.index >= length - 1
}

const doiStart = /10\.\d{3,9}\//
const doiTrailing = /[.,;:)\]}>'"]+$/

/**
 * Normalises a DOI: finds the `10.NNNN/` prefix wherever it is (so `https://doi.org/`, `doi:`, `DOI ` and
 * `[doi]` decorations fall away), cuts at whitespace, drops trailing punctuation and lower-cases it.
 * Percent-encoded DOIs from OpenURL links (Embase's `doi:10.4103%2F…`) are decoded first.
 * Returns `''` when the text holds no DOI.
 */
export function normaliseDoi(text: string): string {
  let value = text
  if (value.includes('%2F') || value.includes('%2f')) value = safeDecode(value)
  // `search` gives the index without building a match array (this runs once per record).
  const start = value.search(doiStart)
  if (start < 0) return ''
  let end = start
  while (end < value.length && !isSpace(value.charCodeAt(end))) end++
  const doi = value.slice(start, end)
  // Most DOIs end in a letter or digit: skip the trailing-punctuation regex (and its copy) for them.
  return (isDoiTrailing(doi.charCodeAt(doi.length - 1)) ? doi.replace(doiTrailing, '') : doi).toLowerCase()
}

/** The characters `doiTrailing` strips: `.,;:)]}>'"`. */
function isDoiTrailing(code: number): boolean {
  return (
    code === 46 ||
    code === 44 ||
    code === 59 ||
    code === 58 ||
    code === 41 ||
    code === 93 ||
    code === 125 ||
    code === 62 ||
    code === 39 ||
    code === 34
  )
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text.replace(/%2F/gi, '/')
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160
}

/**
 * The first four-digit year between 1800 and 2099 in the text (`2020//`, `2019 Mar 4`, `Spring 2001`), else null: a
 * year not preceded or followed by another digit. A scan rather than a regex so no match array is allocated per
 * record.
 */
export function parseYear(text: string): number | null {
  const last = text.length - 4
  for (let at = 0; at <= last; at++) {
    if (at > 0 && isDigit(text.charCodeAt(at - 1))) continue
    if (!isDigit(text.charCodeAt(at + 2)) || !isDigit(text.charCodeAt(at + 3))) continue
    if (at + 4 < text.length && isDigit(text.charCodeAt(at + 4))) continue
    const year =
      (text.charCodeAt(at) - 48) * 1000 +
      (text.charCodeAt(at + 1) - 48) * 100 +
      (text.charCodeAt(at + 2) - 48) * 10 +
      (text.charCodeAt(at + 3) - 48)
    // The first two characters are not checked as digits above: only 18xx, 19xx and 20xx count.
    if (year >= 1800 && year <= 2099 && isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)))
      return year
  }
  return null
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * Joins start and end page into `start-end`, expanding abbreviated end pages (`123-9` → `123-129`) and turning en
 * dashes into hyphens. A start that already holds a range (`SP  - 123-9`, MEDLINE `PG`) is handled the same way.
 */
export function normalisePages(start: string, end = ''): string {
  let first = hyphenateDashes(collapseWhitespace(start))
  let last = hyphenateDashes(collapseWhitespace(end))
  if (!last) {
    const dash = first.indexOf('-')
    if (dash > 0) {
      last = first.slice(dash + 1).trim()
      first = first.slice(0, dash).trim()
    }
  }
  if (!last || last === first) return first
  if (!first) return last
  return `${first}-${expandEndPage(first, last)}`
}

/** Turns en dashes and their kin (U+2010–U+2015) into hyphens; most page ranges have none, so scan before copying. */
function hyphenateDashes(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x2010 && code <= 0x2015) return text.replace(/[\u2010-\u2015]/g, '-')
  }
  return text
}

/** True for a non-empty run of ASCII digits (what `/^\d+$/` matches). */
function isDigits(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

function expandEndPage(first: string, last: string): string {
  if (!isDigits(first) || !isDigits(last) || last.length >= first.length) return last
  const expanded = first.slice(0, first.length - last.length) + last
  return Number(expanded) >= Number(first) ? expanded : last
}

/** The digits of a PubMed id (`PMID: 123`, `123 [pmid]`, `MEDLINE:123`), or `''` when there are none. */
export function normalisePmid(text: string): string {
  // Fast path for an already clean id (MEDLINE `PMID-`, RIS `PM`): the pattern would return it unchanged.
  if (text.length <= 9 && text.charCodeAt(0) !== 48 && isDigits(text)) return text
  const match = /\d{1,9}/.exec(text)
  return match ? match[0].replace(/^0+(?=\d)/, '') : ''
}

/** A PubMed Central id in its canonical `PMC123` form, or `''`. Bare digits get the `PMC` prefix. */
export function normalisePmcid(text: string): string {
  const match = /(?:PMC)?\s*(\d{1,9})/i.exec(text)
  return match?.[1] ? `PMC${match[1]}` : ''
}

const combiningMarks = /[\u0300-\u036f]/g
const nonAlphanumeric = /[^\p{L}\p{N}]+/gu

/**
 * A comparison key for titles: lower-case, diacritics stripped (NFKD), every non-alphanumeric character removed, so
 * `The Müller–Lyer illusion.` and `the muller lyer illusion` get the same key. Used by dedup.
 */
export function titleKey(title: string): string {
  return title.normalize('NFKD').replace(combiningMarks, '').toLowerCase().replace(nonAlphanumeric, '')
}

const corporateWords =
  /\b(group|consortium|collaborat\w*|committee|association|society|institut\w*|organi[sz]ation|investigators|team|network|council|trial|study|university|foundation|agency|department|centre|center|board|panel|working|ministry|office)\b/i
const initialsPattern = /^(?:[A-Z\u00C0-\u00DE]\.?-?){1,4}$/

/**
 * Splits one author name into family and given names. Understands `Family, Given` (RIS, BibTeX, WoS `AF`),
 * `Family GI` (MEDLINE `AU`, Embase, Scopus CSV `Liu R.`), `Given Family` (JSTOR, Zotero RDF without parts) and
 * corporate authors (kept whole as `family`). Returns null for an empty name.
 */
export function parseAuthor(text: string): Author | null {
  let name = collapseWhitespace(text)
  const head = name.charCodeAt(0)
  const tail = name.charCodeAt(name.length - 1)
  if (head === 44 || head === 59 || tail === 44 || tail === 59)
    name = name.replace(/^[,;]+|[,;]+$/g, '').trim()
  if (!name) return null
  const comma = name.indexOf(',')
  if (comma > 0) {
    const family = name.slice(0, comma).trim()
    const given = name.slice(comma + 1).trim()
    // Only multi-word families can be corporate ("Cochrane Collaboration, The"); skip the big regex otherwise.
    if (family.includes(' ') && corporateWords.test(family) && !initialsPattern.test(given))
      return { family: name, given: '' }
    return { family, given }
  }
  if (corporateWords.test(name) || name.split(' ').length > 5) return { family: name, given: '' }
  const space = name.lastIndexOf(' ')
  if (space < 0) return { family: name, given: '' }
  const last = name.slice(space + 1)
  if (initialsPattern.test(last)) return { family: name.slice(0, space), given: last }
  return { family: last, given: name.slice(0, space) }
}

/**
 * Splits a one-cell author list into names. `;` and `|` separate authors when present (WoS, Scopus, Lens); otherwise
 * commas do, and when the comma pieces alternate family / initials (`Smith, SR, Newton, K` — Cochrane BibTeX) they
 * are paired back up. A final `and` is dropped.
 */
export function splitAuthorList(text: string): string[] {
  const list = text.replace(/\s+and\s+/g, ', ').trim()
  if (!list) return []
  if (/[;|]/.test(list)) return cleanList(list.split(/[;|]/))
  const pieces = cleanList(list.split(','))
  const looksPaired = pieces.length % 2 === 0 && pieces.every((piece, i) => i % 2 === 0 || isGivenPart(piece))
  if (!looksPaired) return pieces
  const names: string[] = []
  for (let i = 0; i < pieces.length; i += 2) names.push(`${pieces[i] ?? ''}, ${pieces[i + 1] ?? ''}`)
  return names
}

/** Initials written with spaces (`R E`, `S. S.`), as EndNote exports of the Rathbone sets have them. */
const spacedInitialsPattern = /^[A-Z\u00C0-\u00DE]\.?(?:[ -]?[A-Z\u00C0-\u00DE]\.?){0,3}$/

function isGivenPart(piece: string): boolean {
  // A given-name piece is initials (`SR`, `J.A.`, `R E`) or one capitalised word; `Doe A` (a `Family GI` name) is not.
  return initialsPattern.test(piece) || spacedInitialsPattern.test(piece) || /^[A-Z][a-z]+$/.test(piece)
}

function cleanList(pieces: string[]): string[] {
  const names: string[] = []
  for (const piece of pieces) {
    const name = piece.trim()
    if (name) names.push(name)
  }
  return names
}
