import { foldText } from '../dedup/text'
import type { Author } from '../records/record'
import { parseAuthor, splitAuthorList } from '../records/normalise'

/**
 * What the ranking model may read of a record besides its text. Teams that publish one trial tend to publish the
 * next, and a review's includes cluster in a few journals and years, so these are evidence the words miss.
 */
export type RankingMetadata = {
  authors: readonly Author[]
  journal: string
  year: number | null
}

/** The kinds of metadata feature, as `metadataKind` tells them apart (0 = not metadata). */
export const metadataKinds = { author: 1, journal: 2, year: 3 } as const
export type MetadataKind = (typeof metadataKinds)[keyof typeof metadataKinds]

const prefixes: Record<MetadataKind, string> = { 1: 'author: ', 2: 'journal: ', 3: 'year: ' }
const nonWord = /[^\p{L}\p{N}]+/gu
/** At most this many authors per record count: consortium papers list hundreds. */
const maxAuthors = 30

const tidy = (text: string): string => foldText(text).replace(nonWord, ' ').trim()

/**
 * The record's metadata as feature tokens: `author: smith j` (family name and first initial, folded), `journal:
 * the lancet`, `year: 1998`. Tokens hold a colon, which no text token does, so they never collide with words.
 * Corporate authors (no given name) are left out: `Anonymous` and consortium names say little about a paper.
 */
export function metadataTokens(metadata: RankingMetadata): string[] {
  const tokens: string[] = []
  const seen = new Set<string>()
  for (const author of metadata.authors.slice(0, maxAuthors)) {
    const family = tidy(author.family)
    const initial = tidy(author.given).charAt(0)
    if (!family || !initial) continue
    const token = `${prefixes[metadataKinds.author]}${family} ${initial}`
    if (seen.has(token)) continue
    seen.add(token)
    tokens.push(token)
  }
  const journal = tidy(metadata.journal)
  if (journal) tokens.push(`${prefixes[metadataKinds.journal]}${journal}`)
  if (metadata.year !== null && Number.isInteger(metadata.year) && metadata.year > 0)
    tokens.push(`${prefixes[metadataKinds.year]}${metadata.year}`)
  return tokens
}

/** Which kind of metadata token this is (see `metadataTokens`), or 0 for anything else. */
export function metadataKind(token: string): MetadataKind | 0 {
  for (const kind of [1, 2, 3] as const) if (token.startsWith(prefixes[kind])) return kind
  return 0
}

/** The metadata of a labelled CSV row, from its `authors` (any one-cell list form), `journal` and `year` cells. */
export function metadataOfCells(authors: string, journal: string, year: string): RankingMetadata {
  const parsed: Author[] = []
  for (const name of splitAuthorList(authors)) {
    const author = parseAuthor(name)
    if (author) parsed.push(author)
  }
  const yearMatch = /\b(1[5-9]\d\d|2\d\d\d)\b/.exec(year)
  return { authors: parsed, journal: journal.trim(), year: yearMatch ? Number(yearMatch[1]) : null }
}
