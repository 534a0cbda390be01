import { readCsv, sniffDelimiter } from '../import/csv-reader'
import { WarningCollector } from '../import/warnings'
import { metadataOfCells, metadataTokens } from './metadata'
import { buildTextIndex, type TextIndex, type TextIndexOptions } from './text-index'

/** A screening dataset with known decisions, for simulations: one text and one label per record, in file order. */
export type LabelledDataset = {
  ids: string[]
  /** Title, abstract and keywords joined by spaces (the text the ranking model reads). */
  texts: string[]
  /** Per record, the length in characters of the title at the start of its text (0 = no title). */
  titleLengths: number[]
  /** Per record, its `metadataTokens` from the `authors`, `journal` and `year` columns where the file has them. */
  metadata: string[][]
  /** 1 = included, 0 = excluded. */
  labels: Uint8Array
}

const labelWords: Record<string, 0 | 1> = { '1': 1, '0': 0, true: 1, false: 0, yes: 1, no: 0 }

/**
 * Reads a labelled CSV (`record_id,title,abstract,label`; more columns allowed, `keywords`, `authors`, `journal`
 * and `year` are used when present,
 * headers are matched case-insensitively, the delimiter is sniffed). Returns a message instead of throwing when the
 * file cannot be used: a missing column, or a label that is not 1/0 (true/false, yes/no), with its line.
 */
export function readLabelledCsv(text: string): LabelledDataset | { error: string } {
  const { rows, lines } = readCsv(text, sniffDelimiter(text.slice(0, 4096)), new WarningCollector())
  const [header, ...body] = rows
  const columns = (header ?? []).map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  )
  const column = (name: string): number => columns.indexOf(name)
  const [title, abstract, label, id, keywords, authors, journal, year] = [
    'title',
    'abstract',
    'label',
    'record_id',
    'keywords',
    'authors',
    'journal',
    'year',
  ].map(column)
  if (label === undefined || label < 0) return { error: 'no "label" column (1 = included, 0 = excluded).' }
  if ((title ?? -1) < 0 && (abstract ?? -1) < 0) return { error: 'no "title" or "abstract" column.' }
  const dataset: LabelledDataset = {
    ids: [],
    texts: [],
    titleLengths: [],
    metadata: [],
    labels: new Uint8Array(body.length),
  }
  for (const [at, row] of body.entries()) {
    const cell = (index: number | undefined): string => (index === undefined ? '' : (row[index] ?? ''))
    const value = labelWords[cell(label).trim().toLowerCase()]
    if (value === undefined)
      return { error: `line ${lines[at + 1] ?? at + 2}: label "${cell(label)}" is not 1 or 0.` }
    dataset.labels[at] = value
    dataset.ids.push((id ?? -1) >= 0 ? cell(id) : String(at))
    dataset.titleLengths.push(cell(title).length)
    dataset.texts.push([cell(title), cell(abstract), cell(keywords)].filter((part) => part !== '').join(' '))
    dataset.metadata.push(metadataTokens(metadataOfCells(cell(authors), cell(journal), cell(year))))
  }
  return dataset
}

/** The text index of a labelled dataset as the simulations build it: its texts, with the titles they start with. */
export function indexLabelledDataset(dataset: LabelledDataset, options: TextIndexOptions = {}): TextIndex {
  return buildTextIndex(dataset.texts, options, dataset.titleLengths, dataset.metadata)
}
