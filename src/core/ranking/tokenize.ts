/**
 * Words for the ranking model: lower-cased runs of letters and digits at least two characters long (the convention
 * of scikit-learn's default token pattern, so the model sees what ASReview's models see). Optional English stop words
 * are dropped before word pairs are formed, so "risk of bias" gives the pair "risk bias".
 */

/** Common English function words that carry no topic. Written for this project; deliberately short. */
export const englishStopWords: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either few for from further had has have ' +
    'having he her here hers herself him himself his how however i if in into is it its itself just may me might ' +
    'more most must my myself no nor not now of off on once only or other our ours ourselves out over own same ' +
    'she should so some such than that the their theirs them themselves then there these they this those through ' +
    'thus to too under until up upon us very was we were what when where whether which while who whom why will ' +
    'with within without would yet you your yours yourself'
  ).split(' '),
)

const isAsciiWordChar = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57)

const nonAsciiWordChar = /[\p{L}\p{N}]/u

/**
 * Splits text into words. Scans character codes rather than running a Unicode regular expression over the whole
 * text: tokenising is most of the time of building an index of 50,000 abstracts.
 */
export function tokenize(text: string, stopWords?: ReadonlySet<string>): string[] {
  const lower = text.toLowerCase()
  const words: string[] = []
  let start = -1
  for (let index = 0; index <= lower.length; index++) {
    const code = index < lower.length ? lower.charCodeAt(index) : 32
    const isWord = code < 128 ? isAsciiWordChar(code) : nonAsciiWordChar.test(lower.charAt(index))
    if (isWord) {
      if (start < 0) start = index
      continue
    }
    if (start >= 0 && index - start >= 2) {
      const word = lower.slice(start, index)
      if (!stopWords?.has(word)) words.push(word)
    }
    start = -1
  }
  return words
}

/**
 * Harman's "S" stemmer (1991): folds plurals onto the singular ("trials" → "trial", "studies" → "study",
 * "analyses" → "analyse"), leaving words such as "status", "class" and "diabetes" whole when the rules say so.
 */
export function sStem(word: string): string {
  const length = word.length
  if (length < 4 || word.charCodeAt(length - 1) !== 115) return word
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes'))
    return word.slice(0, -1)
  if (word.endsWith('us') || word.endsWith('ss')) return word
  return word.slice(0, -1)
}
