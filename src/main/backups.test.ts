import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBackupStore } from './backups'

describe('createBackupStore', () => {
  let dir: string
  let folder: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sift-backups-'))
    folder = join(dir, 'backups')
  })

  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('lists nothing before the first backup', async () => {
    await expect(createBackupStore(folder).list()).resolves.toEqual([])
  })

  it('writes, lists newest first and reads back exactly', async () => {
    const store = createBackupStore(folder)
    const older = await store.write('sift-2025-01-01.json', '{"a":"Müller"}')
    expect(older).toBe(join(folder, 'sift-2025-01-01.json'))
    await utimes(older, new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'))
    await store.write('sift-2025-02-01.json', '{"b":"王"}')

    const list = await store.list()
    expect(list.map((entry) => entry.name)).toEqual(['sift-2025-02-01.json', 'sift-2025-01-01.json'])
    expect(list[1]).toEqual({
      name: 'sift-2025-01-01.json',
      bytes: 15,
      modifiedAt: '2025-01-01T00:00:00.000Z',
    })
    await expect(store.read('sift-2025-02-01.json')).resolves.toBe('{"b":"王"}')
  })

  it.runIf(process.platform !== 'win32')('keeps backups private to the user', async () => {
    const path = await createBackupStore(folder).write('private.json', '{}')
    expect((await stat(path)).mode & 0o077).toBe(0)
  })

  it('hides temporary and foreign files from the list', async () => {
    const store = createBackupStore(folder)
    await store.write('real.json', '{}')
    await writeFile(join(folder, '.real.json.1234.tmp'), 'half')
    expect((await store.list()).map((entry) => entry.name)).toEqual(['real.json'])
  })

  it('refuses names that would leave the folder, even without the IPC wrapper', async () => {
    const store = createBackupStore(folder)
    await expect(store.write('../escape.json', '{}')).rejects.toThrow()
    await expect(store.read('../../etc/passwd')).rejects.toThrow()
    expect(await readdir(dir)).toEqual([])
  })

  it('says clearly when a backup does not exist', async () => {
    await expect(createBackupStore(folder).read('nope.json')).rejects.toThrow('No backup named "nope.json"')
  })
})
