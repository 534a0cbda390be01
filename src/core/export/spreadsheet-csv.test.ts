import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { readCsvCells } from './csv-read'
import { isSpreadsheetFormula, neutraliseFormula, spreadsheetCsv } from './spreadsheet-csv'

const triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫']

describe('spreadsheetCsv', () => {
  it('E1: any cell starting with a trigger is neutralised, whatever follows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...triggers),
        fc.string(),
        fc.string({ maxLength: 3, unit: fc.constant(' ') }),
        (trigger, rest, spaces) => {
          const text = `${spaces}${trigger}${rest}`
          fc.pre(!/^ *[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%? *$/.test(text))
          expect(neutraliseFormula(text)).toBe(`'${text}`)
        },
      ),
    )
  })

  it('E1: a multi-line cell with a formula on a later line is neutralised', () => {
    expect(isSpreadsheetFormula('see below\n=HYPERLINK("http://x","y")')).toBe(true)
    expect(isSpreadsheetFormula('a\r\n  @SUM(A1)')).toBe(true)
    expect(isSpreadsheetFormula('=1+1\nsecond line')).toBe(true)
    expect(isSpreadsheetFormula('plain\ntext')).toBe(false)
    expect(isSpreadsheetFormula('Müller')).toBe(false)
  })

  it('E3: numbers stay numbers, as values and as numeric text', () => {
    for (const text of ['-0.35', '1e-5', '+3', '-12%', '0']) expect(isSpreadsheetFormula(text)).toBe(false)
    const csv = spreadsheetCsv([{ a: -0.35, b: 1e-5, c: '-0.35', d: null }], ['a', 'b', 'c', 'd'])
    expect(csv).toBe('\uFEFF"a","b","c","d"\r\n"-0.35","0.00001","-0.35",\r\n')
  })

  it('E4: starts with a BOM, uses CRLF and keeps non-ASCII text byte for byte', () => {
    const csv = spreadsheetCsv([{ name: 'Müller', city: '王' }], ['name', 'city'])
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv).toBe('\uFEFF"name","city"\r\n"Müller","王"\r\n')
    expect(readCsvCells(new TextDecoder().decode(bytes))).toEqual([
      ['name', 'city'],
      ['Müller', '王'],
    ])
  })

  it('quotes every field, so a reader gives back the (neutralised) cells', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 4 }), (cells) => {
        const columns = cells.map((_, index) => `c${index}`)
        const row = Object.fromEntries(cells.map((cell, index) => [`c${index}`, cell]))
        const csv = spreadsheetCsv([row], columns)
        const lines = csv.slice(1).split('\r\n')
        expect(lines[0]).toBe(columns.map((column) => `"${column}"`).join(','))
        expect(readCsvCells(csv)[1]).toEqual(cells.map(neutraliseFormula))
      }),
    )
  })
})
