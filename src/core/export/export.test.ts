import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../import/csv-reader'
import { parseRis } from '../import/formats/ris'
import { parseFile } from '../import/import-file'
import { WarningCollector } from '../import/warnings'
import { emptyRecord } from '../records/record'
import { escapeCell, isFormulaLike, toCsv } from './csv'
import { jsonlFields, toJsonl } from './jsonl'
import { toRis } from './ris'

const fixtures = path.resolve(__dirname, '../import/__fixtures__')

describe('toRis', () => {
  it('RIS → records → RIS → records gives equal records', () => {
    const first = parseRis(readFileSync(path.join(fixtures, 'ris-dialects.ris'), 'utf8')).records
    const second = parseRis(toRis(first)).records
    expect(second).toEqual(first)
  })

  it('records from other formats keep every model field through RIS', () => {
    for (const name of ['medline-basic.nbib', 'wos-basic.txt', 'pubmed.xml', 'endnote.xml']) {
      const first = parseFile(readFileSync(path.join(fixtures, name)), name).records
      const second = parseRis(toRis(first)).records
      expect(
        second.map((record) => [
          record.title,
          record.authors,
          record.year,
          record.doi,
          record.pmid,
          record.pmcid,
          record.pages,
          record.abstract,
        ]),
      ).toEqual(
        first.map((record) => [
          record.title,
          record.authors,
          record.year,
          record.doi,
          record.pmid,
          record.pmcid,
          record.pages,
          record.abstract,
        ]),
      )
    }
  })
})

describe('toCsv', () => {
  it('E2: RFC 4180 cells round-trip exactly through the reader', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 2, maxLength: 2 }), {
          maxLength: 8,
        }),
        (rows) => {
          const csv = toCsv(
            rows.map(([a, b]) => ({ a, b })),
            ['a', 'b'],
          )
          const table = readCsv(csv, ',', new WarningCollector())
          expect(table.rows.slice(1)).toEqual(rows)
        },
      ),
    )
  })

  it('E2: empty and missing stay distinguishable', () => {
    expect(toCsv([{ a: '', b: null }], ['a', 'b'])).toBe('a,b\r\n"",\r\n')
  })

  it('E1: formula triggers are neutralised, including full-width and multi-line', () => {
    for (const cell of [
      '=1+2',
      '+SUM(A1)',
      '-2+3',
      '@cmd',
      '\tx',
      '\rx',
      '\nx',
      '＝1',
      '＋1',
      '－1',
      '＠1',
      '=A1\nmore',
      '  =1',
    ]) {
      const escaped = escapeCell(cell, ',', { spreadsheetSafe: true })
      expect(escaped.replace(/^"/, '').startsWith("'")).toBe(true)
    }
  })

  it('E1: property — every spreadsheet-safe cell that starts with a trigger is prefixed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'),
        fc.string(),
        (trigger, rest) => {
          const cell = trigger + rest
          const escaped = escapeCell(cell, ',', { spreadsheetSafe: true })
          const unquoted = escaped.startsWith('"') ? escaped.slice(1, -1).replace(/""/g, '"') : escaped
          return isFormulaLike(cell) ? unquoted === `'${cell}` : unquoted === cell
        },
      ),
    )
  })

  it('E3: numbers stay numbers', () => {
    for (const cell of ['-0.35', '1e-5', '+12', '-3.5', '-1E+10', '42'])
      expect(escapeCell(cell, ',', { spreadsheetSafe: true })).toBe(cell)
  })

  it('E4: UTF-8 with BOM keeps non-ASCII names', () => {
    const csv = toCsv([{ name: 'Müller' }, { name: '王' }], ['name'], { bom: true })
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toBe('name\r\nMüller\r\n王\r\n')
  })
})

describe('toJsonl', () => {
  it('writes the record-model field names, one object per line', () => {
    const record = { ...emptyRecord(), title: 'T', year: 2020, authors: [{ family: 'A', given: 'B' }] }
    const line = toJsonl([record, record]).split('\n')
    expect(line).toHaveLength(3)
    expect(Object.keys(JSON.parse(line[0] ?? '{}') as object)).toEqual([...jsonlFields])
  })
})
