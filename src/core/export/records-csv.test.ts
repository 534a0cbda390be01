import { describe, expect, it } from 'vitest'

import { emptyRecord } from '../records/record'
import { recordCsvColumns, recordsToCsv } from './records-csv'

describe('recordsToCsv', () => {
  it('writes a BOM, the header and one row per record, with lists joined and formulas neutralised', () => {
    const csv = recordsToCsv([
      {
        ...emptyRecord(),
        title: '=HYPERLINK("x")',
        authors: [
          { family: 'Müller', given: 'Jörg' },
          { family: 'WHO', given: '' },
        ],
        year: 2020,
        keywords: ['TACE', 'NET'],
        source: 'Embase',
      },
    ])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, row] = csv.slice(1).split('\r\n')
    expect(header).toBe(recordCsvColumns.join(','))
    expect(row).toContain(`"'=HYPERLINK(""x"")"`)
    expect(row).toContain('"Müller, Jörg; WHO"')
    expect(row).toContain('2020')
    expect(row).toContain('TACE; NET')
  })

  it('adds extra columns after the citation fields', () => {
    const csv = recordsToCsv([{ ...emptyRecord(), title: 'T' }], {
      columns: ['modality', 'design'],
      values: () => ({ modality: ['TACE', 'PRRT'], design: 'Case series' }),
    })
    const [header, row] = csv.slice(1).split('\r\n')
    expect(header?.endsWith(',source,modality,design')).toBe(true)
    expect(row?.endsWith(',TACE; PRRT,Case series')).toBe(true)
  })
})
