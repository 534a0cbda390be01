import { isVenueNameCompatible } from './journal'
import { abstractTokens, type MatchKeys } from './keys'
import { isSameMeetingAbstract, isTranslatedCitation, mayBeTranslatedCopy } from './rules'
import { jaccard, jaroWinkler, levenshteinRatio, overlap } from './similarity'

/** `duplicate`: safe to merge automatically; `possible`: for the review queue; `distinct`: different papers. */
export type PairVerdict = 'duplicate' | 'possible' | 'distinct'

/** The outcome of comparing two records. `score` in [0, 1] ranks the review queue; `reason` says what decided. */
export type PairScore = {
  verdict: PairVerdict
  score: number
  reason: string
}

type Agreement = 'same' | 'conflict' | 'unknown'

/** Evidence about one pair, gathered once and read by the rules below and in `rules.ts`. */
export type Evidence = {
  /** Title similarity in [0, 1], or -1 when either title is missing. */
  title: number
  isShortTitle: boolean
  idEqual: boolean
  doiEqual: boolean
  /** The DOI is equal but carried by different papers too; see `MatchKeys.isDoiShared`. */
  isDoiShared: boolean
  doiConflict: boolean
  /** PMID or PMCID both present and different: two different PubMed records, never the same paper. */
  pubmedConflict: boolean
  authors: Agreement
  /** Author-word overlap in [0, 1], or -1 when either list is empty. */
  authorOverlap: number
  yearGap: number | null
  volume: Agreement
  page: Agreement
  isJournalCompatible: boolean
  hasJournals: boolean
  /** Abstract word Jaccard, or -1 when either abstract is missing. */
  abstract: number
  /** The titles' numbers differ (`Part I` / `Part II`): both have numbers, or only one has them. */
  numbers: 'same' | 'differ' | 'one-sided'
  /** Both records are the same kind of notice (erratum, reply…), not articles. */
  isNotice: boolean
}

const distinct = (reason: string, score = 0): PairScore => ({ verdict: 'distinct', score, reason })

/**
 * Title similarity: 1 for equal keys; otherwise the better of word Jaccard (robust to word order) and normalised
 * edit distance on the key (robust to typos and hyphenation), or 0.9 when one title is the other cut short (a
 * subtitle dropped, a title truncated by the exporter, a section heading such as `MEDICAL PROGRESS` in front) and
 * the shorter still has 30 characters. -1 when either title
 * is missing.
 */
export function titleSimilarity(a: MatchKeys, b: MatchKeys): number {
  if (!a.titleKey || !b.titleKey) return -1
  if (a.titleKey === b.titleKey) return 1
  const words = jaccard(a.titleTokens, b.titleTokens)
  const [short, long] =
    a.titleKey.length <= b.titleKey.length ? [a.titleKey, b.titleKey] : [b.titleKey, a.titleKey]
  const prefix = short.length >= 30 && (long.startsWith(short) || long.endsWith(short)) ? 0.9 : 0
  // Few shared words: edit distance cannot lift the pair into any verdict, so skip the costly part. Long titles
  // (8+ words each) need 0.7 here, since one typo costs them little Jaccard; the pairs below are different papers
  // sharing a topic, the bulk of candidates on 100,000 records.
  const isLong = a.titleTokens.length >= 8 && b.titleTokens.length >= 8
  if (words < 0.5 || (isLong && words < 0.7)) return Math.max(words, prefix)
  return Math.max(words, prefix, levenshteinRatio(a.titleKey, b.titleKey, 0.75))
}

function agreement(a: string, b: string): Agreement {
  if (!a || !b) return 'unknown'
  return a === b ? 'same' : 'conflict'
}

/**
 * First pages agree; or both ranges end on the same page (a typo in the first page, `2297-2108` / `2097-2108`); or
 * a single page is the other's last page (a letter indexed by its end page). A start page alone (`893`) against a
 * range starting there agrees. An electronic article number against print pages (BMJ's `a1754` / `969-972`) says
 * nothing either way.
 */
function pageAgreement(a: MatchKeys, b: MatchKeys): Agreement {
  const first = agreement(a.firstPage, b.firstPage)
  if (first !== 'conflict') return first
  if (a.isPageLocator !== b.isPageLocator) return 'unknown'
  if (a.lastPage !== '' && a.lastPage === b.lastPage) return 'same'
  if (!a.lastPage && a.firstPage === b.lastPage) return 'same'
  return !b.lastPage && b.firstPage === a.lastPage ? 'same' : 'conflict'
}

function authorAgreement(a: MatchKeys, b: MatchKeys): { authors: Agreement; authorOverlap: number } {
  if (a.authorTokens.length === 0 || b.authorTokens.length === 0)
    return { authors: 'unknown', authorOverlap: -1 }
  const shared = overlap(a.authorTokens, b.authorTokens)
  const isFirstSame = a.firstAuthor !== '' && jaroWinkler(a.firstAuthor, b.firstAuthor) >= 0.9
  if (isFirstSame || shared >= 0.5) return { authors: 'same', authorOverlap: shared }
  return { authors: shared === 0 ? 'conflict' : 'unknown', authorOverlap: shared }
}

/**
 * `differ` only when each title has a number the other lacks (`Part 1` / `Part 2`); when one title's numbers are a
 * subset of the other's (a truncated title, a citation appended to the title) they are `one-sided`.
 */
function numbersAgreement(a: string, b: string): Evidence['numbers'] {
  if (a === b) return 'same'
  if (!a || !b) return 'one-sided'
  const left = a.split('|')
  const right = b.split('|')
  const isSubset = (x: string[], y: string[]): boolean => x.every((n) => y.includes(n))
  return isSubset(left, right) || isSubset(right, left) ? 'one-sided' : 'differ'
}

function abstractSimilarity(a: MatchKeys, b: MatchKeys): number {
  if (a.abstract.length < 50 || b.abstract.length < 50) return -1
  const left = abstractTokens(a)
  const right = abstractTokens(b)
  return left.length >= 10 && right.length >= 10 ? jaccard(left, right) : -1
}

function gatherEvidence(a: MatchKeys, b: MatchKeys, title: number, numbers: Evidence['numbers']): Evidence {
  const doiEqual = a.doi !== '' && a.doi === b.doi
  const pmidEqual = a.pmid !== '' && a.pmid === b.pmid
  const pmcidEqual = a.pmcid !== '' && a.pmcid === b.pmcid
  return {
    title,
    isShortTitle: Math.min(a.titleTokens.length, b.titleTokens.length) < 4,
    idEqual: doiEqual || pmidEqual || pmcidEqual,
    doiEqual,
    isDoiShared: doiEqual && (a.isDoiShared || b.isDoiShared) && !pmidEqual && !pmcidEqual,
    doiConflict: a.doi !== '' && b.doi !== '' && !doiEqual,
    pubmedConflict:
      (a.pmid !== '' && b.pmid !== '' && !pmidEqual) || (a.pmcid !== '' && b.pmcid !== '' && !pmcidEqual),
    ...authorAgreement(a, b),
    yearGap: a.year !== null && b.year !== null ? Math.abs(a.year - b.year) : null,
    volume: agreement(a.volume, b.volume),
    page: pageAgreement(a, b),
    isJournalCompatible: isVenueNameCompatible(a, b),
    hasJournals: a.journalWords.length > 0 && b.journalWords.length > 0,
    abstract: abstractSimilarity(a, b),
    numbers,
    isNotice: a.notice !== 'article' && a.notice === b.notice,
  }
}

/**
 * A weighted mean of the available evidence in [0, 1] (missing evidence drops out rather than counting against),
 * used to rank pairs in the review queue and to decide which uncertain pairs are worth showing.
 */
function evidenceScore(e: Evidence): number {
  // Sums written out rather than through a helper closure: this runs for every candidate pair that gets this far,
  // and a closure per call was 90 MB of garbage on 100,000 records.
  let total = 0
  let weight = 0
  if (e.title >= 0) {
    total += e.title * 0.5
    weight += 0.5
  }
  if (e.authorOverlap >= 0) {
    total += (e.authors === 'same' ? Math.max(0.8, e.authorOverlap) : e.authorOverlap) * 0.15
    weight += 0.15
  }
  if (e.yearGap !== null) {
    total += (e.yearGap === 0 ? 1 : e.yearGap === 1 ? 0.6 : 0) * 0.1
    weight += 0.1
  }
  if (e.volume !== 'unknown') {
    total += (e.volume === 'same' ? 1 : 0) * 0.05
    weight += 0.05
  }
  if (e.page !== 'unknown') {
    total += (e.page === 'same' ? 1 : 0) * 0.07
    weight += 0.07
  }
  if (e.hasJournals) {
    total += (e.isJournalCompatible ? 1 : 0.5) * 0.03
    weight += 0.03
  }
  if (e.abstract >= 0) {
    total += Math.min(1, e.abstract * 1.5) * 0.1
    weight += 0.1
  }
  const score = weight === 0 ? 0 : total / weight
  return e.idEqual ? Math.max(score, 0.9) : score
}

/**
 * No field contradicts the pair being one paper (authors, year ±1, volume, first page, PubMed ids, and journals that
 * cannot be abbreviations of each other unless the pages agree: the same abstract presented at two meetings has
 * one title, one author list and one year).
 */
function hasNoConflict(e: Evidence): boolean {
  return (
    e.authors !== 'conflict' &&
    (e.isJournalCompatible || e.page === 'same') &&
    (e.yearGap === null || e.yearGap <= 1) &&
    e.volume !== 'conflict' &&
    e.page !== 'conflict' &&
    !e.pubmedConflict
  )
}

/** The automatic-merge rules, strongest evidence first; null when none applies. */
function duplicateReason(a: MatchKeys, b: MatchKeys, e: Evidence): string | null {
  if (
    e.idEqual &&
    !e.pubmedConflict &&
    (e.title < 0 ? !e.isDoiShared : e.title >= 0.75) &&
    e.numbers !== 'differ'
  )
    return 'same identifier'
  // A missing title (Rathbone's sets, Embase stubs) is never merged automatically: nothing checks the citation.
  if (!hasNoConflict(e) || e.title < 0) return null
  // Two notices (errata, replies) carry the title of the paper they are about: one paper may have several, so two
  // are one notice only where they are printed on the same page.
  if (e.isNotice && e.page !== 'same') return null
  const isVenueSame = e.page === 'same' && (e.volume === 'same' || e.isJournalCompatible)
  const isAbstractSame = e.abstract >= 0.6
  // A number only one title has is often a dropped subtitle (`: a 12-month trial`); the citation must then agree.
  if (e.numbers !== 'same' && !isVenueSame && !isAbstractSame) return null
  if (e.doiConflict) {
    // Everything agrees except the DOI: a mistyped DOI (or a preprint's) is likelier than two identical papers.
    const isSameCitation = e.title >= 0.97 && e.authors === 'same' && e.yearGap === 0 && isVenueSame
    return isSameCitation ? 'same citation, DOI differs' : null
  }
  if (isTranslatedCitation(a, b, e)) return 'translated title, same citation'
  if (e.isShortTitle) return shortTitleReason(e, isVenueSame)
  if (e.title >= 0.95) {
    const isAuthorsOk =
      e.authors === 'same' || (e.authors === 'unknown' && (e.page === 'same' || isAbstractSame))
    const isCorroborated = e.yearGap === 0 || e.page === 'same' || e.volume === 'same' || isAbstractSame
    return isAuthorsOk && isCorroborated ? 'same title and authors' : null
  }
  if (e.title >= 0.85 && e.authors === 'same' && (isVenueSame || isAbstractSame))
    return 'similar title, same citation'
  return null
}

/**
 * "Editorial", "Diabetes", "Erratum": a short title says little, so the citation must agree, or the abstract be the
 * same text in the same year and volume (an abstract book's `ESICON 2017 Abstracts` from two databases, without
 * pages). Without personal authors on either side (`Anonymous`) the abstract has to say it.
 */
function shortTitleReason(e: Evidence, isVenueSame: boolean): string | null {
  const isSameText = e.abstract >= 0.9 && e.yearGap === 0 && e.volume === 'same'
  const isAuthorsOk = e.authors === 'same' || (e.authors === 'unknown' && isSameText)
  const isSameCitation = e.title >= 0.95 && isAuthorsOk && e.yearGap !== null && e.yearGap <= 1
  return isSameCitation && (isVenueSame || isSameText) ? 'short title, same citation' : null
}

/**
 * Compares two records' match keys. Trap guards come first: a notice (erratum, retraction, reply, comment) never
 * merges with what it is about; a conference abstract never merges automatically with a full paper unless the DOI
 * is the same; two records in different languages (a translation) or whose titles carry different numbers (`Part I`
 * / `Part II`) are kept apart unless an identifier says they are one record. Two rules in `rules.ts` merge on the
 * rest of the citation where titles or pages cannot agree: one foreign-language paper whose title two databases
 * translate differently, and one meeting abstract indexed twice.
 */
export function comparePair(a: MatchKeys, b: MatchKeys): PairScore {
  const isSameId = (a.doi !== '' && a.doi === b.doi) || (a.pmid !== '' && a.pmid === b.pmid)
  // Titles whose numbers differ stay apart unless an identifier ties them, whatever else agrees. Decided first: a
  // run of numbered titles by the same authors (`… trial 12 …`, `… trial 13 …`) puts thousands of such pairs in
  // the same blocks, and each would otherwise cost an edit distance between the titles.
  const isAnyIdSame = isSameId || (a.pmcid !== '' && a.pmcid === b.pmcid)
  const numbers = numbersAgreement(a.titleNumbers, b.titleNumbers)
  if (!isAnyIdSame && numbers === 'differ') return distinct('different numbers in title')
  const title = titleSimilarity(a, b)
  // Most candidate pairs are unrelated titles that share a block: reject them before gathering anything else.
  if (title >= 0 && title < 0.6 && !isSameId && !mayBeTranslatedCopy(a, b))
    return distinct('different titles', title * 0.5)
  // Below 0.8, only an identifier or a translated title (checked here) can make a pair more than distinct: every
  // rule below needs one of them or a title of 0.8 or more. Decided before the rest of the evidence is gathered, so
  // a pair of different papers with similar titles (one series, one seed in the generated sets, whose number grows
  // faster than the records) does not build the abstracts' word sets. Only the verdict of a distinct pair is used.
  if (title >= 0 && title < 0.8 && !isAnyIdSame && !a.isTranslatedTitle && !b.isTranslatedTitle)
    return distinct('not similar enough', title * 0.5)
  const e = gatherEvidence(a, b, title, numbers)
  const score = evidenceScore(e)
  if (a.notice !== b.notice) {
    if (!e.idEqual) return distinct(`${a.notice} versus ${b.notice}`, score * 0.5)
    return e.title >= 0.9
      ? { verdict: 'duplicate', score, reason: 'same identifier' }
      : { verdict: 'possible', score, reason: `${a.notice} versus ${b.notice}` }
  }
  if (a.language && b.language && a.language !== b.language && !e.idEqual)
    return distinct('different languages', score * 0.5)
  const isMeetingAbstract = isSameMeetingAbstract(a, b, e)
  const reason = duplicateReason(a, b, e) ?? (isMeetingAbstract ? 'same meeting abstract' : null)
  // A conference abstract and the full paper differ in journal, year or pages; the same abstract indexed once as a
  // meeting item (Embase: `Circulation. Conference: …`) and once as a journal item has the same volume and year.
  // Without a volume on either side, the abstracts have to say it.
  const isSameVenue =
    e.yearGap === 0 &&
    e.page !== 'conflict' &&
    e.isJournalCompatible &&
    ((e.volume === 'same' && (e.abstract < 0 || e.abstract >= 0.5)) ||
      (e.volume === 'unknown' && e.abstract >= 0.6))
  const isConferenceMismatch =
    a.isConference !== b.isConference && !(e.doiEqual && !e.isDoiShared) && !isSameVenue && !isMeetingAbstract
  if (reason && !isConferenceMismatch) return { verdict: 'duplicate', score: Math.max(score, 0.9), reason }
  if (score >= 0.7 && (e.title >= 0.8 || e.idEqual || e.title < 0)) {
    const why =
      isConferenceMismatch && reason ? 'conference abstract versus article' : 'similar, not conclusive'
    return { verdict: 'possible', score: Math.min(score, 0.89), reason: why }
  }
  return distinct('not similar enough', score)
}
