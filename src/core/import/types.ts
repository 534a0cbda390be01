import type { CitationRecord } from '../records/record'

/** A problem found while parsing, tied to the 1-based line of the input where it was found. */
export type ParseWarning = {
  line: number
  message: string
}

/** Reports parse progress in characters of the decoded text: `done` of `total`. */
export type ProgressCallback = (done: number, total: number) => void

/**
 * What every format parser returns. Parsers never throw on bad input: a bad record becomes a warning.
 * `truncated` is set when the input ends inside a record (a cut-off download); that record is left out.
 * `extras` holds secondary records a format offers besides its own (the similar / cited-by entries of a copied
 * PubMed page); they are not part of `records` and the UI offers them separately.
 */
export type ParseResult = {
  records: CitationRecord[]
  warnings: ParseWarning[]
  truncated?: { line: number }
  extras?: CitationRecord[]
}

/** One import format: content detection plus a parser. Listed explicitly in `formats/index.ts`. */
export type ImportFormat = {
  id: string
  label: string
  /** Lower-case file extensions without the dot, used only to break ties between equally confident formats. */
  extensions: readonly string[]
  /** Confidence between 0 and 1 that `head` (the first few kB of decoded text) is in this format. */
  detect: (head: string) => number
  parse: (text: string, onProgress?: ProgressCallback) => ParseResult
}
