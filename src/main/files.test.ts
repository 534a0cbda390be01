import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  app: { getPath: () => '/home/user/Documents' },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
}))
vi.mock('electron', () => electron)

const { createFileHandlers, PickedPaths } = await import('./files')

const context = { window: {} } as Parameters<ReturnType<typeof createFileHandlers>['readFile']>[0]

describe('file handlers', () => {
  let dir: string
  let files: ReturnType<typeof createFileHandlers>

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sift-files-'))
    files = createFileHandlers(new PickedPaths())
    electron.dialog.showOpenDialog.mockReset()
    electron.dialog.showSaveDialog.mockReset()
  })

  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('returns the picked files with their bytes, and nothing when cancelled', async () => {
    const path = join(dir, 'records.ris')
    await writeFile(path, 'TY  - JOUR\nER  - \n')
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] })
    const [picked] = await files.openFiles(context)
    expect(picked).toMatchObject({ name: 'records.ris', path })
    expect(new TextDecoder().decode(picked?.bytes)).toBe('TY  - JOUR\nER  - \n')
    expect(picked?.bytes.byteLength).toBe(picked?.bytes.buffer.byteLength)

    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    await expect(files.openFiles(context)).resolves.toEqual([])
  })

  it('offers the citation filters by default', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    await files.openFiles(context)
    const [, options] = electron.dialog.showOpenDialog.mock.calls[0] as [
      unknown,
      { filters: { name: string }[] },
    ]
    expect(options.filters[0]?.name).toBe('Citation files')
  })

  it('refuses to read or write a path the user did not pick', async () => {
    const secret = join(dir, 'id_rsa')
    await writeFile(secret, 'secret')
    await expect(files.readFile(context, secret)).rejects.toThrow(/only reads and writes files you chose/)
    await expect(files.writeFile(context, secret, 'pwned')).rejects.toThrow(
      /only reads and writes files you chose/,
    )
    expect(await readFile(secret, 'utf8')).toBe('secret')
  })

  it('reads and writes again a path picked earlier, however it is spelled', async () => {
    const path = join(dir, 'records.ris')
    await writeFile(path, 'v1')
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] })
    await files.openFiles(context)
    await files.writeFile(context, join(dir, 'sub', '..', 'records.ris'), 'v2')
    expect(new TextDecoder().decode(await files.readFile(context, path))).toBe('v2')
  })

  it('saves where the user chose and then allows writing there', async () => {
    const path = join(dir, 'export.csv')
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path })
    await expect(files.saveFile(context, { suggestedName: 'export.csv', data: 'a,b\n' })).resolves.toEqual({
      saved: true,
      path,
    })
    expect(await readFile(path, 'utf8')).toBe('a,b\n')
    await files.writeFile(context, path, 'c,d\n')
    expect(await readFile(path, 'utf8')).toBe('c,d\n')
  })

  it('reports a cancelled save', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    await expect(files.saveFile(context, { suggestedName: 'x.csv', data: '' })).resolves.toEqual({
      saved: false,
    })
  })
})
