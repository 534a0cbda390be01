import type { PickedFile } from './types'

/** Reads browser `File`s (from a file input or a drop, in the browser and in Electron alike) into memory. */
export async function readFiles(files: Iterable<File>): Promise<PickedFile[]> {
  return Promise.all(
    [...files].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  )
}
