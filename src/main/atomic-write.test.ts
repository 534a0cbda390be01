import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomic-write'

describe('writeFileAtomic', () => {
  let dir: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sift-atomic-'))
  })

  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('writes text as UTF-8 and bytes as they are, replacing the old file', async () => {
    const path = join(dir, 'out.csv')
    await writeFile(path, 'old')
    await writeFileAtomic(path, 'Müller,王\n', { isVerified: true })
    expect(await readFile(path, 'utf8')).toBe('Müller,王\n')
    await writeFileAtomic(path, new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))
    expect([...(await readFile(path))]).toEqual([0xef, 0xbb, 0xbf, 0x41])
  })

  it('leaves no temporary file behind', async () => {
    await writeFileAtomic(join(dir, 'a.json'), '{}')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('keeps the old file and cleans up when the write fails', async () => {
    const path = join(dir, 'keep.txt')
    await writeFile(path, 'original')
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'x.txt'), 'new')).rejects.toThrow()
    expect(await readFile(path, 'utf8')).toBe('original')
    expect(await readdir(dir)).toEqual(['keep.txt'])
  })
})
