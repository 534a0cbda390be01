import { describe, expect, it } from 'vitest'

import { RankSession } from './rank-session'

const texts = [
  'Radioembolization with yttrium-90 microspheres for neuroendocrine liver metastases',
  'Statin use and cardiovascular events in older adults',
  'Yttrium-90 radioembolization outcomes in liver metastases from carcinoid tumours',
  'Blood pressure lowering trial in chronic kidney disease',
  'Selective internal radiation therapy with microspheres for hepatic metastases of neuroendocrine tumours',
  'Dietary salt and hypertension: a cohort study',
]
const ids = texts.map((_, row) => `r${row}`)
/** Each text's first two words are its title. */
const titleLengths = texts.map((text) => text.split(' ').slice(0, 2).join(' ').length)

describe('the prioritisation worker session', () => {
  it('keeps no ranking until it has an include and an exclude', () => {
    const session = new RankSession(ids, texts, titleLengths)
    expect(session.rank([['r0', 1]])).toEqual({ rankedIds: null, labelled: 1 })
    expect(session.explain('r2')).toEqual([])
  })

  it('ranks the unlabelled records like the included one first, and explains why', () => {
    const session = new RankSession(ids, texts, titleLengths)
    const { rankedIds, labelled } = session.rank([
      ['r0', 1],
      ['r1', 0],
    ])
    expect(labelled).toBe(2)
    expect(rankedIds).toHaveLength(4)
    expect(rankedIds?.slice(0, 2).sort()).toEqual(['r2', 'r4'])
    const words = session.explain('r2').map((entry) => entry.term)
    expect(words.some((word) => /radioemboli|yttrium|metastases|liver/.test(word))).toBe(true)
  })

  it('forgets an undone decision and ignores ids it does not know', () => {
    const session = new RankSession(ids, texts, titleLengths)
    session.rank([
      ['r0', 1],
      ['r1', 0],
      ['r2', 1],
    ])
    const { rankedIds, labelled } = session.rank([
      ['r0', 1],
      ['r1', 0],
      ['gone', 1],
    ])
    expect(labelled).toBe(2)
    expect(rankedIds).toContain('r2')
  })

  it('gives the same order for the same decisions', () => {
    const labels: [string, 0 | 1][] = [
      ['r0', 1],
      ['r3', 0],
    ]
    expect(new RankSession(ids, texts, titleLengths).rank(labels)).toEqual(
      new RankSession(ids, texts, titleLengths).rank(labels),
    )
  })

  it("counts the title's words more than the rest of the text", () => {
    const labels: [string, 0 | 1][] = [
      ['r0', 1],
      ['r1', 0],
    ]
    const weightOf = (lengths: readonly number[]) => {
      const session = new RankSession(ids, texts, lengths)
      session.rank(labels)
      // r2's title is "Yttrium-90 radioembolization".
      return session.explain('r2', 20).find((entry) => entry.term === 'radioembolization')?.weight ?? 0
    }
    expect(weightOf(titleLengths)).toBeGreaterThan(weightOf(texts.map(() => 0)))
  })
})
