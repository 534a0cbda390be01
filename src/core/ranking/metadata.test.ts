import { describe, expect, it } from 'vitest'

import { metadataKind, metadataOfCells, metadataTokens } from './metadata'

describe('metadataTokens', () => {
  it('names authors by folded family name and first initial, once each, then the journal and the year', () => {
    expect(
      metadataTokens({
        authors: [
          { family: 'Müller-Lüdenscheidt', given: 'Åsa B.' },
          { family: 'Müller-Lüdenscheidt', given: 'A' },
          { family: 'ACCORD Study Group', given: '' },
        ],
        journal: 'The Lancet. Oncology',
        year: 2004,
      }),
    ).toEqual(['author: muller ludenscheidt a', 'journal: the lancet oncology', 'year: 2004'])
  })

  it('gives nothing for missing parts, and at most 30 authors', () => {
    expect(metadataTokens({ authors: [], journal: ' ', year: null })).toEqual([])
    const authors = Array.from({ length: 40 }, (_, i) => ({ family: `Author${i}`, given: 'X' }))
    expect(metadataTokens({ authors, journal: '', year: null })).toHaveLength(30)
  })

  it('tells the kinds apart by their prefix, and text words from metadata', () => {
    expect(['author: smith j', 'journal: bmj', 'year: 1999', 'smith'].map(metadataKind)).toEqual([1, 2, 3, 0])
  })
})

describe('metadataOfCells', () => {
  it('reads the author list forms of the benchmark files and a year inside other text', () => {
    expect(metadataOfCells('R. L. Whistler and W. C. Lake', '', 'published 1987').authors).toEqual([
      { family: 'Whistler', given: 'R. L.' },
      { family: 'Lake', given: 'W. C.' },
    ])
    expect(metadataOfCells('Fiona M. McKevitt; Arul Sivaguru', 'Stroke', '2004')).toEqual({
      authors: [
        { family: 'McKevitt', given: 'Fiona M.' },
        { family: 'Sivaguru', given: 'Arul' },
      ],
      journal: 'Stroke',
      year: 2004,
    })
    expect(metadataOfCells('', '', 'unknown').year).toBeNull()
  })
})
