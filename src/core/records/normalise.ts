import type { Author } from './record'

const whitespace = /\s+/g

/** Collapses every run of whitespace (including newlines and tabs) to one space and trims the ends. */
export function collapseWhitespace(text: string): string {
  // Fast path: most values are already clean, and skipping the regex replace avoids a copy of every field (this
  // function runs on every field of every record, so it dominates parse time on 100,000-record files).
  return isCollapsed(text) ? text : text.replace(whitespace, ' ').trim()
}

function isCollapsed(text: string): boolean {
  const length = text.length
  if (length === 0) return true
  if (text.charCodeAt(0) <= 32 || text.charCodeAt(length - 1) <= 32) return false
  let previousSpace = false
  for (let i = 1; i < length - 1; i++) {
    const code = text.charCodeAt(i)
    if (code === 32) {
      if (previousSpace) return false
      previousSpace = true
    } else if (
      code < 32 ||
      code === 160 ||
      (code >= 0x2000 &&
        (code <= 0x200a ||
          code === 0x2028 ||
          code === 0x2029 ||
          code === 0x3000 ||
          code === 0x202f ||
          code === 0x205f))
    ) {
      return false
    } else previousSpace = false
  }
  return true
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
  const match = doiStart.exec(value)
  if (!match) return ''
  let end = match.index
  while (end < value.length && !isSpace(value.charCodeAt(end))) end++
  const doi = value.slice(match.index, end).replace(doiTrailing, '')
  return doi.toLowerCase()
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

const yearPattern = /(?:^|\D)(1[89]\d\d|20\d\d)(?!\d)/

/** The first four-digit year between 1800 and 2099 in the text (`2020//`, `2019 Mar 4`, `Spring 2001`), else null. */
export function parseYear(text: string): number | null {
  const match = yearPattern.exec(text)
  return match?.[1] ? Number(match[1]) : null
}

/**
 * Joins start and end page into `start-end`, expanding abbreviated end pages (`123-9` → `123-129`) and turning en
 * dashes into hyphens. A start that already holds a range (`SP  - 123-9`, MEDLINE `PG`) is handled the same way.
 */
export function normalisePages(start: string, end = ''): string {
  let first = collapseWhitespace(start).replace(/[\u2010-\u2015]/g, '-')
  let last = collapseWhitespace(end).replace(/[\u2010-\u2015]/g, '-')
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

function expandEndPage(first: string, last: string): string {
  const isDigits = /^\d+$/
  if (!isDigits.test(first) || !isDigits.test(last) || last.length >= first.length) return last
  const expanded = first.slice(0, first.length - last.length) + last
  return Number(expanded) >= Number(first) ? expanded : last
}

/** The digits of a PubMed id (`PMID: 123`, `123 [pmid]`, `MEDLINE:123`), or `''` when there are none. */
export function normalisePmid(text: string): string {
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

function isGivenPart(piece: string): boolean {
  // A given-name piece is initials (`SR`, `J.A.`) or one capitalised word; `Doe A` (a `Family GI` name) is not.
  return initialsPattern.test(piece) || /^[A-Z][a-z]+$/.test(piece)
}

function cleanList(pieces: string[]): string[] {
  const names: string[] = []
  for (const piece of pieces) {
    const name = piece.trim()
    if (name) names.push(name)
  }
  return names
}
