import type { SiftDb } from '../db'
import { mergedAwayIds } from './dedup'

/** What the prioritisation model reads of each record: title, abstract and keywords (ASReview's convention). */
export type RankingTexts = { ids: string[]; texts: string[] }

/** Reads for the prioritisation worker. */
export function createRankingRepo(db: SiftDb) {
  return { loadTexts: (projectId: string) => loadRankingTexts(db, projectId) }
}

/** The text of every record of the project still in the lists (merged-away duplicates left out), in import order. */
export async function loadRankingTexts(db: SiftDb, projectId: string): Promise<RankingTexts> {
  const hidden = await mergedAwayIds(db, projectId)
  const ids: string[] = []
  const texts: string[] = []
  await db.records
    .where('projectId')
    .equals(projectId)
    .each((record) => {
      if (hidden.has(record.id)) return
      ids.push(record.id)
      texts.push(`${record.title} ${record.abstract} ${record.keywords.join(' ')}`)
    })
  return { ids, texts }
}
