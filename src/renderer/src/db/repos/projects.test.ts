import { beforeEach, describe, expect, it } from 'vitest'

import { createDb, type SiftDb } from '../db'
import { createProjectsRepo, ProjectNameError, validateProjectName, type ProjectsRepo } from './projects'

let db: SiftDb
let repo: ProjectsRepo

beforeEach(async () => {
  db = createDb(`projects-test-${Math.random()}`)
  await db.open()
  repo = createProjectsRepo(db)
})

describe('validateProjectName', () => {
  it('trims and collapses white space', () => {
    expect(validateProjectName('  NETLM   review ')).toBe('NETLM review')
  })

  it('explains an empty or overlong name', () => {
    expect(() => validateProjectName('   ')).toThrow(ProjectNameError)
    expect(() => validateProjectName('x'.repeat(201))).toThrow(/at most 200/)
  })
})

describe('projects repo', () => {
  it('creates a project and logs the event', async () => {
    const project = await repo.create(' NETLM ', 'liver metastases')
    expect(await db.projects.get(project.id)).toEqual(project)
    const events = await db.events.where('projectId').equals(project.id).toArray()
    expect(events.map((event) => event.type)).toEqual(['project.create'])
    expect(events[0]?.after).toEqual(project)
  })

  it('renames with before and after in the log', async () => {
    const project = await repo.create('Old name')
    const renamed = await repo.rename(project.id, 'New name')
    expect(renamed.name).toBe('New name')
    const rename = (await db.events.toArray()).find((event) => event.type === 'project.rename')
    expect(rename?.before).toEqual({ name: 'Old name' })
    expect(rename?.after).toEqual({ name: 'New name' })
  })

  it('refuses to rename a project that is gone', async () => {
    await expect(repo.rename('missing', 'Name')).rejects.toThrow(/no longer exists/)
  })

  it('deletes the project with all its rows, leaving other projects and a tombstone', async () => {
    const doomed = await repo.create('Doomed')
    const kept = await repo.create('Kept')
    await db.notes.bulkAdd([
      { id: 'n1', projectId: doomed.id, recordId: 'r1', text: 'a', createdAt: 'x' },
      { id: 'n2', projectId: kept.id, recordId: 'r2', text: 'b', createdAt: 'x' },
    ])
    await repo.remove(doomed.id)
    expect(await db.projects.get(doomed.id)).toBeUndefined()
    expect(await db.notes.toArray()).toEqual([expect.objectContaining({ id: 'n2' })])
    const left = await db.events.where('projectId').equals(doomed.id).toArray()
    expect(left.map((event) => event.type)).toEqual(['project.delete'])
    expect(await db.projects.get(kept.id)).toBeDefined()
  })
})
