/**
 * Finds phrases (taxonomy labels, synonyms, design cues) in free text without regular expressions built from user
 * input, so a synonym can never cause catastrophic backtracking.
 *
 * Text is split into words: maximal runs of Unicode letters, marks and digits. Each word becomes a matching key:
 * - lower-cased, accents removed, a simple singular taken (`metastases`→`metastase`←`metastasis`, `beads`→`bead`,
 *   `therapies`→`therapy`) and British spellings folded to American (`-isation`→`-ization`, `-ised`→`-ized`,
 *   `tumour`→`tumor`, `labelled`→`labeled`, `analogue`→`analog`). Phrase and text go through the same folding, so
 *   a rule only has to be consistent, not linguistically exact.
 * - Abbreviations are case-sensitive: a phrase word with at least two capitals and no more lower-case letters than
 *   capitals (`TACE`, `cTACE`, `DEB`, `mTOR`) only matches the same spelling in the text (or with a plural `s`:
 *   `RFAs`). Text `tace` or `Tace` is not the abbreviation. A lower-case phrase word matches any case.
 * Words of a phrase match text words joined by spaces or hyphens, or written together: `radio-embolization`,
 * `radio embolization` and `radioembolisation` all match `radioembolization`. A phrase must start and end on word
 * boundaries, so `TACE` never matches inside `stacey`; a hyphen is a boundary, so `TACE` does match in `TACE-like`
 * and `post-TACE` (biomedical writing builds modifiers that way and they are about the procedure). Overlapping
 * matches resolve leftmost-longest: in `DEB-TACE` the phrase `DEB-TACE` wins over `TACE`.
 *
 * Cost: each start word walks a character trie until it dies, so time is linear in the text for a fixed phrase set.
 */

/** One word of the text with its position (UTF-16 offsets, end exclusive) and matching keys. */
export type Word = { start: number; end: number; keys: readonly string[] }

type TrieNode = { next: Map<number, TrieNode>; ids: string[] }

/** Phrases to look for, each tagged with the id reported when it is found. */
export type PhraseEntry = { id: string; phrases: readonly string[] }

/** A compiled phrase set; build once per taxonomy and reuse for every record. */
export type CompiledPhrases = { root: TrieNode; phraseCount: number }

/** A phrase found in the text: the ids it stands for and its span (UTF-16 offsets, end exclusive). */
export type PhraseHit = { ids: readonly string[]; start: number; end: number }

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu
/** Marks abbreviation keys so they never meet lower-case keys in the trie. */
const abbreviationMark = '\u0001'
/** Longest run of spaces and hyphens that still joins two words of one phrase (`TACE - like` yes, a full stop no). */
const maxJoinLength = 3

function isJoiner(code: number): boolean {
  // Space, tab, newline, no-break space and the hyphen family (ASCII, Unicode hyphen, non-breaking hyphen, figure
  // dash, en dash); PubMed exports use all of them between the halves of compound terms.
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 160 ||
    code === 45 ||
    (code >= 0x2010 && code <= 0x2013)
  )
}

function isAbbreviation(word: string): boolean {
  let upper = 0
  let lower = 0
  for (const char of word) {
    if (char !== char.toLowerCase()) upper++
    else if (char !== char.toUpperCase()) lower++
  }
  return upper >= 2 && lower <= upper
}

function singular(word: string): string {
  const length = word.length
  if (length <= 3 || !word.endsWith('s')) return word
  if (word.endsWith('ies') && length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.endsWith('ses')) return word.slice(0, -1)
  if (word.endsWith('sis')) return `${word.slice(0, -3)}se`
  if (word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2)
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word
  return word.slice(0, -1)
}

const spellingRules: readonly (readonly [string, string, number])[] = [
  // [British ending, American ending, shortest word the rule applies to]
  ['isation', 'ization', 8],
  ['ised', 'ized', 6],
  ['ising', 'izing', 7],
  ['ise', 'ize', 6],
  ['lled', 'led', 6],
  ['lling', 'ling', 7],
  ['ogue', 'og', 6],
  ['our', 'or', 6],
]

function americanise(word: string): string {
  for (const [british, american, minLength] of spellingRules) {
    if (word.length >= minLength && word.endsWith(british)) return word.slice(0, -british.length) + american
  }
  return word
}

/** The case-insensitive matching key of one word (see the module comment). */
export function wordKey(word: string): string {
  let lower = word.toLowerCase()
  // Fast path: ASCII words (nearly all of an English abstract) need no accent stripping.
  // eslint-disable-next-line no-control-regex -- the ASCII range is exactly what is tested
  if (!/^[\x00-\x7f]*$/.test(lower)) lower = lower.normalize('NFD').replace(/\p{M}/gu, '')
  return americanise(singular(lower))
}

function keysOf(word: string): string[] {
  const keys = [wordKey(word)]
  if (isAbbreviation(word)) {
    // A trailing lower-case `s` on an abbreviation is a plural (`RFAs`, `TACEs`), not part of it.
    const bare =
      word.length > 2 && word.endsWith('s') && isAbbreviation(word.slice(0, -1)) ? word.slice(0, -1) : word
    keys.push(abbreviationMark + bare)
  }
  return keys
}

/** Splits text into words with their keys. */
export function splitWords(text: string): Word[] {
  const words: Word[] = []
  wordPattern.lastIndex = 0
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    words.push({ start: match.index, end: match.index + match[0].length, keys: keysOf(match[0]) })
  }
  return words
}

/** The one key a phrase word is matched by: the abbreviation key for abbreviations, else the folded key. */
function phraseKeys(phrase: string): string[] {
  const keys: string[] = []
  wordPattern.lastIndex = 0
  for (let match = wordPattern.exec(phrase); match !== null; match = wordPattern.exec(phrase)) {
    const word = match[0]
    keys.push(isAbbreviation(word) ? abbreviationMark + word : wordKey(word))
  }
  return keys
}

function newNode(): TrieNode {
  return { next: new Map(), ids: [] }
}

function walk(node: TrieNode, key: string): TrieNode | undefined {
  let current: TrieNode | undefined = node
  for (let index = 0; index < key.length && current; index++)
    current = current.next.get(key.charCodeAt(index))
  return current
}

/** Compiles phrases into a character trie. Phrases without any letter or digit are ignored. */
export function compilePhrases(entries: readonly PhraseEntry[]): CompiledPhrases {
  const root = newNode()
  let phraseCount = 0
  for (const { id, phrases } of entries) {
    for (const phrase of phrases) {
      const key = phraseKeys(phrase).join('')
      if (key === '') continue
      let node = root
      for (let index = 0; index < key.length; index++) {
        const code = key.charCodeAt(index)
        let next = node.next.get(code)
        if (!next) node.next.set(code, (next = newNode()))
        node = next
      }
      if (!node.ids.includes(id)) node.ids.push(id)
      phraseCount++
    }
  }
  return { root, phraseCount }
}

function isJoinable(text: string, left: Word, right: Word): boolean {
  const gap = right.start - left.end
  if (gap > maxJoinLength) return false
  for (let index = left.end; index < right.start; index++) if (!isJoiner(text.charCodeAt(index))) return false
  return true
}

/** The longest phrase starting at word `first`: its last word index and ids, or null. */
function longestAt(
  text: string,
  words: readonly Word[],
  first: number,
  root: TrieNode,
): { last: number; ids: string[] } | null {
  let states: TrieNode[] = [root]
  let best: { last: number; ids: string[] } | null = null
  for (let index = first; index < words.length; index++) {
    const word = words[index]
    if (!word) break
    if (index > first) {
      const previous = words[index - 1]
      if (!previous || !isJoinable(text, previous, word)) break
    }
    const next: TrieNode[] = []
    for (const state of states) {
      for (const key of word.keys) {
        const reached = walk(state, key)
        if (reached && !next.includes(reached)) next.push(reached)
      }
    }
    if (next.length === 0) break
    const ids = next.flatMap((state) => state.ids)
    // Two states can end here only when a text word has both a folded and an abbreviation key; report both.
    if (ids.length > 0) best = { last: index, ids: [...new Set(ids)] }
    states = next
  }
  return best
}

/**
 * Every phrase occurrence in `text`, leftmost-longest and non-overlapping, in text order. `words` may be passed
 * when the caller already split the text (the design classifier matches several phrase sets on the same text).
 */
export function findPhrases(text: string, compiled: CompiledPhrases, words = splitWords(text)): PhraseHit[] {
  const hits: PhraseHit[] = []
  if (compiled.phraseCount === 0) return hits
  for (let index = 0; index < words.length; index++) {
    const found = longestAt(text, words, index, compiled.root)
    if (!found) continue
    hits.push({ ids: found.ids, start: words[index]?.start ?? 0, end: words[found.last]?.end ?? 0 })
    index = found.last
  }
  return hits
}
