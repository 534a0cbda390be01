import { useLiveQuery } from 'dexie-react-hooks'

import { db } from '../db'
import { createBackupsRepo } from '../repos/backups'
import type { Project } from '../schema'

/** All projects, most recently changed first; `undefined` while loading. */
export function useProjects(): Project[] | undefined {
  return useLiveQuery(() => db.projects.orderBy('updatedAt').reverse().toArray(), [])
}

/** One project, `null` when it does not exist, `undefined` while loading. */
export function useProject(id: string): Project | null | undefined {
  return useLiveQuery(async () => (await db.projects.get(id)) ?? null, [id])
}

const backups = createBackupsRepo(db)

/** How many automatic backups this machine keeps per project. */
export function useAutomaticBackupsKept(): number | undefined {
  return useLiveQuery(() => backups.keptCount(), [])
}
