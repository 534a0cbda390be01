import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'

import { parseFile, type ParsedFile } from '../../core/import/import-file'
import { CliError, exitCodes } from '../framework'

export type InputFile = { path: string; parsed: ParsedFile }

/** Reads and parses each path; a missing or unreadable path is a clear error, never a stack trace. */
export async function readInputs(paths: string[]): Promise<InputFile[]> {
  if (paths.length === 0) throw new CliError('Name at least one file.', exitCodes.usage)
  const inputs: InputFile[] = []
  for (const path of paths) {
    let bytes: Uint8Array
    try {
      if ((await stat(path)).isDirectory()) throw new CliError(`${path} is a folder, not a file.`)
      bytes = new Uint8Array(await readFile(path))
    } catch (error) {
      if (error instanceof CliError) throw error
      const code = (error as { code?: string }).code
      throw new CliError(
        code === 'ENOENT' ? `${path}: no such file.` : `${path}: cannot be read (${code ?? 'error'}).`,
      )
    }
    inputs.push({ path, parsed: parseFile(bytes, basename(path)) })
  }
  return inputs
}
