/**
 * Text folding for duplicate matching: the same title arrives from PubMed, Embase, Scopus and Web of Science with
 * different case, diacritics, HTML markup, Greek letters spelled or not, British or American spelling, and
 * punctuation. Everything here maps those variants to one token stream.
 */

const greekLetters: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '-',
  mdash: '-',
}

// Regular expressions of functions that run for every record or word live here: a literal in a function body is
// a new object each time the function runs.
const thousandsComma = /(\d),(\d{3})(?!\d)/g
const greekLetter = /[\u0370-\u03ff]/
const nonAscii = /[^\x20-\x7e]/
const digraph = /ae|oe/
const britishOur = /[^h]ours?$/
const ourEnding = /our(s?)$/
const britishTre = /^(?:cen|fib|li|me|thea)tres?$/
const treEnding = /tre(s?)$/

const htmlTag = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi
const inlineTag = /<\/?(?:sup|sub|i|b|em|strong|span)>/gi
const htmlEntity = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi
const combiningMarks = /[\u0300-\u036f]/g
const greek = /[\u0370-\u03ff]/g
const tokenPattern = /[\p{L}\p{N}]+/gu
const asciiTokenPattern = /[a-z0-9]+/g
// Printable ASCII except `<`, `&` and `,` (markup, entities, thousands separators need the full path).
const plainAscii = /^[\x20-\x25\x27-\x2b\x2d-\x3b\x3d-\x7e]*$/

/** Decodes the HTML entities PubMed and Scopus leave in titles (`&amp;`, `&#946;`, `&alpha;`). */
function decodeEntities(text: string): string {
  return text.replace(htmlEntity, (whole, body: string) => {
    const name = body.toLowerCase()
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16) || 32)
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)) || 32)
    if (namedEntities[name] !== undefined) return namedEntities[name]
    // `&alpha;` → its letter, which the Greek step below spells out.
    const letter = Object.entries(greekLetters).find(([, spelled]) => spelled === name)
    return letter ? letter[0] : whole
  })
}

/**
 * Folds text for comparison: HTML tags and entities removed, compatibility decomposition (NFKD, so `µ` and `ﬁ` become
 * `μ` and `fi`), diacritics stripped, Greek letters spelled out (`β-cell` and `beta-cell` agree), lower-cased.
 * Punctuation is kept; `tokens` drops it.
 */
export function foldText(text: string): string {
  // Fast path: plain ASCII without markup (most author names, journals and many titles) only needs lower case, and
  // skipping NFKD and the regexes halves key building on 100,000 records.
  if (plainAscii.test(text)) return text.toLowerCase()
  let value = text
  // Inline formatting joins its neighbours (`Ca<sup>2+</sup>` is `Ca2+`); other tags separate words.
  if (value.includes('<')) value = value.replace(inlineTag, '').replace(htmlTag, ' ')
  if (value.includes('&')) value = decodeEntities(value)
  value = value.normalize('NFKD').replace(combiningMarks, '').toLowerCase()
  // `ß` has no decomposition; German titles spell it `ss` in some databases.
  // `&` is a word in titles (`Heart & Lung`): spell it so it matches `and`.
  if (value.includes('&')) value = value.replaceAll('&', ' and ')
  // Thousands separators: `10,000 women` and `10000 women` are one title.
  if (value.includes(',')) value = value.replace(thousandsComma, '$1$2')
  if (value.includes('ß')) value = value.replaceAll('ß', 'ss')
  if (greekLetter.test(value)) value = value.replace(greek, (letter) => ` ${greekLetters[letter] ?? letter} `)
  return value
}

const leadingZeros = /^0+(?=\d)/

/** A run of digits without its leading zeros (`007` → `7`, `0` stays `0`): numbers compare as numbers. */
export function withoutLeadingZeros(digits: string): string {
  return digits.replace(leadingZeros, '')
}

/** Splits folded text into its letter-and-digit runs (`covid-19` → `covid`, `19`). */
export function tokens(folded: string): string[] {
  // The Unicode-property pattern is several times slower than the ASCII one; most folded text is ASCII.
  return folded.match(nonAscii.test(folded) ? tokenPattern : asciiTokenPattern) ?? []
}

/** British `-ise` endings (`randomised`, `organisation`) that American spelling writes `-ize`. */
const britishIse = /is(e|ed|es|ing|ation|ations)$/

/** Word starts where British `ae`/`oe` is American `e` (`haemoglobin`, `paediatric`, `oesophagus`, `oedema`). */
const britishDigraph =
  /^(?:haem|anaem|leukaem|ischaem|septicaem|hyperglycaem|hypoglycaem|glycaem|uraem|paed|orthopaed|oesoph|oedem|oestr)/

/**
 * Maps one token to its American spelling (`haemoglobin` → `hemoglobin`, `randomised` → `randomized`, `tumour` →
 * `tumor`): Embase and some Ovid copies keep the author's British spelling where PubMed's does not.
 */
export function americanSpelling(token: string): string {
  if (token.length < 5) return token
  let value = token
  if (britishDigraph.test(value)) value = value.replace(digraph, 'e')
  // Only long words: `rise`, `wise`, `noise` and `raise` must stay as they are. Tested before replacing: a
  // replacement that changes nothing still costs an allocation, for every title word of every record.
  if (value.length > 7 && britishIse.test(value)) value = value.replace(britishIse, 'iz$1')
  if (value.length > 5 && britishOur.test(value)) value = value.replace(ourEnding, 'or$1')
  if (britishTre.test(value)) value = value.replace(treEnding, 'ter$1')
  return value
}

/**
 * Roman numerals up to twelve. A `Map`, not an object: looking a title word up in an object makes the engine
 * internalise every word, and a word such as `constructor` would find a function on the prototype.
 */
const romanNumerals = new Map([
  ['i', '1'],
  ['ii', '2'],
  ['iii', '3'],
  ['iv', '4'],
  ['v', '5'],
  ['vi', '6'],
  ['vii', '7'],
  ['viii', '8'],
  ['ix', '9'],
  ['x', '10'],
  ['xi', '11'],
  ['xii', '12'],
])

/** True for a word of at most four letters all `i`, `v` or `x`: the only words `romanNumerals` can hold. */
function mayBeRomanNumeral(word: string): boolean {
  if (word.length > 4) return false
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code !== 105 && code !== 118 && code !== 120) return false
  }
  return true
}

/** Words after which a lone roman numeral is a number (`Part II`, `type I diabetes`, `phase III`). */
const numberedWords = new Set([
  'part',
  'parts',
  'phase',
  'type',
  'stage',
  'grade',
  'class',
  'series',
  'volume',
  'chapter',
  'study',
  'trial',
  'section',
  'paper',
  'report',
])

/**
 * Rewrites roman numerals to digits where they are numbers: always for `ii`…`xii` (never words in English titles),
 * and for `i`, `v`, `x` only after a numbering word, since `I`, `v` and `X` are also a pronoun, `versus` and `X-ray`.
 */
export function arabicNumerals(words: string[]): string[] {
  return words.map((word, index) => {
    const digits = mayBeRomanNumeral(word) ? romanNumerals.get(word) : undefined
    if (digits === undefined) return word
    if (word.length > 1 && word !== 'vi' && word !== 'xi') return digits
    return numberedWords.has(words[index - 1] ?? '') ? digits : word
  })
}

/** English function words that carry no identity: dropped from token sets, and `the`/`a`/`an` from the key. */
export const stopWords = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'in',
  'on',
  'for',
  'to',
  'with',
  'by',
  'at',
  'from',
  'or',
  'as',
  'is',
  'are',
  'its',
  'their',
  'into',
  'vs',
  'versus',
])

/** FNV-1a 32-bit hash of a token: token sets are compared as sorted integer arrays, which is fast and allocation-light. */
export function hashToken(token: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash | 0
}

/**
 * A set of word hashes, sorted ascending, each once. A plain array of small integers rather than an `Int32Array`:
 * every record keeps two or three of these, and on 100,000 records the typed arrays' buffers were most of what the
 * garbage collector tracked while building keys.
 */
export type TokenSet = readonly number[]

/** The sorted, de-duplicated hashes of the words that are not stop words (insertion sort: sets are small). */
export function tokenSet(words: readonly string[]): TokenSet {
  const sorted: number[] = []
  for (const word of words) {
    if (stopWords.has(word)) continue
    const hash = hashToken(word)
    let at = sorted.length
    while (at > 0 && (sorted[at - 1] as number) > hash) at--
    if (at > 0 && sorted[at - 1] === hash) continue
    // Shifted by hand: `splice` returns an array of what it removed, one allocation per word.
    sorted.push(hash)
    for (let move = sorted.length - 1; move > at; move--) sorted[move] = sorted[move - 1] as number
    sorted[at] = hash
  }
  // Growing by `push` leaves spare capacity behind the elements; a copy holds exactly them. Token sets live as
  // long as the run (two per record): on 100,000 generated records the match keys hold 82 MB instead of 99 MB.
  return sorted.slice()
}

/** Hashes of the stop words: a word whose hash is not among them needs no look-up by string. */
const stopWordHashes = new Set([...stopWords].map(hashToken))

/** Endings `americanSpelling` may change (`-ise`, `-isation`, `-our`, `-tre`…); `ae`/`oe` are checked apart. */
const respelledEndings = ['ise', 'ised', 'ises', 'ising', 'isation', 'isations', 'our', 'ours', 'tre', 'tres']

/** Whether `americanSpelling` could change `text[start, end)`: it has `ae` or `oe`, or one of its endings. */
function mayRespell(text: string, start: number, end: number): boolean {
  for (let at = start + 1; at < end; at++) {
    if (
      text.charCodeAt(at) === 0x65 &&
      (text.charCodeAt(at - 1) === 0x61 || text.charCodeAt(at - 1) === 0x6f)
    )
      return true
  }
  for (const ending of respelledEndings)
    if (end - start > ending.length && text.endsWith(ending, end)) return true
  return false
}

const isTokenCode = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)

/**
 * The token set of an abstract's first `limit` words of three or more letters that are not stop words, in American
 * spelling: `tokenSet` of those words, as `tokens`, `americanSpelling` and `tokenSet` give it. Plain lower-case
 * ASCII text (most abstracts once folded) is read character by character, hashing each word as it goes, without
 * making a string of it unless it is a stop word or may be respelled: a large project builds tens of thousands of
 * these while pairs are scored.
 */
export function abstractTokenSet(folded: string, limit: number): TokenSet {
  const hashes: number[] = []
  let kept = 0
  let at = 0
  while (at < folded.length && kept < limit) {
    const code = folded.charCodeAt(at)
    if (code >= 0x80) return slowAbstractTokenSet(folded, limit)
    if (!isTokenCode(code)) {
      at++
      continue
    }
    const start = at
    let hash = 0x811c9dc5
    for (; at < folded.length; at++) {
      const next = folded.charCodeAt(at)
      if (!isTokenCode(next)) break
      hash = Math.imul(hash ^ next, 0x01000193)
    }
    if (at < folded.length && folded.charCodeAt(at) >= 0x80) return slowAbstractTokenSet(folded, limit)
    hash |= 0
    if (at - start < 3 || (stopWordHashes.has(hash) && stopWords.has(folded.slice(start, at)))) continue
    kept++
    if (at - start >= 5 && mayRespell(folded, start, at)) {
      const word = americanSpelling(folded.slice(start, at))
      if (!stopWords.has(word)) hashes.push(hashToken(word))
    } else hashes.push(hash)
  }
  return sortedUnique(hashes)
}

/** `abstractTokenSet` for any text, by regular expressions. */
function slowAbstractTokenSet(folded: string, limit: number): TokenSet {
  const kept: string[] = []
  for (const word of tokens(folded)) {
    if (stopWords.has(word) || word.length < 3) continue
    kept.push(americanSpelling(word))
    if (kept.length === limit) break
  }
  return tokenSet(kept)
}

/** Scratch space of `sortedUnique`: a typed array sorts numbers natively, without a comparison callback. */
let sortBuffer = new Int32Array(128)

/**
 * The hashes sorted ascending, each once, in an array of exactly that length: for an abstract's up to 80 words.
 * `tokenSet` keeps its insertion sort, as fast for a title's or author list's few words and with less allocation.
 */
function sortedUnique(hashes: readonly number[]): TokenSet {
  if (sortBuffer.length < hashes.length) sortBuffer = new Int32Array(hashes.length * 2)
  const sorted = sortBuffer.subarray(0, hashes.length)
  sorted.set(hashes)
  sorted.sort()
  const unique: number[] = []
  for (let at = 0; at < sorted.length; at++) {
    const hash = sorted[at] as number
    if (at === 0 || hash !== sorted[at - 1]) unique.push(hash)
  }
  // A copy holds exactly the elements, without the spare capacity `push` leaves behind.
  return unique.slice()
}
