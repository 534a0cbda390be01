import { describe, expect, it } from 'vitest'

import type { PrismaScreeningCounts } from '../screening/progress'
import { prismaCounts } from './prisma'
import { prismaSvg } from './prisma-svg'

const screening: PrismaScreeningCounts = {
  recordsScreened: 900,
  recordsExcluded: 840,
  recordsAwaitingScreening: 0,
  reportsSought: 60,
  reportsAssessed: 60,
  reportsExcluded: 46,
  reportsExcludedByReason: { 'Wrong population': 20, 'Full text unavailable': 4, 'No outcome data': 22 },
  reportsAwaitingClassification: 0,
  reportsAwaitingAssessment: 0,
  included: 14,
}

describe('prismaCounts', () => {
  it('totals the sources and moves "Full text unavailable" to reports not retrieved', () => {
    const counts = prismaCounts({
      sources: [
        { source: 'PubMed', records: 612 },
        { source: 'Embase', records: 498 },
      ],
      duplicatesRemoved: 210,
      screening,
    })
    expect(counts).toMatchObject({
      recordsIdentified: 1110,
      duplicatesRemoved: 210,
      otherRemoved: 0,
      recordsScreened: 900,
      recordsExcluded: 840,
      reportsSought: 60,
      reportsNotRetrieved: 4,
      reportsAssessed: 56,
      reportsExcluded: 42,
      studiesIncluded: 14,
    })
    expect(counts.reportsExcludedByReason).toEqual([
      { reason: 'Wrong population', reports: 20 },
      { reason: 'No outcome data', reports: 22 },
    ])
    // The flow adds up: assessed = excluded + included.
    expect(counts.reportsAssessed).toBe(counts.reportsExcluded + counts.studiesIncluded)
  })

  it('accepts a project-specific name for the not-retrieved reason', () => {
    const counts = prismaCounts({
      sources: [],
      duplicatesRemoved: 0,
      screening: { ...screening, reportsExcludedByReason: { 'No PDF': 3 } },
      notRetrievedReason: 'no pdf',
    })
    expect(counts.reportsNotRetrieved).toBe(3)
    expect(counts.recordsIdentified).toBe(0)
  })
})

describe('prismaSvg', () => {
  const counts = prismaCounts({
    sources: [
      { source: '<script>alert(1)</script> & "Embase"', records: 498 },
      { source: 'PubMed', records: 612 },
    ],
    duplicatesRemoved: 210,
    screening: { ...screening, reportsExcludedByReason: { 'Wrong <b>design</b>': 46 } },
  })
  const svg = prismaSvg(counts)

  it('is a standalone SVG document with the PRISMA boxes and every number', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
    for (const text of [
      'Records identified from databases (n = 1110):',
      'PubMed (n = 612)',
      'Duplicate records removed (n = 210)',
      'Records screened (n = 900)',
      'Records excluded (n = 840)',
      'Reports sought for retrieval (n = 60)',
      'Reports not retrieved (n = 0)',
      'Reports assessed for eligibility (n = 60)',
      'Reports excluded (n = 46):',
      'Studies included in review (n = 14)',
    ]) {
      expect(svg).toContain(text)
    }
    expect(svg.match(/<line /g)).toHaveLength(8)
  })

  it('escapes markup in source names and exclusion reasons', () => {
    expect(svg).not.toContain('<script>')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(svg).toContain('&amp;')
    expect(svg).toContain('&quot;Embase&quot;')
    expect(svg).toContain('Wrong &lt;b&gt;design&lt;/b&gt; (n = 46)')
  })
})
