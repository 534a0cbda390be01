import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { openBackup, sealBackup, sha256Hex, type OpenedBackup } from './envelope'

function errorOf(opened: OpenedBackup): string {
  return opened.ok ? '(opened)' : opened.error
}

const meta = {
  schemaVersion: 2,
  createdAt: '2026-11-27T00:00:00.000Z',
  app: { name: 'Sift', version: '0.1.0' },
  projectId: 'pr_1',
  projectName: 'NETLM',
}
const tables = {
  projects: [{ id: 'pr_1', name: 'NETLM — Müller 王', description: null }],
  records: [{ id: 'r1', title: 'TACE', year: 2020, abstract: '' }],
  notes: [],
}

describe('project backups', () => {
  it('computes SHA-256 like the standard test vector', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('round-trips every table exactly (dates, unicode, nulls)', async () => {
    const opened = await openBackup(await sealBackup({ ...meta, tables }), 2)
    expect(opened.ok && opened.tables).toEqual(tables)
  })

  it('refuses a truncated file', async () => {
    const text = await sealBackup({ ...meta, tables })
    const opened = await openBackup(text.slice(0, Math.floor(text.length / 2)), 2)
    expect(errorOf(opened)).toMatch(/damaged or cut off/)
  })

  it('refuses a file with one character changed in its contents', async () => {
    const text = await sealBackup({ ...meta, tables })
    const opened = await openBackup(text.replace('TACE', 'TACF'), 2)
    expect(errorOf(opened)).toMatch(/checksum does not match/)
  })

  it('refuses a backup from a newer schema, and files of other apps', async () => {
    expect(errorOf(await openBackup(await sealBackup({ ...meta, schemaVersion: 9, tables }), 2))).toMatch(
      /newer database/,
    )
    expect(errorOf(await openBackup('{"version":1,"data":{}}', 2))).toBe('This is not a Sift project backup.')
  })

  it('refuses rows removed with the checksum recomputed (counts disagree)', async () => {
    const sealed = JSON.parse(await sealBackup({ ...meta, tables })) as Record<string, unknown>
    const payload = JSON.stringify({ ...tables, records: [] })
    const forged = JSON.stringify({ ...sealed, payload, sha256: await sha256Hex(payload) })
    expect(errorOf(await openBackup(forged, 2))).toMatch(/records should have 1 rows/)
  })

  it('never throws on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const opened = await openBackup(text, 2)
        expect(opened.ok).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
