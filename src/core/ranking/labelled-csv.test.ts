import { describe, expect, it } from 'vitest'

import { indexLabelledDataset, readLabelledCsv } from './labelled-csv'
import { buildTextIndex } from './text-index'

describe('readLabelledCsv', () => {
  it('reads ids, text and labels; other columns are ignored', () => {
    const dataset = readLabelledCsv(
      'record_id,Title,abstract,label,doi\nr1,Statins,"Lower, cholesterol",1,10.1/x\nr2,Birds,,0,\n',
    )
    expect(dataset).toEqual({
      ids: ['r1', 'r2'],
      texts: ['Statins Lower, cholesterol', 'Birds'],
      titleLengths: [7, 5],
      metadata: [[], []],
      labels: Uint8Array.from([1, 0]),
    })
  })

  it('reads authors, journal and year as metadata tokens where the file has them', () => {
    const dataset = readLabelledCsv(
      'title,label,authors,journal,year\nA,1,H Yki-Järvinen; L Ryysy,Diabetes Care,1999\nB,0,"Smith, John and Doe, A",,n.d.\n',
    )
    if ('error' in dataset) throw new Error(dataset.error)
    expect(dataset.metadata).toEqual([
      ['author: yki jarvinen h', 'author: ryysy l', 'journal: diabetes care', 'year: 1999'],
      ['author: smith j', 'author: doe a'],
    ])
  })

  it('numbers records from 0 without an id column and adds keywords to the text', () => {
    const dataset = readLabelledCsv('title;keywords;label\nA;k1;true\nB;;no\n')
    expect(dataset).toMatchObject({ ids: ['0', '1'], texts: ['A k1', 'B'] })
  })

  it('reports a missing label column or a bad label with its line', () => {
    expect(readLabelledCsv('title,abstract\nA,B\n')).toEqual({
      error: expect.stringMatching(/no "label"/) as string,
    })
    expect(readLabelledCsv('title,label\nA,1\nB,maybe\n')).toEqual({
      error: 'line 3: label "maybe" is not 1 or 0.',
    })
  })
})

describe('indexLabelledDataset', () => {
  it("indexes the texts with their titles, so the default model counts the titles' words twice", () => {
    const dataset = readLabelledCsv(
      'title,abstract,label\nLiver embolisation,Survival after treatment,1\nSurvival,Liver embolisation after surgery,0\n',
    )
    if ('error' in dataset) throw new Error(dataset.error)
    const index = indexLabelledDataset(dataset)
    expect(index).toEqual(buildTextIndex(dataset.texts, {}, dataset.titleLengths))
    expect(index).not.toEqual(buildTextIndex(dataset.texts))
  })
})
