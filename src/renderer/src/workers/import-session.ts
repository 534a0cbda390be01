import type { ColumnMapping } from '../../../core/import/csv-columns'
import { formatById } from '../../../core/import/formats'
import { parseFile, type ParsedFile } from '../../../core/import/import-file'
import type { ImportsRepo } from '../db/repos/imports'
import {
  previewWarningLimit,
  type CommitChoice,
  type CommittedBatch,
  type FilePreview,
  type ImportProgress,
} from './import-protocol'

type Parsed = { name: string; bytes: Uint8Array; result: ParsedFile }

/** Progress is sent at most this often, so messages never flood the UI thread. */
const progressIntervalMs = 50

/**
 * The work behind the import worker: parse files into a preview, then commit the chosen ones, each as one batch.
 * Kept apart from the worker's message plumbing so it can be tested directly.
 */
export class ImportSession {
  private parsed: Parsed[] = []

  constructor(
    private readonly repo: ImportsRepo,
    private readonly onProgress: (progress: ImportProgress) => void,
  ) {}

  async parse(projectId: string, files: { name: string; bytes: Uint8Array }[]): Promise<FilePreview[]> {
    this.parsed = []
    const previews: FilePreview[] = []
    for (const [fileIndex, file] of files.entries()) {
      const report = this.throttled()
      const result = parseFile(file.bytes, file.name, (done, total) =>
        report({
          phase: 'parse',
          fileIndex,
          fileName: file.name,
          done: Math.round((done / Math.max(total, 1)) * file.bytes.length),
          total: file.bytes.length,
          unit: 'bytes',
        }),
      )
      this.parsed.push({ name: file.name, bytes: file.bytes, result })
      previews.push(await this.preview(projectId, file.name, file.bytes.length, result))
    }
    return previews
  }

  /** Re-reads a CSV/TSV file with the user's column mapping; returns its new preview. */
  async remap(projectId: string, fileIndex: number, mapping: ColumnMapping): Promise<FilePreview> {
    const file = this.parsed[fileIndex]
    if (!file) throw new Error('That file is no longer in the preview; choose it again.')
    file.result = parseFile(file.bytes, file.name, undefined, { csvMapping: mapping })
    return this.preview(projectId, file.name, file.bytes.length, file.result)
  }

  private async preview(
    projectId: string,
    fileName: string,
    size: number,
    result: ParsedFile,
  ): Promise<FilePreview> {
    const earlier = result.error ? undefined : await this.repo.findByHash(projectId, result.hash)
    return {
      fileName,
      size,
      format: result.format,
      formatLabel: formatById(result.format)?.label ?? (result.format || 'Unknown'),
      encoding: result.encoding,
      database: result.database,
      recordCount: result.records.length,
      extrasCount: result.extras.length,
      warnings: result.warnings.slice(0, previewWarningLimit),
      warningCount: result.warnings.length,
      truncatedAtLine: result.truncated?.line ?? null,
      error: result.error ?? (result.records.length === 0 ? 'No records were found in this file.' : null),
      hash: result.hash,
      duplicateOf: earlier ? { fileName: earlier.fileName, createdAt: earlier.createdAt } : null,
      sampleTitles: result.records.slice(0, 3).map((record) => record.title || '(no title)'),
      columns: result.columns,
    }
  }

  /**
   * Commits each chosen file as its own batch (all of its records or none). Stops at the first failure: batches
   * already committed stay, and the failure comes back as `error`.
   */
  async commit(
    projectId: string,
    choices: CommitChoice[],
  ): Promise<{ batches: CommittedBatch[]; error: string | null }> {
    const batches: CommittedBatch[] = []
    try {
      await this.commitEach(projectId, choices, batches)
      return { batches, error: null }
    } catch (error) {
      return { batches, error: error instanceof Error ? error.message : String(error) }
    }
  }

  private async commitEach(
    projectId: string,
    choices: CommitChoice[],
    batches: CommittedBatch[],
  ): Promise<void> {
    for (const choice of choices) {
      const file = this.parsed[choice.fileIndex]
      if (!file || file.result.error) continue
      const source = choice.source.trim() || file.result.database || 'Unknown source'
      const records = [...file.result.records, ...(choice.includeExtras ? file.result.extras : [])].map(
        (record) => ({
          ...record,
          source,
        }),
      )
      const report = this.throttled()
      const batch = await this.repo.commitBatch(
        {
          projectId,
          fileName: file.name,
          hash: file.result.hash,
          format: file.result.format,
          encoding: file.result.encoding,
          source,
          warningCount: file.result.warnings.length,
          records,
        },
        (done, total) =>
          report({
            phase: 'commit',
            fileIndex: choice.fileIndex,
            fileName: file.name,
            done,
            total,
            unit: 'records',
          }),
      )
      batches.push({
        fileIndex: choice.fileIndex,
        fileName: file.name,
        batchId: batch.id,
        recordCount: batch.recordCount,
      })
    }
  }

  private throttled(): (progress: ImportProgress) => void {
    let last = 0
    return (progress) => {
      const now = Date.now()
      if (now - last < progressIntervalMs && progress.done < progress.total) return
      last = now
      this.onProgress(progress)
    }
  }
}
