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

/** One word abbreviates the other (`endocr` / `endocrine`), in either direction: equal-length lists mix both. */
function isAbbreviation(a: string, b: string): boolean {
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b)
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
