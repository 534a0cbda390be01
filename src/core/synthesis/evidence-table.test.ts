import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { OutcomeRow } from '../extraction/outcomes'
import {
  evidenceTableCsv,
  evidenceTableRows,
  readEvidenceTableCsv,
  rowModality,
  type EvidenceRow,
} from './evidence-table'
import type { StudyInfo } from './types'

const study = (overrides: Partial<StudyInfo> & Pick<StudyInfo, 'recordId'>): StudyInfo => ({
  studyId: '',
  firstAuthor: '',
  year: null,
  n: null,
  design: '',
  modalities: [],
  ...overrides,
})

const outcomeRow = (overrides: Partial<OutcomeRow>): OutcomeRow => ({
  recordId: 'r1',
  extractionId: 'x1',
  reviewerId: 'consensus',
  armId: 'a1',
  arm: 'TACE',
  modality: '',
  outcome: 'objective-response',
  outcomeLabel: 'Objective response',
  kind: 'proportion',
  timepointId: '',
  timepoint: '',
  timepointMonths: null,
  events: 12,
  total: 30,
  value: 40,
  unit: '',
  criteria: 'RECIST 1.1',
  cr: null,
  pr: null,
  sd: null,
  pd: null,
  ...overrides,
})

describe('evidenceTableRows', () => {
  it('joins study metadata and resolves the modality from the arm, else the study tags', () => {
    const studies = [
      study({
        recordId: 'r1',
        studyId: 'Müller 2004',
        firstAuthor: 'Müller',
        year: 2004,
        n: 30,
        design: 'Case series',
        modalities: ['tace'],
      }),
      study({ recordId: 'r2', firstAuthor: 'Abbott', year: 2010, design: 'Randomised controlled trial' }),
    ]
    const rows = evidenceTableRows(
      [outcomeRow({}), outcomeRow({ recordId: 'r2', modality: 'rfa' }), outcomeRow({ recordId: 'r9' })],
      studies,
      { tace: 'TACE', rfa: 'Radiofrequency ablation' },
    )
    expect(rows.map((row) => [row.studyId, row.modality, row.design, row.n])).toEqual([
      ['r2', 'Radiofrequency ablation', 'Randomised controlled trial', null],
      ['Müller 2004', 'TACE', 'Case series', 30],
      ['r9', 'Unclassified', 'Design not tagged', null],
    ])
    expect(rows[1]).toMatchObject({
      firstAuthor: 'Müller',
      year: 2004,
      events: 12,
      total: 30,
      criteria: 'RECIST 1.1',
    })
  })

  it('treats several tags on an unclassified arm as a combination', () => {
    expect(rowModality({ modality: ' ' }, study({ recordId: 'r', modalities: ['TACE', 'RFA'] }))).toBe(
      'TACE + RFA',
    )
  })
})

const text = fc.string({ unit: 'binary' })
const number = fc.option(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
  { nil: null },
)
const evidenceRow: fc.Arbitrary<EvidenceRow> = fc.record({
  studyId: text,
  firstAuthor: text,
  year: number,
  design: text,
  modality: text,
  arm: text,
  outcome: text,
  outcomeLabel: text,
  kind: text,
  timepoint: text,
  n: number,
  events: number,
  total: number,
  value: number,
  unit: text,
  criteria: text,
})

describe('evidenceTableCsv', () => {
  it('E2: raw mode round-trips exactly (quotes, commas, CR, LF, non-ASCII, empty text, missing numbers)', () => {
    fc.assert(
      fc.property(fc.array(evidenceRow, { maxLength: 6 }), (rows) => {
        const read = readEvidenceTableCsv(evidenceTableCsv(rows, 'raw'))
        expect(read.missingColumns).toEqual([])
        expect(read.warnings).toEqual([])
        expect(read.rows).toEqual(rows)
      }),
    )
  })

  const fixture: EvidenceRow = {
    studyId: '=cmd|x',
    firstAuthor: 'Müller',
    year: 2004,
    design: 'Case series',
    modality: '王 embolization',
    arm: 'A, "bland"',
    outcome: 'change',
    outcomeLabel: 'Change',
    kind: 'continuous',
    timepoint: '12 mo',
    n: 30,
    events: null,
    total: 30,
    value: -0.35,
    unit: 'note\n@SUM(A1)',
    criteria: '',
  }

  it('E1/E3/E4: spreadsheet mode quotes everything, neutralises formulas and keeps numbers', () => {
    const csv = evidenceTableCsv([{ ...fixture, events: 1e-5 }], 'spreadsheet')
    expect(csv.startsWith('\uFEFF"study_id","first_author",')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const line = csv.split('\r\n')[1]
    expect(line).toBe(
      `"'=cmd|x","Müller","2004","Case series","王 embolization","A, ""bland""","change","Change","continuous","12 mo","30","0.00001","30","-0.35","'note\n@SUM(A1)",""`,
    )
  })

  it('E4: raw mode keeps non-ASCII text byte for byte, without a BOM', () => {
    const csv = evidenceTableCsv([fixture], 'raw')
    expect(csv.startsWith('study_id,')).toBe(true)
    const bytes = new TextEncoder().encode(csv)
    expect(readEvidenceTableCsv(new TextDecoder().decode(bytes)).rows).toEqual([fixture])
  })

  it('reports missing required columns and bad numbers', () => {
    const missing = readEvidenceTableCsv('study_id,modality\ns1,TACE\n', ['study_id', 'events', 'total'])
    expect(missing.missingColumns).toEqual(['events', 'total'])
    expect(missing.rows).toEqual([])
    const bad = readEvidenceTableCsv('Study_ID,events,total\ns1,many,20\n', ['study_id', 'events', 'total'])
    expect(bad.rows[0]).toMatchObject({ studyId: 's1', events: null, total: 20, modality: '' })
    expect(bad.warnings).toEqual([{ row: 2, message: 'events "many" is not a number' }])
  })
})
