import type { EvidenceRow } from '../evidence-table'

/** One evidence-table row for tests: a TACE case series reporting objective response 20/40. */
export function evidenceRow(overrides: Partial<EvidenceRow> = {}): EvidenceRow {
  return {
    studyId: 'Rossi 2019',
    firstAuthor: 'Rossi',
    year: 2019,
    design: 'Case series',
    modality: 'TACE',
    arm: 'TACE',
    outcome: 'response',
    outcomeLabel: 'Objective response',
    kind: 'proportion',
    timepoint: 'overall',
    n: 40,
    events: 20,
    total: 40,
    value: 50,
    unit: '%',
    criteria: '',
    ...overrides,
  }
}
