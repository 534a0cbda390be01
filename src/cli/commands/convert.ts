import { writeFile } from 'node:fs/promises'

import { toJsonl } from '../../core/export/jsonl'
import { recordsToCsv } from '../../core/export/records-csv'
import { toRis } from '../../core/export/ris'
import type { CitationRecord } from '../../core/records/record'
import { CliError, exitCodes, type Command } from '../framework'
import { readInputs } from './read-inputs'

const writers: Record<string, (records: readonly CitationRecord[]) => string> = {
  jsonl: toJsonl,
  csv: recordsToCsv,
  ris: toRis,
}

/** `sift convert FILE… --to jsonl|csv|ris [-o OUT]`: normalised records of every file, in one output. */
export const convertCommand: Command = {
  name: 'convert',
  summary: 'Convert citation files to normalised JSONL, spreadsheet-safe CSV or RIS.',
  usage: 'convert FILE… --to jsonl|csv|ris [-o OUT]',
  options: [
    { name: 'to', kind: 'value', valueName: 'FORMAT', description: 'Output format: jsonl, csv or ris.' },
    {
      name: 'out',
      short: 'o',
      kind: 'value',
      valueName: 'OUT',
      description: 'Write to this file (default: stdout).',
    },
  ],
  async run(args, { io, isJson }) {
    const format = args.values.get('to')
    const write = format ? writers[format] : undefined
    if (!write)
      throw new CliError('Say the output format with --to jsonl, --to csv or --to ris.', exitCodes.usage)
    const inputs = await readInputs(args.positionals)
    const unreadable = inputs.filter(({ parsed }) => parsed.error)
    if (unreadable.length > 0) {
      throw new CliError(unreadable.map(({ path, parsed }) => `${path}: ${parsed.error}`).join('\n'))
    }
    for (const { path, parsed } of inputs) {
      for (const warning of parsed.warnings) {
        io.err(`sift: ${path}${warning.line > 0 ? `:${warning.line}` : ''}: ${warning.message}`)
      }
    }
    const records = inputs.flatMap(({ parsed }) => parsed.records)
    const text = write(records)
    const out = args.values.get('out')
    if (!out) {
      io.out(text.replace(/\r?\n$/, ''))
      return exitCodes.ok
    }
    try {
      await writeFile(out, text, 'utf8')
    } catch (error) {
      throw new CliError(`${out}: cannot be written (${(error as { code?: string }).code ?? 'error'}).`)
    }
    const summary = { out, format, records: records.length, files: inputs.length }
    io.err(
      isJson
        ? JSON.stringify(summary)
        : `Wrote ${records.length} records from ${inputs.length} file(s) to ${out}.`,
    )
    return exitCodes.ok
  },
}
