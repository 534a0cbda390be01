import type * as FsPromises from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** Reads the next temporary file back with one byte changed, as a bad disk or a full file system might. */
const corruptNextRead = vi.hoisted(() => ({ isOn: false }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return {
    ...actual,
    readFile: async (...args: Parameters<typeof actual.readFile>) => {
      const data = await actual.readFile(...args)
      if (!corruptNextRead.isOn || !Buffer.isBuffer(data) || data.length === 0) return data
      corruptNextRead.isOn = false
      const changed = Buffer.from(data)
      changed[0] = (changed[0] ?? 0) ^ 0xff
      return changed
    },
  }
})

const { writeFileAtomic } = await import('./atomic-write')

describe('writeFileAtomic verification (RELIABILITY.md D9: write temp → verify → rename)', () => {
  let dir: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sift-atomic-verify-'))
  })

  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('keeps the old file and removes the temporary one when the written copy does not verify', async () => {
    const path = join(dir, 'auto-pr_1.sift-backup')
    await writeFile(path, 'previous backup')
    corruptNextRead.isOn = true
    await expect(writeFileAtomic(path, 'new backup', { isVerified: true })).rejects.toThrow(
      /Verification failed/,
    )
    expect(await readFile(path, 'utf8')).toBe('previous backup')
    expect(await readdir(dir)).toEqual(['auto-pr_1.sift-backup'])
  })

  it('replaces the file when the written copy verifies', async () => {
    const path = join(dir, 'auto-pr_1.sift-backup')
    await writeFile(path, 'previous backup')
    await writeFileAtomic(path, 'new backup', { isVerified: true })
    expect(await readFile(path, 'utf8')).toBe('new backup')
    expect(await readdir(dir)).toEqual(['auto-pr_1.sift-backup'])
  })
})
