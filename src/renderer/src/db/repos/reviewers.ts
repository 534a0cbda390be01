import { newId } from '../../../../core/ids/ids'
import type { SiftDb } from '../db'

/** A reviewer profile on this machine; its id travels with every decision and in exported work files. */
export type ReviewerProfile = { id: string; name: string }

const profilesKey = 'reviewer-profiles'
const activeKey = 'active-reviewer'

export class ReviewerNameError extends Error {}

function cleanName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim()
  if (!trimmed) throw new ReviewerNameError('Give your name, as teammates should see it.')
  if (trimmed.length > 100) throw new ReviewerNameError('A reviewer name can have at most 100 characters.')
  return trimmed
}

export function createReviewersRepo(db: SiftDb) {
  async function profiles(): Promise<ReviewerProfile[]> {
    const row = await db.settings.get(profilesKey)
    return Array.isArray(row?.value) ? (row.value as ReviewerProfile[]) : []
  }

  return {
    profiles,

    /** The profile decisions are recorded under, or null before anyone said who they are. */
    async active(): Promise<ReviewerProfile | null> {
      const [all, active] = await Promise.all([profiles(), db.settings.get(activeKey)])
      return all.find((profile) => profile.id === active?.value) ?? null
    },

    /** Adds a reviewer profile on this machine and makes it the active one. */
    async add(name: string): Promise<ReviewerProfile> {
      const profile = { id: newId('rv_'), name: cleanName(name) }
      await db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: profilesKey, value: [...(await profiles()), profile] })
        await db.settings.put({ key: activeKey, value: profile.id })
      })
      return profile
    },

    async activate(id: string): Promise<void> {
      if (!(await profiles()).some((profile) => profile.id === id))
        throw new Error('No such reviewer on this machine.')
      await db.settings.put({ key: activeKey, value: id })
    },

    /** Records that a reviewer (local or a teammate whose work was imported) takes part in a project. */
    async joinProject(projectId: string, reviewer: ReviewerProfile, isLocal: boolean): Promise<void> {
      const existing = await db.reviewers.get(`${projectId}:${reviewer.id}`)
      if (existing) return
      await db.reviewers.put({ id: `${projectId}:${reviewer.id}`, projectId, name: reviewer.name, isLocal })
    },
  }
}

export type ReviewersRepo = ReturnType<typeof createReviewersRepo>
