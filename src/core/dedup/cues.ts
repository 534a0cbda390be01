/**
 * Cues for the known dedup traps: records that look like a copy of another record but are a different publication
 * about it (an erratum, a retraction notice, a reply letter), an earlier or later form of it (a conference abstract),
 * or its translation.
 */

import { hasCorrectionSuffix } from './title'
import { withoutLeadingZeros } from './text'

/** What kind of publication a record is, as far as the traps are concerned. `article` is everything else. */
export type NoticeKind = 'article' | 'erratum' | 'retraction' | 'reply' | 'comment'

// Title starts as PubMed, Embase and Scopus print notices: "Erratum: <original title>", "Correction to: …",
// "Retraction notice to …", "Reply to …", "Response to: …", "Comment on …", "Re: …".
const erratumTitle =
  /^(?:erratum|errata|corrigendum|corrigenda|correction|corrections|author correction|publisher correction|publisher's note)\b|\b(?:erratum|corrigendum) (?:to|for|in|on)\b|^(?:notice of )?correction (?:to|of)\b/
const retractionTitle =
  /^(?:retraction|retracted|notice of retraction|retraction notice|expression of concern|withdrawn|withdrawal)\b(?! of (?:treatment|therapy|life|support|care|drug|medication))/
// Mid-title, "in response to" is ordinary wording (`signalling in response to glucose`): only a reply to a letter,
// comment or editorial counts there. Web of Science ends a reply's title with ` - Reply`.
const replyTitle =
  /^(?:reply|replies|response|responses|in reply|in response|authors? reply|authors'? reply|the authors reply|rebuttal)\b|\b(?:in )?reply to\b|\b(?:in )?response to (?:the |a |an )?(?:letters?|comments?|editorials?|commentary|correspondence|critique|criticism)\b|[-:] (?:author'?s'? )?reply$/
const commentTitle =
  /^(?:comment on|comments on|commentary on|re|letter to the editor|letter re|editorial comment|invited commentary)\b/

// Regular expressions of functions that run for every record live here: a literal in a function body is a new
// object each time the function runs.
const leadingSymbol = /^[^\p{L}\p{N}]/u
const leadingSymbols = /^[^\p{L}\p{N}]+/u
const bracketOrStop = /[[\]().:]/
const bracketsAndStops = /[[\]().:]/g
/** Whitespace that `spaces` would change: a run of two, or a tab or line break. */
const extraSpace = /\s\s|[^\S ]/
const spaces = /\s+/g
const retractedArticle = /^retracted\b/
const replyWord = /\b(?:reply|response)\b/
const conferenceTypes = /conference|meeting|congress|proceedings/

const erratumTypes = /erratum|correction/
const retractionTypes = /retraction of publication|expression of concern/
const replyTypes = /comment|letter/

/**
 * Classifies a record from its folded title and publication types. The retracted article itself (`RETRACTED:
 * <title>`, PubMed type "Retracted Publication") is an `article`: only the notice is a different publication.
 */
export function noticeKind(foldedTitle: string, publicationTypes: readonly string[]): NoticeKind {
  // Each replacement only where it changes something: this runs for every record, and a replacement that changes
  // nothing still allocates.
  let title = foldedTitle
  if (leadingSymbol.test(title)) title = title.replace(leadingSymbols, '')
  if (bracketOrStop.test(title)) title = title.replace(bracketsAndStops, ' ')
  if (extraSpace.test(title)) title = title.replace(spaces, ' ')
  const types = publicationTypes.join('|').toLowerCase()
  if (retractedArticle.test(title) || types.includes('retracted publication')) return 'article'
  if (retractionTitle.test(title) || retractionTypes.test(types)) return 'retraction'
  // Web of Science and Embase print a correction as the corrected paper's title followed by its citation.
  if (erratumTitle.test(title) || erratumTypes.test(types) || hasCorrectionSuffix(foldedTitle))
    return 'erratum'
  if (replyTitle.test(title)) return 'reply'
  if (commentTitle.test(title)) return 'comment'
  // A letter typed as such with no title cue stays an article: most letters are original research letters.
  return replyTypes.test(types) && replyWord.test(title) ? 'reply' : 'article'
}

const conferenceWords =
  /\b(?:abstracts?|proceedings|congress|conference|meeting|symposium|colloquium|annual scientific|workshop|poster|scientific sessions)\b/

/**
 * True when the venue or type says "conference abstract": Embase's "Conference Abstract" type, Web of Science's
 * "Meeting Abstract" and "Proceedings Paper", or a journal name that is a proceedings or abstract book (Embase's
 * `Pediatric Nephrology.Conference`). Supplement pages (`S12`) are not a cue: supplements carry full papers too.
 */
export function isConferenceRecord(foldedJournal: string, publicationTypes: readonly string[]): boolean {
  const types = publicationTypes.join('|').toLowerCase()
  if (conferenceTypes.test(types)) return true
  return conferenceWords.test(foldedJournal.replace(proceedingsJournals, ' '))
}

/**
 * Journals of full papers whose name says `Proceedings` (PNAS, the Royal Society's, Mayo Clinic Proceedings…):
 * their name is no conference cue, or PNAS would never merge with `Proc Natl Acad Sci U S A`.
 */
const proceedingsJournals =
  /\bproceedings of the (?:national academy|royal society|american thoracic society|ieee)\b|\b(?:transplantation|mayo clinic|baylor university medical center) proceedings\b/g

/**
 * The numbers a title holds, in order and joined (`part 2`, `3 year follow up` → `2|3`): two papers of one series
 * share every word but these (`Part I` / `Part II`, `… trial 1` / `… trial 2`, `in 2019` / `in 2020`).
 */
export function titleNumbers(words: readonly string[]): string {
  const numbers: string[] = []
  for (const word of words) {
    if (word.length > 0 && word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57)
      numbers.push(withoutLeadingZeros(word))
  }
  return numbers.join('|')
}

/** ISO 639-1-ish codes for the language names and codes databases use, so `English`, `eng` and `en` agree. */
const languageCodes: Record<string, string> = {
  english: 'en',
  eng: 'en',
  en: 'en',
  german: 'de',
  ger: 'de',
  deu: 'de',
  de: 'de',
  french: 'fr',
  fre: 'fr',
  fra: 'fr',
  fr: 'fr',
  spanish: 'es',
  spa: 'es',
  es: 'es',
  italian: 'it',
  ita: 'it',
  it: 'it',
  portuguese: 'pt',
  por: 'pt',
  pt: 'pt',
  chinese: 'zh',
  chi: 'zh',
  zho: 'zh',
  zh: 'zh',
  japanese: 'ja',
  jpn: 'ja',
  ja: 'ja',
  russian: 'ru',
  rus: 'ru',
  ru: 'ru',
  dutch: 'nl',
  dut: 'nl',
  nld: 'nl',
  nl: 'nl',
  polish: 'pl',
  pol: 'pl',
  pl: 'pl',
  korean: 'ko',
  kor: 'ko',
  ko: 'ko',
  turkish: 'tr',
  tur: 'tr',
  tr: 'tr',
}

/**
 * The primary language as a two-letter code (`English; German` → `en`), or `''` when unknown. Multi-language
 * records keep only their first language: bilingual abstracts list English first or second inconsistently, so a
 * difference in a *second* language is never a translation cue.
 */
export function languageCode(language: string): string {
  const first =
    language
      .toLowerCase()
      .split(/[;,/|]/)[0]
      ?.trim() ?? ''
  return languageCodes[first] ?? first
}
