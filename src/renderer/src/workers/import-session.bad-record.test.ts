import { beforeEach, describe, expect, it } from 'vitest'

import { createDb, type SiftDb } from '../db/db'
import { createImportsRepo } from '../db/repos/imports'
import { createProjectsRepo } from '../db/repos/projects'
import { ImportSession } from './import-session'

const total = 10_000
const badIndex = 5_000

/**
 * A RIS file of 10,000 records in which record 5,000 has lost its `TY` line, so it cannot be read. Returns the
 * bytes and the line numbers (1-based) of that record's lines.
 */
function fileWithOneBadRecord(): { bytes: Uint8Array; badLines: number[] } {
  const lines: string[] = []
  const badLines: number[] = []
  for (let index = 1; index <= total; index++) {
    const record = [`TI  - Study ${index} of hepatic embolization`, 'PY  - 2020', 'ER  - ']
    if (index === badIndex) badLines.push(...record.map((_, offset) => lines.length + offset + 1))
    else record.unshift('TY  - JOUR')
    lines.push(...record, '')
  }
  return { bytes: new TextEncoder().encode(lines.join('\n')), badLines }
}

let db: SiftDb
let projectId: string
let session: ImportSession

beforeEach(async () => {
  db = createDb(`bad-record-test-${Math.random()}`)
  await db.open()
  projectId = (await createProjectsRepo(db).create('Review')).id
  session = new ImportSession(createImportsRepo(db), () => undefined)
})

describe('one bad record among 10,000 (RELIABILITY.md D1)', () => {
  it('the preview names the bad record by its line and writes nothing', async () => {
    const { bytes, badLines } = fileWithOneBadRecord()
    const [preview] = await session.parse(projectId, [{ name: 'embase.ris', bytes }])
    expect(preview?.error).toBeNull()
    expect(preview?.recordCount).toBe(total - 1)
    expect(preview?.warningCount).toBeGreaterThan(0)
    // Every warning points into the bad record, and its first line is named.
    expect(preview?.warnings.map((warning) => warning.line)).toContain(badLines[0])
    for (const warning of preview?.warnings ?? []) expect(badLines).toContain(warning.line)
    expect(await db.records.count()).toBe(0)
  })

  it('writes the valid rows when the user imports the file', async () => {
    const { bytes } = fileWithOneBadRecord()
    await session.parse(projectId, [{ name: 'embase.ris', bytes }])
    const { batches, error } = await session.commit(projectId, [
      { fileIndex: 0, source: 'Embase', includeExtras: false },
    ])
    expect(error).toBeNull()
    expect(batches).toEqual([expect.objectContaining({ recordCount: total - 1 })])
    expect(await db.records.count()).toBe(total - 1)
    const titles = new Set((await db.records.toArray()).map((record) => record.title))
    expect(titles.has(`Study ${badIndex} of hepatic embolization`)).toBe(false)
    expect(titles.has(`Study ${badIndex + 1} of hepatic embolization`)).toBe(true)
  })

  it('writes nothing when the user leaves the file out', async () => {
    const { bytes } = fileWithOneBadRecord()
    await session.parse(projectId, [{ name: 'embase.ris', bytes }])
    const { batches, error } = await session.commit(projectId, [])
    expect(error).toBeNull()
    expect(batches).toEqual([])
    expect(await db.records.count()).toBe(0)
    expect(await db.importBatches.count()).toBe(0)
  })
})
