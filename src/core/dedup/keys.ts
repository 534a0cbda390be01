import type { Author, CitationRecord } from '../records/record'
import { normaliseDoi, normalisePmcid, normalisePmid } from '../records/normalise'
import { isConferenceRecord, languageCode, noticeKind, titleNumbers, type NoticeKind } from './cues'
import { journalWords, meetingWords } from './journal'
import { cleanTitle, isTranslatedTitle } from './title'
import {
  abstractTokenSet,
  americanSpelling,
  arabicNumerals,
  foldText,
  tokenSet,
  tokens,
  withoutLeadingZeros,
  type TokenSet,
} from './text'

/** Everything pair scoring reads about one record, computed once per record. */
export type MatchKeys = {
  /** The title words joined without spaces, leading `the`/`a`/`an` dropped: the string compared by edit distance. */
  titleKey: string
  /** Hashes of the title words that are not stop words, sorted. */
  titleTokens: TokenSet
  /** Numbers in the title (`2|3`), see `titleNumbers`. */
  titleNumbers: string
  /** Folded first word of the first author's family name (`van der Berg` → `berg`), or `''`. */
  firstAuthor: string
  /** Hashes of every author family-name word of two or more letters, sorted. */
  authorTokens: TokenSet
  authorCount: number
  year: number | null
  journalWords: string[]
  /** Words of the meeting an Embase conference record names after its journal (`Blood. Conference: …`), or `[]`. */
  meetingWords: string[]
  /** Leading digits of the volume (`38 Suppl 1` → `38`), or `''`; see `volumeKey`. */
  volume: string
  /** Leading digits of the issue, or `''`. */
  issue: string
  /** Volume or issue says supplement (`Suppl 2`, `s2`): where journals print meeting abstracts. */
  isSupplement: boolean
  /** First page without letters or leading zeros (`e1234` → `1234`, `S12-4` → `12`), or `''`. */
  firstPage: string
  /** Last page as given after the range dash (expanded), or `''`. */
  lastPage: string
  /** The page field is an electronic article number (`e12724`, BMJ `a1754`), not a print page. */
  isPageLocator: boolean
  doi: string
  /** Set by `findDuplicates` when different papers carry this DOI (a supplement's): it then identifies nothing alone. */
  isDoiShared: boolean
  pmid: string
  pmcid: string
  /** The abstract as given; its word set is computed on first use by `abstractTokens` (most pairs never need it). */
  abstract: string
  abstractSet: TokenSet | null
  notice: NoticeKind
  isConference: boolean
  /** Two-letter language code, or `''`. */
  language: string
  /** The title is given in translation (see `isTranslatedTitle`). */
  isTranslatedTitle: boolean
}

// Regular expressions of functions that run for every record live here: a literal in a function body is a new
// object each time the function runs.
const digit = /\d/
const digits = /\d+/
const epub = /epub/i
const pageDash = /[-\u2010-\u2015]/
/** Volume or issue says supplement (`Suppl 2`, `s2`). */
const supplement = /\bsup|^\s*s\d/i
/** `e12724` (PLoS), `a1754` / `c1804` (BMJ): one token, no range. `A254-A255` (meeting abstract pages) is not. */
const pageLocator = /^\s*(?:e\d+|[a-d]\d{4,})\s*$/i
/** Ovid marks meeting abstracts with `[Abstract]` after the title (American Thoracic Society abstracts). */
const abstractNote = /\[abstract\]/i

const nameParticles = new Set([
  'jr',
  'sr',
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'dos',
  'das',
  'al',
  'el',
  'bin',
  'ben',
])

const languageNames =
  'english|german|french|spanish|italian|portuguese|chinese|japanese|russian|dutch|polish|korean|turkish|czech|hungarian|danish|swedish|norwegian|finnish|greek|hebrew|romanian|croatian|serbian|slovak|slovenian|bulgarian|ukrainian|persian|arabic|lithuanian|estonian|latvian'
/**
 * Bracketed notes MEDLINE and Ovid append to titles: `[Review]`, `[33 refs]`, `[Spanish]`, `[Abstract]`,
 * `[Erratum appears in … Note: … [added]]`, `[see comments]`, `[corrected]`, `[Epub ahead of print]`. They are not
 * part of the title and differ between databases' copies of one record. One level of nested brackets is allowed, and
 * a note cut off by the exporter's field length (no closing bracket) runs to the end.
 */
const titleNote = new RegExp(
  `\\[\\s*(?:review|\\d+ refs?|abstract|corrected|epub ahead of print|electronic resource|english abstract|see comments?|comment(?:ed)? (?:in|on)|erratum|published erratum|retraction|retracted|${languageNames})\\b[^\\[\\]]*(?:\\[[^\\]]*\\][^\\[\\]]*)*(?:\\]|$)`,
  'gi',
)

/** The title without the bracketed database notes described at `titleNote`. */
export function stripTitleNotes(title: string): string {
  return title.includes('[') ? title.replace(titleNote, ' ') : title
}

/**
 * Words of the title as matched: notes, a corrected paper's citation and an appended original title stripped,
 * symbols unified, folded, American spelling, roman numerals as digits.
 */
export function titleWords(title: string): string[] {
  return arabicNumerals(tokens(foldText(cleanTitle(stripTitleNotes(title)))).map(americanSpelling))
}

/**
 * The title key: title words without spaces and without a leading article, so `The Müller-Lyer illusion.` and
 * `Muller Lyer illusion` agree. Equal keys are the strongest title evidence; the key is also the sort key of the
 * sorted-neighbourhood pass.
 */
export function titleKeyOf(words: readonly string[]): string {
  let start = 0
  while (
    start < words.length - 1 &&
    (words[start] === 'the' || words[start] === 'a' || words[start] === 'an')
  )
    start++
  return words.slice(start).join('')
}

/**
 * The first author's family name for blocking and comparison. Takes the first word that is not a particle and
 * has two or more letters, so `van der Berg`, `Berg` and a mangled `Adeli K.Lewis G. F.` (ASySD's author column
 * without separators) give `berg`, `berg` and `adeli`.
 */
export function firstAuthorKey(record: CitationRecord): string {
  return firstAuthorOf(personalAuthors(record))
}

function firstAuthorOf(authors: readonly Author[]): string {
  for (const author of authors.slice(0, 2)) {
    const words = tokens(foldText(author.family)).filter((word) => word.length > 1 && !digit.test(word))
    const word = words.find((candidate) => !nameParticles.has(candidate)) ?? words[0]
    if (word) return word
  }
  return ''
}

/**
 * Hashes of author family-name words (two letters or more), from the first 12 authors. Words rather than whole
 * names so that `Le Quintrec, M` and `Quintrec ML`, or an author list one database split wrongly, still overlap.
 */
function authorTokenSet(authors: readonly Author[]): TokenSet {
  const words: string[] = []
  for (const author of authors.slice(0, 12)) {
    for (const word of tokens(foldText(author.family))) {
      if (word.length > 1 && !nameParticles.has(word) && !digit.test(word)) words.push(word)
    }
  }
  return tokenSet(words)
}

/**
 * Words that make an author a group rather than a person: `ALTS Group`, `Alexion Pharmaceuticals, Inc`, `the
 * ACCORD Study Investigators`. One database lists a trial's group, another its writing authors, so a group name
 * is no evidence against a person's name.
 */
const collectiveAuthor =
  /\b(?:group|groups|study|trial|consortium|investigators|collaborat\w*|committee|network|society|association|team|working party|task force|inc|ltd|llc|pharmaceuticals?|council|registry|foundation|institute|anonymous)\b/i

/** True when the author is a group, a company or `Anonymous` rather than a person. */
export function isCollectiveAuthor(author: Author): boolean {
  return isCollectiveName(author.family) || isCollectiveName(author.given)
}

/** This runs for every author of every record: a name of one to three letters (initials) skips the regex. */
function isCollectiveName(name: string): boolean {
  return name.length > 3 && collectiveAuthor.test(name)
}

/** The authors that are persons, in order (see `isCollectiveAuthor`). */
function personalAuthors(record: CitationRecord): Author[] {
  return record.authors.filter((author) => !isCollectiveAuthor(author))
}

/**
 * The volume number, or `''` when the field holds none or only a fragment: `1)` is what is left of `65 (Suppl 1)`
 * split at the wrong place, and its digits are the supplement's, not the volume's.
 */
export function volumeKey(volume: string): string {
  if (volume.includes(')') && volume.split(')').length > volume.split('(').length) return ''
  return epub.test(volume) ? '' : leadingDigits(volume)
}

function leadingDigits(text: string): string {
  const match = digits.exec(text)
  return match ? withoutLeadingZeros(match[0]) : ''
}

/** First and last page of a page field (`288-97`, `e1234`, `S12–S14`, `893`), letters and leading zeros dropped. */
export function pageRange(pages: string): { first: string; last: string } {
  const [start = '', end = ''] = pages.split(pageDash)
  const first = leadingDigits(start)
  let last = leadingDigits(end)
  // Abbreviated end pages (`288-97`) from MEDLINE: expand so they compare equal to `288-297`.
  if (last && first && last.length < first.length) last = first.slice(0, first.length - last.length) + last
  return { first, last }
}

/**
 * Hashes of the first 80 abstract words that are not stop words, sorted (empty when there is no abstract). Computed
 * once per record on first use and kept in `keys.abstractSet`: folding every abstract up front would double the
 * cost of key building on 100,000 records, yet only pairs that survive the title check ever compare abstracts.
 */
export function abstractTokens(keys: MatchKeys): TokenSet {
  keys.abstractSet ??= abstractTokenSetOf(keys.abstract)
  return keys.abstractSet
}

function abstractTokenSetOf(abstract: string): TokenSet {
  return abstract ? abstractTokenSet(foldText(abstract.slice(0, 1200)), 80) : []
}

/** What the keys take from a journal field: its words, its meeting's words, and the folded text. */
type JournalKeys = { words: string[]; meetingWords: string[]; folded: string }

/** Journal fields seen recently, with their keys: a project's records share a few hundred journals. */
const journalCache = new Map<string, JournalKeys>()
const journalCacheLimit = 10_000

function journalKeys(journal: string): JournalKeys {
  let keys = journalCache.get(journal)
  if (keys === undefined) {
    if (journalCache.size >= journalCacheLimit) journalCache.clear()
    keys = { words: journalWords(journal), meetingWords: meetingWords(journal), folded: foldText(journal) }
    journalCache.set(journal, keys)
  }
  return keys
}

/** Computes the match keys of one record. Pure and deterministic: equal records give equal keys. */
export function matchKeys(record: CitationRecord): MatchKeys {
  const folded = foldText(stripTitleNotes(record.title))
  const words = titleWords(record.title)
  const { first, last } = pageRange(record.pages)
  const persons = personalAuthors(record)
  const journal = journalKeys(record.journal)
  const venue = record.journal || !record.journalAbbrev ? journal : journalKeys(record.journalAbbrev)
  return {
    titleKey: titleKeyOf(words),
    titleTokens: tokenSet(words),
    titleNumbers: titleNumbers(words),
    firstAuthor: firstAuthorOf(persons),
    authorTokens: authorTokenSet(persons),
    authorCount: record.authors.length,
    year: record.year,
    journalWords: venue.words,
    meetingWords: journal.meetingWords,
    volume: volumeKey(record.volume),
    issue: leadingDigits(record.issue),
    isSupplement: supplement.test(`${record.issue} ${record.volume}`),
    firstPage: first,
    lastPage: last,
    isPageLocator: pageLocator.test(record.pages),
    doi: record.doi ? normaliseDoi(record.doi) : '',
    isDoiShared: false,
    pmid: record.pmid ? normalisePmid(record.pmid) : '',
    pmcid: record.pmcid ? normalisePmcid(record.pmcid) : '',
    abstract: record.abstract,
    abstractSet: null,
    notice: noticeKind(folded, record.publicationTypes),
    isConference:
      abstractNote.test(record.title) || isConferenceRecord(journal.folded, record.publicationTypes),
    language: languageCode(record.language),
    isTranslatedTitle: isTranslatedTitle(record.title),
  }
}
