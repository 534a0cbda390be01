/**
 * Title clean-up before folding: the parts of a title field that are not the title (a citation of the corrected
 * paper after a correction notice, the original-language title Ovid appends) and the spellings that differ between
 * databases for the same characters (`±` / `+/-`, `31,000` / `31 000`). Also recognises titles given in
 * translation, which one database translates differently from another.
 */

/**
 * Web of Science prints a correction as `<title of the corrected paper> (vol 142, pg 310, 2003)`; Embase as
 * `<title> (New England Journal of Medicine (2009) 360 (542-544))`. Both end in a citation of the corrected paper.
 */
const wosCorrectionSuffix = /\(\s*vol\.?\s*[\w-]+\s*,\s*pg\.?\s*[\w-]+\s*,\s*(?:19|20)\d\d\s*\)\s*\.?\s*$/i
const embaseCitationSuffix =
  /\([^()]*\(\s*(?:(?:19|20)\d\d|[a-z]{3}\.? \d{1,2},? (?:19|20)\d\d)[^()]*\)\s*\d+[^()]*(?:\([^()]*\)[^()]*)?\)\s*\.?\s*$/i

/** True when the title ends in the citation of a corrected paper, as correction notices print it (see above). */
export function hasCorrectionSuffix(title: string): boolean {
  // Most titles do not end in `)` (or `).`): skip the regexes for them, without allocating.
  let at = title.length - 1
  while (at >= 0 && (title.charCodeAt(at) <= 32 || title.charCodeAt(at) === 46)) at--
  if (title.charCodeAt(at) !== 41) return false
  return wosCorrectionSuffix.test(title) || embaseCitationSuffix.test(title)
}

/**
 * Drops a trailing citation of a corrected paper (see `hasCorrectionSuffix`), and a trailing parenthesis the
 * exporter cut off before it closed (`… syndrome (The Journal of Pediatrics (M`): neither is part of the title.
 */
export function stripCitationSuffix(title: string): string {
  if (!title.includes('(')) return title
  let value = hasCorrectionSuffix(title)
    ? title.replace(wosCorrectionSuffix, '').replace(embaseCitationSuffix, '')
    : title
  // An unclosed parenthesis after the first 60 % of the title is a truncation, not an acronym in the middle; a cut
  // citation leaves two (`(The Journal of Pediatrics (M`).
  const minimum = value.length * 0.6
  for (let open = value.lastIndexOf('('); open > minimum && !value.includes(')', open);) {
    value = value.slice(0, open)
    open = value.lastIndexOf('(')
  }
  return value
}

/** Ovid appends the original-language title after `<ORIGINAL>`; the other databases give only the English one. */
/** A digit group after a space (`31 000`): tested first, for every record, before the costlier replacement. */
const spacedThousands = /\d[ \u00a0\u202f]\d{3}/
const originalTitle = /<original>[\s\S]*$/i

/**
 * Spellings of one thing that tokenising would keep apart: `±` and `+/-` (spelled `plus or minus` elsewhere), and
 * digit groups separated by a space (`31 000 women`, French and ISO style) rather than a comma or nothing.
 */
export function normaliseTitleSymbols(title: string): string {
  let value = title
  if (value.includes('±') || value.includes('+/-'))
    value = value.replace(/\s*(?:±|\+\/-)\s*/g, ' plus or minus ')
  // Groups of exactly three digits after one to three digits not preceded by a digit or decimal point.
  if (spacedThousands.test(value))
    value = value.replace(/(^|[^\d.,])(\d{1,3})[ \u00a0\u202f](\d{3})(?![\d.,]?\d)/g, '$1$2$3')
  return value
}

/** The title field without what is not its title, and with its symbol spellings unified (see above). */
export function cleanTitle(title: string): string {
  const withoutOriginal = title.includes('<') ? title.replace(originalTitle, '') : title
  return normaliseTitleSymbols(stripCitationSuffix(withoutOriginal))
}

const languageNote =
  /\[\s*(?:english|german|french|spanish|italian|portuguese|chinese|japanese|russian|dutch|polish|korean|turkish|czech|hungarian|danish|swedish|norwegian|finnish|greek|hebrew|romanian|croatian|serbian|slovak|ukrainian|persian|arabic)\s*\]/i

/**
 * True when the title is a translation: MEDLINE puts a translated title in square brackets (`[Comparison of …]`),
 * Ovid appends `[Spanish]` or the original after `<ORIGINAL>`. Two databases translate one foreign-language paper
 * differently, so the titles may share few words; only the citation can then tell.
 */
export function isTranslatedTitle(title: string): boolean {
  if (!title.includes('[') && !title.includes('<')) return false
  return /^\W*\[/.test(title) || languageNote.test(title) || /<original>/i.test(title)
}
