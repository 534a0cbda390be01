import { describe, expect, it } from 'vitest'

import type { EvidenceRow } from './evidence-table'
import { summarizeEvidence } from './summary'
import { formatRange, summarySentence } from './summary-sentence'
import type { StudyInfo } from './types'

const embolization = 'Embolization / chemoembolization'

const row = (overrides: Partial<EvidenceRow>): EvidenceRow => ({
  studyId: 's1',
  firstAuthor: '',
  year: null,
  design: 'Case series',
  modality: embolization,
  arm: 'HAE',
  outcome: 'symptom-relief',
  outcomeLabel: 'Symptom relief',
  kind: 'proportion',
  timepoint: '',
  n: null,
  events: null,
  total: null,
  value: null,
  unit: '',
  criteria: '',
  ...overrides,
})

const response = { outcome: 'objective-response', outcomeLabel: 'Objective response' }

/** Three studies with outcomes (one an RCT with a second, different-modality arm) and one tagged without any. */
const rows: EvidenceRow[] = [
  row({ studyId: 's1', n: 20, events: 15, total: 20, value: 75 }),
  row({ studyId: 's1', n: 20, events: 12, total: 20, value: 60, ...response }),
  row({ studyId: 's2', n: 40, events: 40, total: 40, value: 100 }),
  row({ studyId: 's2', n: 40, events: 30, total: 40, value: 75, ...response }),
  row({ studyId: 's3', n: 60, design: 'rct', arm: 'TACE', events: 9, total: 30, value: 30, ...response }),
  row({
    studyId: 's3',
    n: 60,
    design: 'rct',
    arm: 'Octreotide',
    modality: 'Somatostatin analogues',
    events: 10,
    total: 30,
  }),
]
const studies: StudyInfo[] = [
  {
    recordId: 'r4',
    studyId: 's4',
    firstAuthor: 'Dee',
    year: 2012,
    n: 15,
    design: 'case-series',
    modalities: [embolization],
  },
]

describe('summarizeEvidence', () => {
  const summaries = summarizeEvidence(rows, { studies })
  const emb = summaries.find((summary) => summary.modality === embolization)

  it('counts studies, patients and the design mix per modality, including studies without outcomes', () => {
    expect(summaries.map((summary) => summary.modality)).toEqual([embolization, 'Somatostatin analogues'])
    expect(emb?.studies).toBe(4)
    // s1 20 + s2 40 + s3's TACE arm 30 (the study also has another modality) + s4 15.
    expect(emb?.patients).toBe(105)
    // 'case-series' (an id) and 'Case series' (its label) are one design.
    expect(emb?.designMix).toEqual([
      { design: 'Case series', studies: 3 },
      { design: 'Randomised controlled trial', studies: 1 },
    ])
    expect(emb?.designs.map((design) => [design.design, design.studies, design.patients])).toEqual([
      ['Randomised controlled trial', 1, 30],
      ['Case series', 3, 75],
    ])
  })

  it('gives ranges and a DerSimonian–Laird pool per outcome (reference: Python/NumPy, see meta-analysis.test.ts)', () => {
    const [relief, objective] = emb?.outcomes ?? []
    expect(relief).toMatchObject({ label: 'Symptom relief', studies: 2, patients: 60, min: 75, max: 100 })
    expect(relief?.pooled?.proportion).toBeCloseTo(0.9227154534678328, 4)
    expect(relief?.pooled?.i2).toBeCloseTo(78.90587387345606, 4)
    expect(objective).toMatchObject({ studies: 3, min: 30, max: 75 })
    expect(objective?.pooled?.proportion).toBeCloseTo(0.5556034029823709, 4)
    expect(objective?.pooled?.ciLow).toBeCloseTo(0.2788414553757256, 4)
    expect(objective?.pooled?.ciHigh).toBeCloseTo(0.8016899654926543, 4)
    const octreotide = summaries[1]?.outcomes[0]
    expect(octreotide).toMatchObject({ pooled: null })
    expect(octreotide?.min).toBeCloseTo(100 / 3, 10)
    expect(octreotide?.poolReason).toBe('fewer-than-two-studies')
  })

  it('does not pool outcomes that are not proportions', () => {
    const [survival] =
      summarizeEvidence([
        row({
          studyId: 'a',
          outcome: 'os',
          outcomeLabel: 'Median OS',
          kind: 'time-to-event-median',
          value: 24,
          unit: 'months',
          events: 3,
          total: 10,
        }),
        row({
          studyId: 'b',
          outcome: 'os',
          outcomeLabel: 'Median OS',
          kind: 'time-to-event-median',
          value: 48.25,
          unit: 'months',
          events: 4,
          total: 10,
        }),
      ])[0]?.outcomes ?? []
    expect(survival).toMatchObject({
      min: 24,
      max: 48.25,
      isPercent: false,
      pooled: null,
      poolReason: 'not-a-proportion',
    })
  })
})

describe('summarySentence', () => {
  it('reads like the review it summarises', () => {
    const [emb, sa] = summarizeEvidence(rows, { studies })
    expect(
      emb &&
        summarySentence({
          ...emb,
          designMix: [
            { design: 'case-series', studies: 3 },
            { design: 'rct', studies: 1 },
          ],
        }),
    ).toBe(
      'Embolization / chemoembolization: 4 studies (3 case series, 1 RCT), 105 patients; ' +
        'symptom relief 75–100 % (pooled 92 %, 95 % CI 33–99.7 %, I² 79 %), ' +
        'objective response 30–75 % (pooled 56 %, 95 % CI 28–80 %, I² 85 %).',
    )
    expect(sa && summarySentence(sa)).toBe(
      'Somatostatin analogues: 1 study (1 RCT), 30 patients; symptom relief 33 %.',
    )
  })

  it('formats ranges with units and leaves acronyms alone', () => {
    expect(formatRange(24, 48.25, false, 'months')).toBe('24–48.3 months')
    expect(formatRange(5, 5, true, '')).toBe('5 %')
    const [summary] = summarizeEvidence([
      row({ outcomeLabel: 'PFS', kind: 'rate-at-timepoint', timepoint: '1 year', value: 50 }),
    ])
    expect(summary && summarySentence(summary)).toBe(
      `${embolization}: 1 study (1 case series); PFS (1 year) 50 %.`,
    )
  })
})
