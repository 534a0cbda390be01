import { foldText, tokens } from './text'

const journalStopWords = new Set([
  'the',
  'of',
  'and',
  'in',
  'on',
  'for',
  'de',
  'la',
  'le',
  'der',
  'und',
  'du',
  'des',
  // French `et` and elided `d'` / `l'` (`Annales françaises d'anesthésie et de réanimation`), Spanish `y`.
  'et',
  'd',
  'l',
  'y',
])

/**
 * The words of a journal name for comparison: folded, stop words dropped, and cut at `=` or a parenthesis, because
 * MEDLINE appends the translated or parallel title (`Zhonghua jie he … = Chinese journal of …`) and Ovid the place
 * (`Journal of Hypertension (London)`, `PLoS ONE [Electronic Resource]`), and Embase the meeting
 * (`Circulation. Conference: American Heart Association…`).
 */
export function journalWords(journal: string): string[] {
  const main = journal.split(/\s=\s|[([]|\.\s*conference\b/i)[0] ?? journal
  return tokens(foldText(main)).filter((word) => !journalStopWords.has(word))
}

/**
 * The words of the meeting an Embase conference record names after its journal (`Journal of Thrombosis and
 * Haemostasis.Conference: 23rd Congress of the ISTH …` → `23rd congress …`), or `[]`. Another database may give
 * the meeting alone as the venue; see `isVenueNameCompatible`.
 */
export function meetingWords(journal: string): string[] {
  if (!/onference/i.test(journal)) return []
  const at = journal.search(/\.\s*conference\s*:/i)
  if (at < 0) return []
  return journalWords(journal.slice(journal.indexOf(':', at) + 1))
}

/**
 * Journal names compatible (see `isJournalCompatible`), or one record's meeting (see `meetingWords`) is the other's
 * venue or meeting: the same conference abstract with and without its journal.
 */
/** Two word lists are the same words in the same order, and not empty. */
export function isSameWords(x: readonly string[], y: readonly string[]): boolean {
  return x.length > 0 && x.length === y.length && x.every((word, i) => word === y[i])
}

export function isVenueNameCompatible(
  a: { journalWords: readonly string[]; meetingWords: readonly string[] },
  b: { journalWords: readonly string[]; meetingWords: readonly string[] },
): boolean {
  if (isJournalCompatible(a.journalWords, b.journalWords)) return true
  return (
    isSameWords(a.meetingWords, b.journalWords) ||
    isSameWords(b.meetingWords, a.journalWords) ||
    isSameWords(a.meetingWords, b.meetingWords)
  )
}

/**
 * One word abbreviates the other, in either direction (equal-length lists mix both): by truncation (`endocr` /
 * `endocrine`), or by contraction as ISO 4 allows (`dtsch` / `deutsche`, `natl` / `national`, `wkly` / `weekly`):
 * the same first letter and every letter of the shorter word in order in the longer.
 */
function isAbbreviation(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.startsWith(short)) return true
  return short.length >= 4 && short.charCodeAt(0) === long.charCodeAt(0) && isSubsequence(short, long)
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0
  for (let i = 0; i < long.length && at < short.length; i++)
    if (long.charCodeAt(i) === short.charCodeAt(at)) at++
  return at === short.length
}

/**
 * True when one journal name can be an abbreviation of the other: every word of the shorter list is a prefix of the
 * next unmatched word of the longer one, or the other way round, in order (`Curr Opin Lipidol` ↔ `Current opinion in lipidology`, `N Engl J
 * Med` ↔ `New England Journal of Medicine`). At most one word of the longer name may be skipped (`JPEN J Parenter
 * Enteral Nutr` ↔ `Journal of Parenteral and Enteral Nutrition` has the extra `JPEN`). Unknown names (empty) are
 * compatible with everything: a missing journal is not evidence either way.
 */
export function isJournalCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  let skips = 0
  let at = 0
  for (const word of short) {
    while (at < long.length && !isAbbreviation(word, long[at] ?? '')) {
      at++
      skips++
      if (skips > 1) return false
    }
    if (at >= long.length) return false
    at++
  }
  return skips + (long.length - at) <= 1
}
