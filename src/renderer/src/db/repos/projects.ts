import { newId } from '../../../../core/ids/ids'
import type { SiftDb } from '../db'
import { projectDataTables } from '../project-tables'
import type { Project, ScreeningSettings } from '../schema'
import { appendEvent } from './events'

/** Longest project name accepted; longer names are a paste accident, not a name. */
export const maxProjectNameLength = 200

export class ProjectNameError extends Error {}

/** Trims a proposed name and explains what is wrong with it, if anything. */
export function validateProjectName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim()
  if (!trimmed) throw new ProjectNameError('Give the project a name.')
  if (trimmed.length > maxProjectNameLength) {
    throw new ProjectNameError(`A project name can have at most ${maxProjectNameLength} characters.`)
  }
  return trimmed
}

export function createProjectsRepo(db: SiftDb) {
  return {
    async create(name: string, description = ''): Promise<Project> {
      const now = new Date().toISOString()
      const project: Project = {
        id: newId('pr_'),
        name: validateProjectName(name),
        description: description.trim(),
        createdAt: now,
        updatedAt: now,
      }
      await db.transaction('rw', db.projects, db.events, async () => {
        await db.projects.add(project)
        await appendEvent(db, {
          projectId: project.id,
          type: 'project.create',
          entity: 'project',
          entityId: project.id,
          after: project,
        })
      })
      return project
    },

    async rename(id: string, name: string): Promise<Project> {
      const newName = validateProjectName(name)
      return db.transaction('rw', db.projects, db.events, async () => {
        const before = await db.projects.get(id)
        if (!before) throw new Error('This project no longer exists.')
        const after: Project = { ...before, name: newName, updatedAt: new Date().toISOString() }
        await db.projects.put(after)
        await appendEvent(db, {
          projectId: id,
          type: 'project.rename',
          entity: 'project',
          entityId: id,
          before: { name: before.name },
          after: { name: newName },
        })
        return after
      })
    },

    /** Saves how the project screens (blind mode, exclusion reasons, highlight terms), logged with the old values. */
    async updateScreeningSettings(id: string, settings: ScreeningSettings): Promise<void> {
      const reasons = settings.exclusionReasons.map((reason) => reason.trim()).filter(Boolean)
      if (reasons.length === 0) throw new Error('Keep at least one exclusion reason.')
      await db.transaction('rw', db.projects, db.events, async () => {
        const before = await db.projects.get(id)
        if (!before) throw new Error('This project no longer exists.')
        const screening = { ...settings, exclusionReasons: reasons }
        await db.projects.put({ ...before, screening, updatedAt: new Date().toISOString() })
        await appendEvent(db, {
          projectId: id,
          type: 'project.screening-settings',
          entity: 'project',
          entityId: id,
          before: before.screening ?? null,
          after: screening,
        })
      })
    },

    /** Sets the random-effects variance estimator the project's summaries use, logged. */
    async setPoolingMethod(id: string, method: 'dl' | 'reml'): Promise<void> {
      await db.transaction('rw', db.settings, db.events, async () => {
        const key = `pooling-method:${id}`
        const before = (await db.settings.get(key))?.value ?? 'dl'
        await db.settings.put({ key, value: method })
        await appendEvent(db, {
          projectId: id,
          type: 'project.pooling-method',
          entity: 'project',
          entityId: id,
          before,
          after: method,
        })
      })
    },

    /** Deletes the project and every row that belongs to it, in one transaction; the audit log keeps a tombstone. */
    async remove(id: string): Promise<void> {
      const tables = [db.projects, db.events, ...projectDataTables.map((name) => db.table(name))]
      await db.transaction('rw', tables, async () => {
        const before = await db.projects.get(id)
        if (!before) return
        for (const name of projectDataTables) await db.table(name).where('projectId').equals(id).delete()
        await db.events.where('projectId').equals(id).delete()
        await db.projects.delete(id)
        await appendEvent(db, {
          projectId: id,
          type: 'project.delete',
          entity: 'project',
          entityId: id,
          before: { name: before.name, createdAt: before.createdAt },
        })
      })
    },
  }
}

export type ProjectsRepo = ReturnType<typeof createProjectsRepo>
