import type { DedupInput } from '../src/core/dedup/find-duplicates'
import type { Author, CitationRecord } from '../src/core/records/record'

/** A generated set: records and each record's true paper (same order), for timing and a sanity check of accuracy. */
export type SyntheticSet = { records: DedupInput[]; groups: string[] }

/** Mulberry32: a small seeded generator, so every run times exactly the same input. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T
}

/**
 * A new paper made from a real one: two title words swapped for words of other real titles, one word appended,
 * other authors, year, volume and pages. Titles therefore look like real titles and share most words with their
 * seed, which is what makes blocking and scoring work hard.
 */
function newPaper(
  seed: CitationRecord,
  vocabulary: string[],
  families: string[],
  next: () => number,
  n: number,
): CitationRecord {
  const words = seed.title.split(' ').filter(Boolean)
  if (words.length === 0) words.push(pick(vocabulary, next))
  for (let swap = 0; swap < 2; swap++) words[Math.floor(next() * words.length)] = pick(vocabulary, next)
  words.push(pick(vocabulary, next))
  const authors: Author[] = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
    family: pick(families, next),
    given: String.fromCharCode(65 + Math.floor(next() * 26)),
  }))
  const first = 1 + Math.floor(next() * 2000)
  return {
    ...seed,
    title: words.join(' '),
    authors,
    year: 1990 + Math.floor(next() * 32),
    volume: String(1 + Math.floor(next() * 300)),
    pages: `${first}-${first + 3 + Math.floor(next() * 12)}`,
    doi: next() < 0.5 ? `10.9999/synthetic.${n}` : '',
    raw: [],
  }
}

/** A database's copy of a paper: changed case, author form, page style, journal form, a dropped DOI or note. */
function copyOf(paper: CitationRecord, next: () => number): CitationRecord {
  const copy = { ...paper }
  const roll = next()
  if (roll < 0.25) copy.title = copy.title.toUpperCase()
  else if (roll < 0.5) copy.title = `${copy.title.toLowerCase()}.`
  else if (roll < 0.6) copy.title = `${copy.title}. [Review] [${Math.floor(next() * 90)} refs]`
  if (next() < 0.5)
    copy.authors = copy.authors.map((author) => ({
      family: author.family.toUpperCase(),
      given: `${author.given}.`,
    }))
  if (next() < 0.5) {
    const [start = '', end = ''] = copy.pages.split('-')
    copy.pages = end.length === start.length ? `${start}-${end.slice(-1)}` : start
  }
  if (next() < 0.5) copy.doi = ''
  if (next() < 0.3)
    copy.journal = copy.journal
      .split(' ')
      .map((word) => word.slice(0, 4))
      .join(' ')
  return copy
}

/**
 * `count` records from real seed records: about 62 % distinct papers and 38 % copies of them (zero to three per
 * paper), shuffled so copies are not adjacent in input order.
 */
export function syntheticSet(seeds: readonly CitationRecord[], count: number, seed = 42): SyntheticSet {
  const next = random(seed)
  const vocabulary = [
    ...new Set(seeds.flatMap((record) => record.title.split(' ')).filter((word) => word.length > 3)),
  ]
  const families = [
    ...new Set(seeds.flatMap((record) => record.authors.map((author) => author.family)).filter(Boolean)),
  ]
  const out: { record: CitationRecord; group: string }[] = []
  for (let n = 0; out.length < count; n++) {
    const paper = newPaper(pick(seeds, next), vocabulary, families, next, n)
    out.push({ record: paper, group: `p${n}` })
    const copies = next() < 0.45 ? 1 + Math.floor(next() * 3) : 0
    for (let c = 0; c < copies && out.length < count; c++)
      out.push({ record: copyOf(paper, next), group: `p${n}` })
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]]
  }
  return {
    records: out.map((item, index) => ({ id: String(index), record: item.record })),
    groups: out.map((item) => item.group),
  }
}
