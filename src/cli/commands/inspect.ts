import { exitCodes, type Command } from '../framework'
import { readInputs } from './read-inputs'

/** `sift inspect FILE…`: what Sift reads in each file, one JSON object per file. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Detect format, encoding and database of citation files; count records and list warnings.',
  usage: 'inspect FILE…',
  options: [],
  async run(args, { io }) {
    const inputs = await readInputs(args.positionals)
    let isAnyUnreadable = false
    for (const { path, parsed } of inputs) {
      isAnyUnreadable ||= parsed.error !== null
      const summary = {
        file: path,
        format: parsed.format,
        encoding: parsed.encoding,
        database: parsed.database,
        records: parsed.records.length,
        warnings: parsed.warnings,
        ...(parsed.truncated ? { truncatedAtLine: parsed.truncated.line } : {}),
        ...(parsed.error ? { error: parsed.error } : {}),
      }
      // Always JSON, one object per line: the output is meant for scripts and for pasting into bug reports.
      io.out(JSON.stringify(summary))
      if (parsed.error) io.err(`sift: ${path}: ${parsed.error}`)
    }
    return isAnyUnreadable ? exitCodes.badInput : exitCodes.ok
  },
}
