import { describe, expect, it } from 'vitest'

import { emptyRecord } from '../../../../core/records/record'
import { createDb } from '../db'
import { projectWithRecords } from '../../test/project-with-records'
import { loadRankingTexts } from './ranking'

describe('loadRankingTexts', () => {
  it("gives each record's title, abstract and keywords, with the length of the title its text starts with", async () => {
    const db = createDb(`ranking-test-${Math.random()}`)
    await db.open()
    const { projectId } = await projectWithRecords(db, 'Ranking', [
      { ...emptyRecord(), title: 'Liver embolisation', abstract: 'Survival after it.', keywords: ['TACE'] },
      { ...emptyRecord(), title: '', abstract: 'No title here.' },
    ])
    const { ids, texts, titleLengths } = await loadRankingTexts(db, projectId)
    expect(ids).toHaveLength(2)
    expect(texts).toEqual(['Liver embolisation Survival after it. TACE', ' No title here. '])
    expect(titleLengths).toEqual([18, 0])
    expect(texts[0]?.slice(0, titleLengths[0])).toBe('Liver embolisation')
  })
})
