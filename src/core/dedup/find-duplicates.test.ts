import { describe, expect, it } from 'vitest'

import { citation, pubmedArticle, type FixtureFields } from './__fixtures__/records'
import { clusterLinks } from './cluster'
import { findDuplicates, type DedupInput, type DedupProgress } from './find-duplicates'
import { mergeRecords } from './merge'

const input = (id: string, fields: FixtureFields): DedupInput => ({ id, record: citation(fields) })

const scopusCopy: FixtureFields = {
  ...pubmedArticle,
  title: 'Effect of Intensive Glucose Lowering on Coronary Microvascular Function in Type 2 Diabetes',
  authors: ['Muller A.', 'Okafor C.', 'Lindqvist E.'],
  pmid: '',
  abstract:
    'Background. We studied microvascular function in people with type 2 diabetes and intensive treatment.',
  keywords: ['microvascular'],
  source: 'Scopus',
}
const other: FixtureFields = {
  title: 'Statin adherence after myocardial infarction in rural clinics',
  authors: ['Nakamura, H'],
  year: 2019,
  journal: 'Heart',
  volume: '105',
  pages: '10-15',
}

describe('findDuplicates', () => {
  it('returns certain clusters of ids and leaves distinct records out', () => {
    const result = findDuplicates([
      input('a', pubmedArticle),
      input('b', other),
      input('c', scopusCopy),
      input('d', { ...scopusCopy, doi: '', source: 'Embase', pages: '412' }),
    ])
    expect(result.clusters).toEqual([['a', 'c', 'd']])
    expect(result.uncertain).toEqual([])
  })

  it('puts conflicting pairs in the review queue with a score', () => {
    const result = findDuplicates([
      input('a', pubmedArticle),
      input('b', { ...scopusCopy, doi: '', pages: '2205' }),
    ])
    expect(result.clusters).toEqual([])
    expect(result.uncertain).toHaveLength(1)
    expect(result.uncertain[0]?.ids).toEqual(['a', 'b'])
    expect(result.uncertain[0]?.score).toBeGreaterThanOrEqual(0.7)
    expect(result.uncertain[0]?.score).toBeLessThan(0.9)
  })

  it('never merges or queues a pair the reviewer marked "not duplicates"', () => {
    const records = [input('a', pubmedArticle), input('c', scopusCopy)]
    expect(findDuplicates(records, { notDuplicates: [['c', 'a']] })).toEqual({ clusters: [], uncertain: [] })
  })

  it('reports progress through every phase', () => {
    const phases: DedupProgress['phase'][] = []
    findDuplicates([input('a', pubmedArticle), input('c', scopusCopy)], {
      onProgress: (progress) => phases.push(progress.phase),
    })
    expect(new Set(phases)).toEqual(new Set(['keys', 'candidates', 'clustering']))
  })

  it('handles no records and records without any field', () => {
    expect(findDuplicates([])).toEqual({ clusters: [], uncertain: [] })
    expect(findDuplicates([input('x', {}), input('y', {})])).toEqual({ clusters: [], uncertain: [] })
  })

  it('does not chain two different papers through a record resembling both', () => {
    // One DOI shared by a whole supplement of meeting abstracts: A and C differ, B (no title) bridges them.
    const supplement = { doi: '10.1007/s00125-012-2688-9', year: 2012, journal: 'Diabetologia', volume: '55' }
    const result = findDuplicates([
      input('a', {
        ...supplement,
        title: 'Lixisenatide reduces plaque in ApoE knockout mice',
        pages: 'S334',
      }),
      input('b', { ...supplement, title: '' }),
      input('c', { ...supplement, title: 'Liraglutide and hepatic steatosis in obese rats', pages: 'S321' }),
    ])
    expect(result.clusters).toEqual([])
  })
})

describe('clusterLinks', () => {
  it('refuses a join that the guard finds incompatible and reports the refused link', () => {
    const isCompatible = (i: number, j: number): boolean => !(Math.min(i, j) === 0 && Math.max(i, j) === 3)
    const links = [
      { a: 0, b: 1, score: 1 },
      { a: 2, b: 3, score: 0.99 },
      { a: 1, b: 2, score: 0.95 },
    ]
    const { clusterOf, refused } = clusterLinks(4, links, isCompatible)
    expect(clusterOf[0]).toBe(clusterOf[1])
    expect(clusterOf[2]).toBe(clusterOf[3])
    expect(clusterOf[0]).not.toBe(clusterOf[2])
    expect(refused).toEqual([{ a: 1, b: 2, score: 0.95 }])
  })
})

describe('mergeRecords', () => {
  it('keeps the most complete fields and the lineage', () => {
    const merged = mergeRecords([
      input('pubmed-1', pubmedArticle),
      input('scopus-7', scopusCopy),
      input('embase-3', {
        ...scopusCopy,
        title: (scopusCopy.title ?? '').toUpperCase(),
        source: 'Embase',
        pages: '',
      }),
    ])
    expect(merged.sourceIds).toEqual(['pubmed-1', 'scopus-7', 'embase-3'])
    // Equal length: the first record's title; capitals never win.
    expect(merged.record.title).toBe(pubmedArticle.title)
    expect(merged.record.authors.map((author) => author.given)).toEqual(['Anna', 'Chidi', 'Erik'])
    expect(merged.record.abstract).toBe(scopusCopy.abstract)
    expect(merged.record.pmid).toBe('28100001')
    expect(merged.record.pages).toBe('412-419')
    expect(merged.record.keywords).toEqual(['microvascular'])
    expect(merged.record.source).toBe('PubMed; Scopus; Embase')
  })

  it('gives an empty record for no input', () => {
    expect(mergeRecords([]).sourceIds).toEqual([])
  })
})
