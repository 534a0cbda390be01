/**
 * Native open/save dialogs and reads/writes of files the user picked. Main moves bytes only: it never
 * parses a citation file, the renderer's import worker does.
 *
 * `file:read` and `file:write` accept only paths the user chose in one of our dialogs during this session,
 * so a compromised renderer cannot read `~/.ssh` or overwrite arbitrary files.
 */
import { app, dialog, type OpenDialogOptions } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import {
  CITATION_FILE_FILTERS,
  type OpenFilesOptions,
  type PickedFile,
  type SaveFileRequest,
  type SaveFileResult,
} from '../shared/ipc/contract'
import { writeFileAtomic } from './atomic-write'
import type { HandlerContext } from './ipc/handle'

/**
 * Largest file handed to the renderer in one IPC message. Chromium's IPC refuses messages of a few hundred
 * MiB; this leaves headroom while covering the 100 MB imports the benchmarks use (P7).
 */
export const MAX_READ_BYTES = 200 * 1024 * 1024

/** Paths the user picked through a dialog in this session; nothing else may be read or written. */
export class PickedPaths {
  readonly #paths = new Set<string>()

  /** Remembers `path` (normalised to an absolute path). */
  add(path: string): void {
    this.#paths.add(resolve(path))
  }

  /** True when `path` normalises to a path the user picked. */
  has(path: string): boolean {
    return this.#paths.has(resolve(path))
  }
}

/** The file-related handlers, over one allow-set. */
export type FileHandlers = {
  openFiles: (context: HandlerContext, options?: OpenFilesOptions) => Promise<PickedFile[]>
  saveFile: (context: HandlerContext, request: SaveFileRequest) => Promise<SaveFileResult>
  readFile: (context: HandlerContext, path: string) => Promise<Uint8Array<ArrayBuffer>>
  writeFile: (context: HandlerContext, path: string, data: string | Uint8Array) => Promise<void>
}

/** Builds the handlers of `dialog:open-files`, `dialog:save-file`, `file:read` and `file:write`. */
export function createFileHandlers(picked: PickedPaths): FileHandlers {
  return {
    openFiles: async ({ window }, options = {}) => {
      const result = await dialog.showOpenDialog(window, openDialogOptions(options))
      if (result.canceled) return []
      result.filePaths.forEach((path) => picked.add(path))
      return Promise.all(result.filePaths.map(readPickedFile))
    },
    saveFile: async ({ window }, request) => {
      const result = await dialog.showSaveDialog(window, {
        defaultPath: join(app.getPath('documents'), request.suggestedName),
        filters: request.filters ?? [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      if (result.canceled || result.filePath === undefined || result.filePath === '') return { saved: false }
      await writeFileAtomic(result.filePath, request.data)
      picked.add(result.filePath)
      return { saved: true, path: result.filePath }
    },
    readFile: async (_context, path) => {
      assertPicked(picked, path)
      return readBytes(path)
    },
    writeFile: async (_context, path, data) => {
      assertPicked(picked, path)
      await writeFileAtomic(resolve(path), data)
    },
  }
}

function openDialogOptions(options: OpenFilesOptions): OpenDialogOptions {
  return {
    title: options.title ?? 'Import citations',
    filters: options.filters ?? [...CITATION_FILE_FILTERS],
    properties: options.isMultiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
  }
}

function assertPicked(picked: PickedPaths, path: string): void {
  if (!picked.has(path)) {
    throw new Error('Refused: Sift only reads and writes files you chose in an open or save dialog')
  }
}

async function readPickedFile(path: string): Promise<PickedFile> {
  return { name: basename(path), path, bytes: await readBytes(path) }
}

/**
 * Reads a whole file as a Uint8Array that owns exactly its bytes: IPC clones a view's entire underlying
 * buffer, so a view into a larger pooled buffer would leak unrelated memory and waste time.
 */
async function readBytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const info = await stat(path)
  if (!info.isFile()) throw new Error(`${basename(path)} is not a file`)
  if (info.size > MAX_READ_BYTES) {
    const mib = Math.round(info.size / 1024 / 1024)
    throw new Error(
      `${basename(path)} is ${mib} MiB; files over ${MAX_READ_BYTES / 1024 / 1024} MiB cannot be opened`,
    )
  }
  const buffer = await readFile(path)
  const isWholeBuffer = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
  return isWholeBuffer ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer)
}
