import { beforeEach, describe, expect, it } from 'vitest'

import { createDb, type SiftDb } from '../db/db'
import { createImportsRepo } from '../db/repos/imports'
import { createProjectsRepo } from '../db/repos/projects'
import type { ImportProgress } from './import-protocol'
import { ImportSession } from './import-session'

const encoder = new TextEncoder()
const ris = (title: string) => `TY  - JOUR\nTI  - ${title}\nPY  - 2020\nER  - \n`

let db: SiftDb
let projectId: string
let progress: ImportProgress[]
let session: ImportSession

beforeEach(async () => {
  db = createDb(`session-test-${Math.random()}`)
  await db.open()
  projectId = (await createProjectsRepo(db).create('Review')).id
  progress = []
  session = new ImportSession(createImportsRepo(db), (update) => progress.push(update))
})

describe('ImportSession', () => {
  it('previews files without writing, then commits the chosen ones with the source the user set', async () => {
    const files = [
      { name: 'a.ris', bytes: encoder.encode(ris('First') + '\n' + ris('Second')) },
      { name: 'b.pdf', bytes: encoder.encode('%PDF-1.7\n...') },
    ]
    const previews = await session.parse(projectId, files)
    expect(previews.map((file) => [file.fileName, file.format, file.recordCount])).toEqual([
      ['a.ris', 'ris', 2],
      ['b.pdf', '', 0],
    ])
    expect(previews[1]?.error).toMatch(/PDF/)
    expect(await db.records.count()).toBe(0)
    expect(progress.some((update) => update.phase === 'parse' && update.done === update.total)).toBe(true)

    const { batches, error } = await session.commit(projectId, [
      { fileIndex: 0, source: 'Embase', includeExtras: false },
      { fileIndex: 1, source: 'ignored', includeExtras: false },
    ])
    expect(error).toBeNull()
    expect(batches).toEqual([expect.objectContaining({ fileName: 'a.ris', recordCount: 2 })])
    const stored = await db.records.toArray()
    expect(stored.map((record) => [record.title, record.source])).toEqual([
      ['First', 'Embase'],
      ['Second', 'Embase'],
    ])
  })

  it('flags a file already imported into the project', async () => {
    const file = { name: 'a.ris', bytes: encoder.encode(ris('Only')) }
    await session.parse(projectId, [file])
    await session.commit(projectId, [{ fileIndex: 0, source: '', includeExtras: false }])
    const [again] = await session.parse(projectId, [{ ...file, name: 'copy.ris' }])
    expect(again?.duplicateOf?.fileName).toBe('a.ris')
  })
})
