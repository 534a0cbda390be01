import type { ColumnMapping } from '../../../core/import/csv-columns'
import type { CsvColumns } from '../../../core/import/import-file'
import type { ParseWarning } from '../../../core/import/types'

/** What the import preview shows about one file, before anything is written. */
export type FilePreview = {
  fileName: string
  size: number
  format: string
  formatLabel: string
  encoding: string
  /** Guessed source database; the user may correct it before importing. */
  database: string
  recordCount: number
  /** Extra records a file offers besides its own (similar / cited-by entries of a copied PubMed page). */
  extrasCount: number
  /** The first warnings, each with its line; `warningCount` has the total. */
  warnings: ParseWarning[]
  warningCount: number
  truncatedAtLine: number | null
  /** Why the file cannot be imported at all, or null. */
  error: string | null
  hash: string
  /** An earlier import of the very same file in this project. */
  duplicateOf: { fileName: string; createdAt: string } | null
  sampleTitles: string[]
  /** CSV/TSV only: each column and the record field it fills, which the user may change. */
  columns: CsvColumns | null
}

export type CommitChoice = {
  fileIndex: number
  source: string
  includeExtras: boolean
}

export type ImportRequest =
  | { type: 'parse'; projectId: string; files: { name: string; bytes: Uint8Array }[] }
  | { type: 'commit'; projectId: string; choices: CommitChoice[] }
  | { type: 'remap'; projectId: string; fileIndex: number; mapping: ColumnMapping }

export type ImportProgress = {
  phase: 'parse' | 'commit'
  fileIndex: number
  fileName: string
  done: number
  total: number
  /** `bytes` while reading a file, `records` while writing. */
  unit: 'bytes' | 'records'
}

export type CommittedBatch = { fileIndex: number; fileName: string; batchId: string; recordCount: number }

export type ImportResponse =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'parsed'; files: FilePreview[] }
  | { type: 'remapped'; fileIndex: number; file: FilePreview }
  | { type: 'committed'; batches: CommittedBatch[] }
  | { type: 'failed'; message: string; batches: CommittedBatch[] }

/** How many warnings travel to the preview; the rest are counted. */
export const previewWarningLimit = 200
