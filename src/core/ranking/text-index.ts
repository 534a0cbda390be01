import { defaultTextIndexOptions } from './defaults'
import { latentRows } from './latent'
import { metadataKind, metadataKinds } from './metadata'
import { englishStopWords, sStem, tokenize } from './tokenize'

/** How record text becomes features. Defaults: {@link defaultTextIndexOptions}. */
export type TextIndexOptions = {
  /** 1 = single words only; 2 = words and adjacent word pairs. */
  ngrams?: 1 | 2
  /** Keep only features found in at least this many records (1 keeps all). */
  minRecords?: number
  /** Drop common English function words before forming pairs ("risk of bias" → "risk bias"). */
  dropStopWords?: boolean
  /** Count weight 1 + ln(count) instead of the raw count (damps repeated words). */
  sublinearTf?: boolean
  /** Weight of word-pair features relative to single words, before each row is L2-normalised (1 = equal). */
  pairWeight?: number
  /** Exponent of the inverse document frequency in a feature's value (1 = TF-IDF, 0 = no IDF). */
  idfPower?: number
  /**
   * The first this many words of a record (about its title) also count as separate "lead" features (words and,
   * with `ngrams` 2, word pairs). Records without an abstract are all lead; a model that learns what included titles
   * look like can then rank them, where abstract-only features leave them at the bottom. 0 = off.
   */
  leadWords?: number
  /** Weight of lead features relative to the others, before rows are L2-normalised. */
  leadWeight?: number
  /** Fold plurals onto the singular (see `sStem`). */
  stem?: boolean
  /**
   * Also count the character n-grams of this length of every word, the word padded with a space on each side
   * ("urea" gives " ure", "urea", "rea " for 4). Spelling variants and word forms then share features
   * ("sulphonylurea" / "sulfonylureas" share "onylurea"'s grams). 0 = off.
   */
  charGrams?: number
  /** Weight of character n-gram features relative to the others, before rows are L2-normalised. */
  charWeight?: number
  /**
   * With `stem` off: also count, beside the words themselves, one "plural group" feature per word's singular (see
   * `sStem`: "trial" and "trials" both count for the group "trial"), with this weight relative to the others before
   * rows are L2-normalised. Only groups seen in more than one form in the records are kept (a group of one form
   * would only repeat its word). The model can then pool singular and plural where that helps without losing the
   * words' own distinctions, which folding plurals erases. 0 = off.
   */
  stemUnion?: number
  /**
   * Words of the title (see `buildTextIndex`'s `titleLengths`) count this many times (an integer; their character
   * n-grams, plural groups, lead features and word pairs too): the title says what a record is about in a few words,
   * the abstract in many. 1 = off; without `titleLengths` it has no effect.
   */
  titleWeight?: number
  /**
   * Metadata features (see `metadataTokens`: authors by family name and initial, the journal, the year), from
   * `buildTextIndex`'s `metadata`, each kind with its own weight relative to words before rows are L2-normalised.
   * Like words, one seen in fewer than `minRecords` records is dropped. 0 = off (the kind is not read at all).
   */
  authorWeight?: number
  journalWeight?: number
  yearWeight?: number
  /**
   * Latent semantic features: each record's words (their TF-IDF, the row L2-normalised) projected on the top
   * `latentRank` right singular vectors of the records × words matrix (a truncated SVD, computed once when the index
   * is built; see `latentRows`), L2-normalised, appended to the row as `latentRank` dense features. Records on the
   * same topic in different words then share features. 0 = off.
   */
  latentRank?: number
  /**
   * Weight of the latent part against the sparse part: the row becomes [sparse, latentWeight · latent] /
   * √(1 + latentWeight²), still of unit length.
   */
  latentWeight?: number
}

/**
 * The records' text as sparse TF-IDF rows (compressed sparse rows, each row L2-normalised), built once per project
 * and shared by every retrain. Row `r` holds features `columns[rowStart[r] .. rowStart[r + 1])` with `values`
 * at the same positions, columns ascending. Feature ids are dense (0 .. featureCount − 1).
 */
export type TextIndex = {
  rowCount: number
  featureCount: number
  rowStart: Int32Array
  columns: Int32Array
  values: Float32Array
  /** Inverse document frequency per feature: ln((1 + rows) / (1 + rows with the feature)) + 1. */
  idf: Float32Array
  /** The feature's word (an id into `words`). */
  firstWord: Int32Array
  /** The second word of a word pair, or −1 for a single word. */
  secondWord: Int32Array
  /** 1 for a lead feature (see {@link TextIndexOptions.leadWords}). */
  lead: Uint8Array
  /** 1 for a character n-gram (see {@link TextIndexOptions.charGrams}); its `firstWord` is an id into `grams`. */
  charGram: Uint8Array
  /** 1 for a plural group (see {@link TextIndexOptions.stemUnion}); its `firstWord` is an id into `groups`. */
  group: Uint8Array
  /** The metadata kind of a metadata feature (see `metadataKinds`), 0 for the others; `firstWord` is an id into `metadataTerms`. */
  metadata: Uint8Array
  /**
   * 1 for a latent feature (see {@link TextIndexOptions.latentRank}): dense, possibly negative, always the last
   * features; its `firstWord` is its component (0 = the largest singular value).
   */
  latent: Uint8Array
  words: readonly string[]
  grams: readonly string[]
  groups: readonly string[]
  metadataTerms: readonly string[]
}

/** Growable Int32 storage: far smaller and faster than arrays of arrays for millions of entries. */
class IntList {
  data = new Int32Array(1024)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }
}

/** Feature occurrences of every record before filtering: (raw feature, count) pairs per record. */
type RawCounts = {
  rowStart: Int32Array
  features: IntList
  counts: IntList
  recordsWith: IntList
  firstWord: IntList
  secondWord: IntList
  lead: IntList
  charGram: IntList
  group: IntList
  metadata: IntList
  words: string[]
  grams: string[]
  groups: string[]
  metadataTerms: string[]
}

/**
 * Word pair → feature id, open addressing over Int32Arrays. A Map keyed by first · 2^26 + second would hash
 * heap-allocated doubles for millions of pairs; this table is several times faster and a fraction of the memory.
 */
class PairTable {
  private mask = (1 << 16) - 1
  private firsts = new Int32Array(1 << 16).fill(-1)
  private seconds = new Int32Array(1 << 16)
  private ids = new Int32Array(1 << 16)
  private size = 0

  private slot(first: number, second: number): number {
    // Mix both ids through all 32 bits (murmur3's finaliser) before masking: the low bits alone cluster badly.
    let hash = Math.imul(first, 0x9e3779b1) ^ second
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
    let slot = (hash ^ (hash >>> 16)) & this.mask
    while (this.firsts[slot] !== -1 && (this.firsts[slot] !== first || this.seconds[slot] !== second))
      slot = (slot + 1) & this.mask
    return slot
  }

  /** The pair's id, or the id `create()` returns for a new pair. */
  idOf(first: number, second: number, create: () => number): number {
    const slot = this.slot(first, second)
    if (this.firsts[slot] !== -1) return this.ids[slot] ?? -1
    const id = create()
    this.firsts[slot] = first
    this.seconds[slot] = second
    this.ids[slot] = id
    if (++this.size * 2 > this.mask) this.grow()
    return id
  }

  private grow(): void {
    const [firsts, seconds, ids] = [this.firsts, this.seconds, this.ids]
    const capacity = (this.mask + 1) * 2
    this.mask = capacity - 1
    this.firsts = new Int32Array(capacity).fill(-1)
    this.seconds = new Int32Array(capacity)
    this.ids = new Int32Array(capacity)
    for (let old = 0; old < firsts.length; old++) {
      const first = firsts[old] ?? -1
      if (first === -1) continue
      const slot = this.slot(first, seconds[old] ?? 0)
      this.firsts[slot] = first
      this.seconds[slot] = seconds[old] ?? 0
      this.ids[slot] = ids[old] ?? 0
    }
  }
}

/**
 * `scratch` when it has room for `more` entries after its first `size`, else a copy of those with room for `more`
 * and `slack` more entries, twice over (so that growing stays rare).
 */
function withRoom(
  scratch: Int32Array<ArrayBuffer>,
  size: number,
  more: number,
  slack: number,
): Int32Array<ArrayBuffer> {
  if (size + more <= scratch.length) return scratch
  const grown = new Int32Array((size + more + slack) * 2)
  grown.set(scratch.subarray(0, size))
  return grown
}

function countFeatures(
  texts: readonly string[],
  ngrams: 1 | 2,
  stopWords: ReadonlySet<string> | undefined,
  leadWords: number,
  stem: boolean,
  charGrams: number,
  stemUnion: boolean,
  titleWeight: number,
  titleLengths: ArrayLike<number> | undefined,
  metadata: ArrayLike<readonly string[]> | undefined,
  metadataWeights: readonly number[],
): RawCounts {
  const wordIds = new Map<string, number>()
  const featureOfWord: number[] = []
  const leadOfWord: number[] = []
  const featureOfPair = new PairTable()
  const leadOfPair = new PairTable()
  // Character n-grams are worked out once per distinct word.
  const gramIds = new Map<string, number>()
  const gramsOfWord: Int32Array[] = []
  // Plural group feature per word (−1 = none), and how many distinct words fall in each group.
  const groupOfWord: number[] = []
  const groupIds = new Map<string, number>()
  const formsOfGroup = new Map<number, number>()
  const raw: RawCounts = {
    rowStart: new Int32Array(texts.length + 1),
    features: new IntList(),
    counts: new IntList(),
    recordsWith: new IntList(),
    firstWord: new IntList(),
    secondWord: new IntList(),
    lead: new IntList(),
    charGram: new IntList(),
    group: new IntList(),
    metadata: new IntList(),
    words: [],
    grams: [],
    groups: [],
    metadataTerms: [],
  }
  const newFeature = (first: number, second: number, lead = 0, charGram = 0, group = 0, kind = 0): number => {
    raw.firstWord.push(first)
    raw.secondWord.push(second)
    raw.lead.push(lead)
    raw.charGram.push(charGram)
    raw.group.push(group)
    raw.metadata.push(kind)
    raw.recordsWith.push(0)
    return raw.firstWord.length - 1
  }
  const gramFeatures = (token: string): Int32Array => {
    const padded = ` ${token} `
    const features: number[] = []
    for (let at = 0; at + charGrams <= padded.length; at++) {
      const gram = padded.slice(at, at + charGrams)
      let feature = gramIds.get(gram)
      if (feature === undefined) {
        feature = newFeature(raw.grams.length, -1, 0, 1)
        raw.grams.push(gram)
        gramIds.set(gram, feature)
      }
      features.push(feature)
    }
    return Int32Array.from(features)
  }
  // Metadata token → feature id (−1 = its kind is off). Tokens hold a colon, so they never meet a text word.
  const featureOfMetadata = new Map<string, number>()
  const metadataFeature = (token: string): number => {
    let feature = featureOfMetadata.get(token)
    if (feature === undefined) {
      const kind = metadataKind(token)
      feature =
        kind && (metadataWeights[kind] ?? 0) > 0
          ? newFeature(raw.metadataTerms.length, -1, 0, 0, 0, kind)
          : -1
      if (feature >= 0) raw.metadataTerms.push(token)
      featureOfMetadata.set(token, feature)
    }
    return feature
  }
  let scratch = new Int32Array(256)
  texts.forEach((text, row) => {
    const tokens = tokenize(text, stopWords)
    if (stem) for (let at = 0; at < tokens.length; at++) tokens[at] = sStem(tokens[at] ?? '')
    // The title is the start of the text, ending at a non-word character: its words are the first tokens.
    const titleLength = titleWeight > 1 ? (titleLengths?.[row] ?? 0) : 0
    const titleTokens = titleLength > 0 ? tokenize(text.slice(0, titleLength), stopWords).length : 0
    const needed =
      (tokens.length * (stemUnion ? 3 : 2) + Math.min(tokens.length, leadWords) * 2) *
      (titleTokens > 0 ? titleWeight : 1)
    if (scratch.length < needed) scratch = new Int32Array(needed * 2)
    let size = 0
    let previous = -1
    for (let position = 0; position < tokens.length; position++) {
      const token = tokens[position] ?? ''
      let word = wordIds.get(token)
      if (word === undefined) {
        word = raw.words.length
        wordIds.set(token, word)
        raw.words.push(token)
        featureOfWord.push(newFeature(word, -1))
        leadOfWord.push(-1)
        if (charGrams > 0) gramsOfWord.push(gramFeatures(token))
        if (stemUnion) {
          const singular = sStem(token)
          let group = groupIds.get(singular)
          if (group === undefined) {
            group = newFeature(raw.groups.length, -1, 0, 0, 1)
            raw.groups.push(singular)
            groupIds.set(singular, group)
          }
          formsOfGroup.set(group, (formsOfGroup.get(group) ?? 0) + 1)
          groupOfWord.push(group)
        }
      }
      const grams = gramsOfWord[word]
      const repeats = position < titleTokens ? titleWeight : 1
      if (grams) scratch = withRoom(scratch, size, (grams.length + 5) * repeats, needed)
      const tokenStart = size
      scratch[size++] = featureOfWord[word] ?? 0
      if (stemUnion) scratch[size++] = groupOfWord[word] ?? 0
      if (grams) for (const gram of grams) scratch[size++] = gram
      const isLead = position < leadWords
      if (isLead) {
        if ((leadOfWord[word] ?? -1) < 0) leadOfWord[word] = newFeature(word, -1, 1)
        scratch[size++] = leadOfWord[word] ?? 0
      }
      if (ngrams === 2 && previous >= 0) {
        const first = previous
        scratch[size++] = featureOfPair.idOf(first, word, () => newFeature(first, word))
        if (isLead) scratch[size++] = leadOfPair.idOf(first, word, () => newFeature(first, word, 1))
      }
      // A title word's features again, until they count `titleWeight` times.
      const tokenSize = size - tokenStart
      for (let again = 1; again < repeats; again++) {
        scratch.copyWithin(size, tokenStart, tokenStart + tokenSize)
        size += tokenSize
      }
      previous = word
    }
    const tokensOfRecord = metadata?.[row]
    if (tokensOfRecord?.length) {
      scratch = withRoom(scratch, size, tokensOfRecord.length, 0)
      for (const token of tokensOfRecord) {
        const feature = metadataFeature(token)
        if (feature >= 0) scratch[size++] = feature
      }
    }
    const sorted = scratch.subarray(0, size).sort()
    for (let start = 0; start < size;) {
      let end = start + 1
      while (end < size && sorted[end] === sorted[start]) end++
      const feature = sorted[start] ?? 0
      raw.features.push(feature)
      raw.counts.push(end - start)
      raw.recordsWith.data[feature] = (raw.recordsWith.data[feature] ?? 0) + 1
      start = end
    }
    raw.rowStart[row + 1] = raw.features.length
  })
  // A group of one form repeats its word: counted in no record, it falls to the minRecords filter.
  for (const [group, forms] of formsOfGroup) if (forms < 2) raw.recordsWith.data[group] = 0
  return raw
}

/**
 * Builds the TF-IDF index of the records' text (title, abstract and keywords joined by the caller). Deterministic:
 * feature ids follow first appearance. Time and memory grow linearly with the text (figures: `bench:rank`).
 * Empty texts give empty rows (such records score 0 and only move by tie-breaks). `titleLengths` (optional) gives
 * per text the length in characters of the title it starts with (0 = none), for `titleWeight`. `metadata`
 * (optional) gives per text its record's `metadataTokens`, read for the kinds whose weight is above 0.
 */
export function buildTextIndex(
  texts: readonly string[],
  options: TextIndexOptions = {},
  titleLengths?: ArrayLike<number>,
  metadata?: ArrayLike<readonly string[]>,
): TextIndex {
  const {
    ngrams,
    minRecords,
    dropStopWords,
    sublinearTf,
    pairWeight,
    idfPower,
    leadWords,
    leadWeight,
    stem,
    charGrams,
    charWeight,
    stemUnion,
    titleWeight,
    latentRank,
    latentWeight,
    authorWeight,
    journalWeight,
    yearWeight,
  } = {
    ...defaultTextIndexOptions,
    ...options,
  }
  const stopWords = dropStopWords ? englishStopWords : undefined
  const metadataWeights: number[] = []
  metadataWeights[metadataKinds.author] = authorWeight
  metadataWeights[metadataKinds.journal] = journalWeight
  metadataWeights[metadataKinds.year] = yearWeight
  const raw = countFeatures(
    texts,
    ngrams,
    stopWords,
    leadWords,
    stem,
    charGrams,
    !stem && stemUnion > 0,
    Math.max(1, Math.round(titleWeight)),
    titleLengths,
    metadata,
    metadataWeights,
  )
  const rawCount = raw.firstWord.length
  const newId = new Int32Array(rawCount).fill(-1)
  let featureCount = 0
  for (let feature = 0; feature < rawCount; feature++)
    if ((raw.recordsWith.data[feature] ?? 0) >= Math.max(1, minRecords)) newId[feature] = featureCount++
  const idf = new Float32Array(featureCount)
  const firstWord = new Int32Array(featureCount)
  const secondWord = new Int32Array(featureCount)
  const lead = new Uint8Array(featureCount)
  const charGram = new Uint8Array(featureCount)
  const group = new Uint8Array(featureCount)
  const metadataOf = new Uint8Array(featureCount)
  for (let feature = 0; feature < rawCount; feature++) {
    const id = newId[feature] ?? -1
    if (id < 0) continue
    idf[id] = Math.log((1 + texts.length) / (1 + (raw.recordsWith.data[feature] ?? 0))) + 1
    firstWord[id] = raw.firstWord.data[feature] ?? 0
    secondWord[id] = raw.secondWord.data[feature] ?? -1
    lead[id] = raw.lead.data[feature] ?? 0
    charGram[id] = raw.charGram.data[feature] ?? 0
    group[id] = raw.group.data[feature] ?? 0
    metadataOf[id] = raw.metadata.data[feature] ?? 0
  }
  const featureScale = new Float32Array(featureCount)
  for (let id = 0; id < featureCount; id++)
    featureScale[id] =
      Math.pow(idf[id] ?? 0, idfPower) *
      ((secondWord[id] ?? -1) < 0 ? 1 : pairWeight) *
      (lead[id] ? leadWeight : 1) *
      (charGram[id] ? charWeight : 1) *
      (group[id] ? stemUnion : 1) *
      (metadataOf[id] ? (metadataWeights[metadataOf[id] ?? 0] ?? 0) : 1)
  const rowStart = new Int32Array(texts.length + 1)
  const columns = new Int32Array(raw.features.length)
  const values = new Float32Array(raw.features.length)
  let size = 0
  for (let row = 0; row < texts.length; row++) {
    const rowBegin = size
    let squares = 0
    for (let at = raw.rowStart[row] ?? 0; at < (raw.rowStart[row + 1] ?? 0); at++) {
      const id = newId[raw.features.data[at] ?? 0] ?? -1
      if (id < 0) continue
      const count = raw.counts.data[at] ?? 1
      const value = (sublinearTf ? 1 + Math.log(count) : count) * (featureScale[id] ?? 0)
      columns[size] = id
      values[size++] = value
      squares += value * value
    }
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0
    for (let at = rowBegin; at < size; at++) values[at] = (values[at] ?? 0) * scale
    rowStart[row + 1] = size
  }
  const index: TextIndex = {
    rowCount: texts.length,
    featureCount,
    rowStart,
    columns: columns.slice(0, size),
    values: values.slice(0, size),
    idf,
    firstWord,
    secondWord,
    lead,
    charGram,
    group,
    metadata: metadataOf,
    latent: new Uint8Array(featureCount),
    words: raw.words,
    grams: raw.grams,
    groups: raw.groups,
    metadataTerms: raw.metadataTerms,
  }
  return latentRank > 0 ? withLatentFeatures(index, Math.round(latentRank), latentWeight) : index
}

/** Whether a feature is a plain word (not a pair, lead feature, character n-gram, plural group or latent feature). */
const isWord = (index: TextIndex, feature: number): boolean =>
  (index.secondWord[feature] ?? 0) < 0 &&
  !index.lead[feature] &&
  !index.charGram[feature] &&
  !index.group[feature] &&
  !index.metadata[feature] &&
  !index.latent[feature]

/** The index with the latent features appended (see {@link TextIndexOptions.latentRank}). */
function withLatentFeatures(index: TextIndex, rank: number, weight: number): TextIndex {
  const { rowCount, featureCount, rowStart, columns, values } = index
  // The records × words matrix, rows L2-normalised over their words.
  const wordId = new Int32Array(featureCount).fill(-1)
  let wordCount = 0
  for (let feature = 0; feature < featureCount; feature++)
    if (isWord(index, feature)) wordId[feature] = wordCount++
  const wordStart = new Int32Array(rowCount + 1)
  const wordColumns = new Int32Array(columns.length)
  const wordValues = new Float32Array(columns.length)
  let size = 0
  for (let row = 0; row < rowCount; row++) {
    const begin = size
    let squares = 0
    for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
      const id = wordId[columns[at] ?? 0] ?? -1
      if (id < 0) continue
      const value = values[at] ?? 0
      wordColumns[size] = id
      wordValues[size++] = value
      squares += value * value
    }
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0
    for (let at = begin; at < size; at++) wordValues[at] = (wordValues[at] ?? 0) * scale
    wordStart[row + 1] = size
  }
  const latent = latentRows(
    { rowCount, columnCount: wordCount, rowStart: wordStart, columns: wordColumns, values: wordValues },
    rank,
  )
  const width = latent.width
  // Rows with latent values get `width` more entries; the sparse part is scaled so that the row keeps unit length.
  const sparseScale = 1 / Math.sqrt(1 + weight * weight)
  const latentScale = weight * sparseScale
  const hasLatent = (row: number): boolean => (wordStart[row + 1] ?? 0) > (wordStart[row] ?? 0)
  let total = columns.length
  for (let row = 0; row < rowCount; row++) if (hasLatent(row)) total += width
  const newStart = new Int32Array(rowCount + 1)
  const newColumns = new Int32Array(total)
  const newValues = new Float32Array(total)
  let at = 0
  for (let row = 0; row < rowCount; row++) {
    const latentHere = hasLatent(row)
    for (let from = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; from < end; from++) {
      newColumns[at] = columns[from] ?? 0
      newValues[at++] = (values[from] ?? 0) * (latentHere ? sparseScale : 1)
    }
    if (latentHere)
      for (let component = 0; component < width; component++) {
        newColumns[at] = featureCount + component
        newValues[at++] = latentScale * (latent.rows[row * width + component] ?? 0)
      }
    newStart[row + 1] = at
  }
  const grown = <T extends Int32Array | Uint8Array | Float32Array>(
    array: T,
    fill: (component: number) => number,
  ): T => {
    const out = new (array.constructor as new (length: number) => T)(featureCount + width)
    out.set(array)
    for (let component = 0; component < width; component++) out[featureCount + component] = fill(component)
    return out
  }
  return {
    ...index,
    featureCount: featureCount + width,
    rowStart: newStart,
    columns: newColumns,
    values: newValues,
    idf: grown(index.idf, () => 1),
    firstWord: grown(index.firstWord, (component) => component),
    secondWord: grown(index.secondWord, () => -1),
    lead: grown(index.lead, () => 0),
    charGram: grown(index.charGram, () => 0),
    group: grown(index.group, () => 0),
    metadata: grown(index.metadata, () => 0),
    latent: grown(index.latent, () => 1),
  }
}

/**
 * The words of a feature, e.g. "renal" or "renal failure"; a character n-gram as itself, e.g. " ren"; a plural
 * group as its singular, e.g. "trial"; a latent feature as "latent" and its component, e.g. "latent 3"; metadata as
 * its token, e.g. "author: frilling a".
 */
export function featureTerm(index: TextIndex, feature: number): string {
  if (index.latent[feature]) return `latent ${index.firstWord[feature] ?? 0}`
  if (index.charGram[feature]) return index.grams[index.firstWord[feature] ?? 0] ?? ''
  if (index.group[feature]) return index.groups[index.firstWord[feature] ?? 0] ?? ''
  if (index.metadata[feature]) return index.metadataTerms[index.firstWord[feature] ?? 0] ?? ''
  const first = index.words[index.firstWord[feature] ?? 0] ?? ''
  const second = index.secondWord[feature] ?? -1
  return second < 0 ? first : `${first} ${index.words[second] ?? ''}`
}
