import { normaliseDoi, splitAuthorList } from '../records/normalise'
import type { RawField } from '../records/record'
import { sliceTrimmed } from './lines'

/**
 * Where a tag's or column's value goes. Tag-to-field maps in each format are plain data of this type.
 * `authorAlt` is a fallback author list (MEDLINE `AU`, WoS `AU`) used only when the full-name list is empty;
 * `authorList` and `keywordList` are one-cell lists to split; `doiMaybe` is kept only if it holds a DOI.
 */
export type FieldTarget =
  | 'title'
  | 'abstract'
  | 'author'
  | 'authorAlt'
  | 'authorList'
  | 'year'
  | 'date'
  | 'journal'
  | 'journalAbbrev'
  | 'volume'
  | 'issue'
  | 'startPage'
  | 'endPage'
  | 'pages'
  | 'doi'
  | 'doiMaybe'
  | 'pmid'
  | 'pmcid'
  | 'pmcidMaybe'
  | 'issn'
  | 'keyword'
  | 'keywordList'
  | 'mesh'
  | 'meshList'
  | 'publicationType'
  | 'language'
  | 'url'

/** A tag-to-field map: keys are the exporter's tags or lower-cased column headers. */
export type TagMap = Readonly<Partial<Record<string, FieldTarget>>>

/**
 * The field `tag` fills in `map`, or undefined. Only the map's own keys count: a CSV column headed `constructor` or
 * `__proto__` would otherwise find the object prototype's members and its values would be lost.
 */
export function targetOf(map: TagMap, tag: string): FieldTarget | undefined {
  return Object.hasOwn(map, tag) ? map[tag] : undefined
}

/** A record being assembled from tagged lines or cells; `finishDraft` normalises it into a `CitationRecord`. */
export type Draft = {
  title: string
  abstract: string
  authors: string[]
  altAuthors: string[]
  year: string
  /** A full date (RIS `DA`); its year is used only when `year` holds none (EndNote puts `DA  - Jun` first). */
  date: string
  journal: string
  journalAbbrev: string
  volume: string
  issue: string
  startPage: string
  endPage: string
  pages: string
  doi: string
  pmid: string
  pmcid: string
  issn: string[]
  keywords: string[]
  mesh: string[]
  publicationTypes: string[]
  language: string
  urls: string[]
  raw: RawField[]
}

/** A draft with every field empty. */
export function newDraft(): Draft {
  return {
    title: '',
    abstract: '',
    authors: [],
    altAuthors: [],
    year: '',
    date: '',
    journal: '',
    journalAbbrev: '',
    volume: '',
    issue: '',
    startPage: '',
    endPage: '',
    pages: '',
    doi: '',
    pmid: '',
    pmcid: '',
    issn: [],
    keywords: [],
    mesh: [],
    publicationTypes: [],
    language: '',
    urls: [],
    raw: [],
  }
}

type ScalarKey = 'title' | 'abstract' | 'year' | 'date' | 'journal' | 'journalAbbrev' | 'volume' | 'issue'
type ScalarTarget = ScalarKey | 'startPage' | 'endPage' | 'pages' | 'doi' | 'pmid' | 'pmcid' | 'language'

/**
 * Puts `value` (from `tag`) into the draft. A scalar field that is already filled keeps its first value and the
 * later one goes to `raw` verbatim, so nothing is lost (e.g. RIS files with both `TI` and `T1`).
 */
export function applyField(draft: Draft, target: FieldTarget, value: string, tag: string): void {
  if (!value) return
  switch (target) {
    case 'author':
      draft.authors = withItem(draft.authors, value)
      return
    case 'authorAlt':
      draft.altAuthors = withItem(draft.altAuthors, value)
      return
    case 'authorList':
      for (const name of splitAuthorList(value)) draft.authors.push(name)
      return
    case 'issn':
      draft.issn = withItem(draft.issn, value)
      return
    case 'keyword':
      draft.keywords = withItem(draft.keywords, value)
      return
    case 'keywordList':
      draft.keywords = pushSplit(draft.keywords, value)
      return
    case 'mesh':
      draft.mesh = withItem(draft.mesh, value)
      return
    case 'meshList':
      draft.mesh = pushSplit(draft.mesh, value)
      return
    case 'publicationType':
      draft.publicationTypes = withItem(draft.publicationTypes, value)
      return
    case 'url':
      draft.urls = withItem(draft.urls, value)
      return
    case 'doiMaybe':
      if (!draft.doi && normaliseDoi(value)) draft.doi = value
      else draft.raw.push({ tag, value })
      return
    case 'pmcidMaybe':
      if (!draft.pmcid && /^PMC\d+$/i.test(value.trim())) draft.pmcid = value
      else draft.raw.push({ tag, value })
      return
    default:
      setScalar(draft, target, value, tag)
  }
}

function setScalar(draft: Draft, target: ScalarTarget, value: string, tag: string): void {
  if (draft[target]) draft.raw.push({ tag, value })
  else draft[target] = value
}

/**
 * `list` with `value` appended. The first three items build exact-size arrays: `push` on an empty array reserves 17
 * slots, and on 100,000-record files that unused space (one array per list per record) was a large share of the
 * garbage the tagged parsers made. Longer lists grow with `push` as usual.
 */
export function withItem<T>(list: T[], value: T): T[] {
  switch (list.length) {
    case 0:
      return [value]
    case 1:
      return [list[0] as T, value]
    case 2:
      return [list[0] as T, list[1] as T, value]
    default:
      list.push(value)
      return list
  }
}

function pushSplit(list: string[], value: string): string[] {
  const separator = value.includes(';') ? ';' : value.includes('|') ? '|' : ''
  if (!separator) return withItem(list, value.trim())
  // `value.split(separator)` then trimming each part, without the parts array and the untrimmed parts (WoS `DE`/`ID`
  // lines split on every record).
  let out = list
  let start = 0
  for (;;) {
    const at = value.indexOf(separator, start)
    const end = at < 0 ? value.length : at
    const item = sliceTrimmed(value, start, end)
    if (item) out = withItem(out, item)
    if (at < 0) return out
    start = at + 1
  }
}

/** True for targets that hold a list: EndNote RIS continuation lines under them are further items, not wrapped text. */
export function isListTarget(target: FieldTarget): boolean {
  return scalarKey(target) === null
}

/** Appends a continuation line to the value last stored for `target`, joined by a space. */
export function appendToLast(draft: Draft, target: FieldTarget, text: string): boolean {
  const list = listFor(draft, target)
  if (list) {
    if (list.length === 0) return false
    list[list.length - 1] += ` ${text}`
    return true
  }
  const key = scalarKey(target)
  if (!key || !draft[key]) return false
  draft[key] += ` ${text}`
  return true
}

function scalarKey(target: FieldTarget): ScalarTarget | null {
  switch (target) {
    case 'doiMaybe':
    case 'pmcidMaybe':
    case 'authorList':
    case 'keywordList':
    case 'meshList':
    case 'author':
    case 'authorAlt':
    case 'issn':
    case 'keyword':
    case 'mesh':
    case 'publicationType':
    case 'url':
      return null
    default:
      return target
  }
}

function listFor(draft: Draft, target: FieldTarget): string[] | null {
  switch (target) {
    case 'author':
      return draft.authors
    case 'authorAlt':
      return draft.altAuthors
    case 'issn':
      return draft.issn
    case 'keyword':
      return draft.keywords
    case 'mesh':
      return draft.mesh
    case 'publicationType':
      return draft.publicationTypes
    case 'url':
      return draft.urls
    default:
      return null
  }
}
