/** Which list a highlighted stretch of text matched: the project's inclusion or exclusion terms, or neither. */
export type HighlightKind = 'include' | 'exclude'

/** One stretch of text; the segments of a text concatenate back to it exactly. */
export type HighlightSegment = {
  text: string
  kind: HighlightKind | null
}

type CompiledTerm = {
  /** Sticky copy of the term's pattern, to measure the match at a known position. */
  sticky: RegExp
}

type CompiledList = {
  /** All terms of one list as one alternation, to find the next match position in one pass. */
  scan: RegExp
  terms: CompiledTerm[]
}

/** Inclusion and exclusion terms compiled once per project (not per record). Opaque: pass to highlightSegments. */
export type CompiledTerms = {
  include: CompiledList | null
  exclude: CompiledList | null
}

const wordChar = '[\\p{L}\\p{M}\\p{N}]'
const isWordChar = /[\p{L}\p{M}\p{N}]/u
// Only syntax characters: with the `u` flag, escaping anything else (such as `-`) is itself a syntax error.
const regexSpecial = /[\\^$.+?()[\]{}|/]/g

/**
 * One word of a term. A trailing `*` and one other `*` (leading or inside) become wildcards; any further `*` is
 * matched literally. Two backtracking wildcards in one word cost time quadratic in the word's length (and more
 * with each one), which a long token such as a sequence or URL in an abstract would turn into a freeze.
 */
function wordPattern(word: string): string {
  const collapsed = word.replace(/\*+/g, '*')
  const hasTrailing = collapsed.length > 1 && collapsed.endsWith('*')
  const head = hasTrailing ? collapsed.slice(0, -1) : collapsed
  const [first = '', ...rest] = head.split('*').map((part) => part.replace(regexSpecial, '\\$&'))
  const pattern = rest.length === 0 ? first : `${first}${wordChar}*${rest.join('\\*')}`
  return hasTrailing ? `${pattern}${wordChar}*` : pattern
}

/** The pattern for one term, or null if it has nothing to match (empty, or only `*`). */
function termPattern(term: string): string | null {
  const body = term
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim()
  if (!/[^\s*]/.test(body)) return null
  const parts = body
    .split(/\s+/)
    // `*` matches any run of letters and digits (`random*`, `*embolization`, `chemo*ization`) but never crosses
    // a space or hyphen, so it cannot spread over the rest of the abstract.
    .map(wordPattern)
  let pattern = parts.join('\\s+')
  // Word-boundary checks with Unicode classes: \b only knows ASCII, and would match inside 'Müller'. A term that
  // starts or ends with punctuation (`(TACE)`, `5-FU`) gets no check on that side.
  const first = body[0] ?? ''
  const last = body[body.length - 1] ?? ''
  if (first === '*' || isWordChar.test(first)) pattern = `(?<!${wordChar})${pattern}`
  if (last === '*' || isWordChar.test(last)) pattern = `${pattern}(?!${wordChar})`
  return pattern
}

function compileList(terms: readonly string[]): CompiledList | null {
  const patterns = [...new Set(terms.map(termPattern).filter((p): p is string => p !== null))]
  if (patterns.length === 0) return null
  // Longer patterns first: the scan then usually lands on the longest term already; highlightSegments still
  // measures every term at the match position so the longest match wins regardless.
  patterns.sort((a, b) => b.length - a.length)
  return {
    scan: new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'giu'),
    terms: patterns.map((p) => ({ sticky: new RegExp(p, 'iuy') })),
  }
}

/**
 * Compiles the project's inclusion and exclusion terms. Each term is a word (`octreotide`), a phrase, quoted or
 * not (`"hepatic artery embolization"`; any whitespace between its words matches), or a wildcard (`random*`,
 * `*embolization`: `*` stands for any letters or digits within one word). Matching is case-insensitive and on
 * whole words (Unicode letters count as word characters). Blank terms and a bare `*` are ignored. Never throws:
 * regex characters in terms are escaped.
 */
export function compileTerms(include: readonly string[], exclude: readonly string[]): CompiledTerms {
  return { include: compileList(include), exclude: compileList(exclude) }
}

/**
 * Splits a line of terms as a user types them (`liver "hepatic artery" random*`) into terms: quoted phrases stay
 * whole, everything else splits on whitespace.
 */
export function parseTermList(text: string): string[] {
  const terms: string[] = []
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim()
    if (term && term !== '"') terms.push(term)
  }
  return terms
}

/** Leftmost-longest, non-overlapping matches of one list, as [start, end) pairs. */
function findMatches(text: string, list: CompiledList): [number, number][] {
  const matches: [number, number][] = []
  const scan = list.scan
  scan.lastIndex = 0
  let found: RegExpExecArray | null
  while ((found = scan.exec(text)) !== null) {
    const start = found.index
    let end = start + found[0].length
    for (const term of list.terms) {
      term.sticky.lastIndex = start
      if (term.sticky.test(text)) end = Math.max(end, term.sticky.lastIndex)
    }
    // Terms always contain a character, so matches are never empty; the guard only protects the loop.
    if (end === start) end = start + 1
    else matches.push([start, end])
    scan.lastIndex = end
  }
  return matches
}

/**
 * Splits text into highlighted and plain segments that concatenate back to `text` exactly. Within each list the
 * leftmost, then longest, match wins. Where an inclusion match and an exclusion match overlap, the overlapping
 * characters are marked `'exclude'`: an exclusion term is a reason to stop reading, so it must never be hidden
 * under a green inclusion phrase. Runs in time linear in the text for a fixed term list. Empty text gives `[]`.
 */
export function highlightSegments(text: string, compiled: CompiledTerms): HighlightSegment[] {
  if (text === '') return []
  // 0 plain, 1 include, 2 exclude; exclusion is painted last so it wins overlaps.
  const marks = new Uint8Array(text.length)
  if (compiled.include)
    for (const [start, end] of findMatches(text, compiled.include)) marks.fill(1, start, end)
  if (compiled.exclude)
    for (const [start, end] of findMatches(text, compiled.exclude)) marks.fill(2, start, end)
  const segments: HighlightSegment[] = []
  let start = 0
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && marks[i] === marks[start]) continue
    const mark = marks[start]
    segments.push({
      text: text.slice(start, i),
      kind: mark === 2 ? 'exclude' : mark === 1 ? 'include' : null,
    })
    start = i
  }
  return segments
}
