import { isSameWords } from './journal'
import type { MatchKeys } from './keys'
import type { Evidence } from './score'

/**
 * Merge rules for pairs whose titles or pages cannot agree although they are one publication: a foreign-language
 * paper whose title two databases translate differently, and a meeting abstract whose page one database gives as
 * printed and another as its abstract number. Each rule asks the rest of the citation to agree instead.
 */

/** A single printed page (`507`, `507-507`): what a meeting abstract or a one-page item occupies. */
function isSinglePage(keys: MatchKeys): boolean {
  return keys.firstPage !== '' && (keys.lastPage === '' || keys.lastPage === keys.firstPage)
}

/** Both records give the same page range of more than one page (`30-38`): a place only one paper occupies. */
function isSamePageRange(a: MatchKeys, b: MatchKeys): boolean {
  return (
    a.firstPage !== '' &&
    a.firstPage === b.firstPage &&
    a.lastPage !== '' &&
    a.lastPage === b.lastPage &&
    a.lastPage !== a.firstPage
  )
}

/**
 * Cheap pre-check before titles are compared in full: a translated title (see `isTranslatedTitle`) with the same
 * page range as the other record may be the same paper however few words the titles share.
 */
export function mayBeTranslatedCopy(a: MatchKeys, b: MatchKeys): boolean {
  return (a.isTranslatedTitle || b.isTranslatedTitle) && isSamePageRange(a, b)
}

/**
 * One foreign-language paper, its title translated differently by two databases (`[Comparison of amoxicillin and
 * cefamandole …]` / `Antibiotic prophylaxis in pulmonary surgery …`): journal, year, volume and a page range of
 * several pages all agree and no author or identifier disagrees. A translation published separately (the trap) has
 * its own journal or pages, so it never meets this.
 */
export function isTranslatedCitation(a: MatchKeys, b: MatchKeys, e: Evidence): boolean {
  return (
    (a.isTranslatedTitle || b.isTranslatedTitle) &&
    isSamePageRange(a, b) &&
    e.yearGap === 0 &&
    e.volume === 'same' &&
    e.hasJournals &&
    e.isJournalCompatible &&
    e.authors !== 'conflict' &&
    !e.doiConflict &&
    !e.pubmedConflict
  )
}

/**
 * Where a journal prints a meeting's abstracts: a supplement, or a single page each. A full paper occupies a range
 * of pages in a regular issue, which keeps it apart from its conference abstract (the trap).
 */
function isMeetingPrint(keys: MatchKeys): boolean {
  return keys.isConference || keys.isSupplement || isSinglePage(keys)
}

/**
 * One meeting abstract indexed twice (an Embase conference record, and the journal's supplement or abstract page
 * in another database): the same title word for word, the same authors, year and journal or meeting, no volume
 * conflict, and every non-conference side printed as meeting abstracts are (see `isMeetingPrint`). Pages may
 * differ only when both are single pages, as an abstract's number and its page do. A short title (`The treatment
 * of atypical HUS`) says little on its own, so it counts only when both records name the same meeting.
 */
export function isSameMeetingAbstract(a: MatchKeys, b: MatchKeys, e: Evidence): boolean {
  if (!(a.isConference || b.isConference) || e.title < 1) return false
  if (e.isShortTitle && !isSameWords(a.meetingWords, b.meetingWords)) return false
  const isPageOk = e.page !== 'conflict' || (isSinglePage(a) && isSinglePage(b))
  return (
    isPageOk &&
    e.authors === 'same' &&
    e.authorOverlap >= 0.8 &&
    e.yearGap === 0 &&
    e.volume !== 'conflict' &&
    e.isJournalCompatible &&
    !e.doiConflict &&
    !e.pubmedConflict &&
    isMeetingPrint(a) &&
    isMeetingPrint(b)
  )
}
