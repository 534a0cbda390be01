import { findDuplicates, type DedupInput } from '../../core/dedup/find-duplicates'
import type { CitationRecord } from '../../core/records/record'
import { CliError, exitCodes, type Command } from '../framework'
import { readInputs, type InputFile } from './read-inputs'

/** Columns that import maps onto record fields, so they are not in `raw` but can still serve as ids. */
const fieldColumns: Record<string, (record: CitationRecord) => string> = {
  doi: (record) => record.doi,
  pmid: (record) => record.pmid,
  'pubmed id': (record) => record.pmid,
  pmcid: (record) => record.pmcid,
}

/** The value of a CSV column for one record: verbatim from `raw`, else from the field the column was mapped to. */
function columnValue(record: CitationRecord, column: string): string | undefined {
  const wanted = column.toLowerCase()
  const raw = record.raw.find((field) => field.tag.toLowerCase() === wanted)
  if (raw) return raw.value.trim()
  return fieldColumns[wanted]?.(record)
}

/**
 * Gives every record its id: the `--id-column` value for CSV/TSV files that have that column, else its position
 * (1-based, across all files, as `sift classify` numbers records). Ids must be unique, so a repeated or empty id
 * value is an input error rather than a silent merge.
 */
function identify(inputs: readonly InputFile[], idColumn: string | undefined): DedupInput[] {
  const records: DedupInput[] = []
  const seen = new Set<string>()
  for (const { path, parsed } of inputs) {
    const hasColumn =
      idColumn !== undefined &&
      (parsed.columns?.headers.some((header) => header.trim().toLowerCase() === idColumn.toLowerCase()) ??
        false)
    if (idColumn !== undefined && parsed.columns && !hasColumn)
      throw new CliError(`${path}: no column named "${idColumn}".`, exitCodes.usage)
    parsed.records.forEach((record, index) => {
      const position = String(records.length + 1)
      const id = hasColumn && idColumn ? (columnValue(record, idColumn) ?? '') : position
      if (!id) throw new CliError(`${path}: record ${index + 1} has an empty "${idColumn ?? ''}".`)
      if (seen.has(id)) throw new CliError(`${path}: id "${id}" appears twice; ids must be unique.`)
      seen.add(id)
      records.push({ id, record })
    })
  }
  return records
}

/** `sift dedup FILE… [--id-column NAME]`: duplicate clusters and pairs to review, as one JSON object. */
export const dedupCommand: Command = {
  name: 'dedup',
  summary: 'Find duplicate records across citation files: certain clusters and uncertain pairs, as JSON.',
  usage: 'dedup FILE… [--id-column NAME]',
  options: [
    {
      name: 'id-column',
      kind: 'value',
      valueName: 'NAME',
      description: 'CSV/TSV column whose values identify records (default: position, 1-based, across files).',
    },
  ],
  async run(args, { io }) {
    const inputs = await readInputs(args.positionals)
    const unreadable = inputs.filter(({ parsed }) => parsed.error)
    if (unreadable.length > 0) {
      throw new CliError(unreadable.map(({ path, parsed }) => `${path}: ${parsed.error}`).join('\n'))
    }
    const result = findDuplicates(identify(inputs, args.values.get('id-column')))
    // Exactly the documented shape: the core's review reasons stay out of the machine-readable contract.
    const output = {
      clusters: result.clusters,
      uncertain: result.uncertain.map(({ ids, score }) => ({ ids, score })),
    }
    io.out(JSON.stringify(output))
    return exitCodes.ok
  },
}
