import type { SiftDb } from '../db'
import { mergedAwayIds } from './dedup'

/**
 * What the prioritisation model reads of each record: title, abstract and keywords (ASReview's convention), with
 * the length of the title that starts each text (the model counts the title's words more).
 */
export type RankingTexts = { ids: string[]; texts: string[]; titleLengths: number[] }

/** Reads for the prioritisation worker. */
export function createRankingRepo(db: SiftDb) {
  return { loadTexts: (projectId: string) => loadRankingTexts(db, projectId) }
}

/** The text of every record of the project still in the lists (merged-away duplicates left out), in import order. */
export async function loadRankingTexts(db: SiftDb, projectId: string): Promise<RankingTexts> {
  const hidden = await mergedAwayIds(db, projectId)
  const ids: string[] = []
  const texts: string[] = []
  const titleLengths: number[] = []
  await db.records
    .where('projectId')
    .equals(projectId)
    .each((record) => {
      if (hidden.has(record.id)) return
      ids.push(record.id)
      texts.push(`${record.title} ${record.abstract} ${record.keywords.join(' ')}`)
      titleLengths.push(record.title.length)
    })
  return { ids, texts, titleLengths }
}
