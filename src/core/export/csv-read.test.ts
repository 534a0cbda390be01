import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { toCsv } from './csv'
import { readCsvCells } from './csv-read'

describe('readCsvCells', () => {
  it('E2: inverts raw toCsv exactly, keeping empty and missing apart', () => {
    const cell = fc.option(fc.string({ unit: 'binary' }), { nil: null })
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const objects = rows.map(([a, b]) => ({ a, b }))
        const parsed = readCsvCells(toCsv(objects, ['a', 'b']))
        expect(parsed).toEqual([['a', 'b'], ...rows])
      }),
    )
  })

  it('reads CRLF, LF and CR row ends, quoted line breaks and doubled quotes', () => {
    expect(readCsvCells('a,b\r\n1,"x\r\ny"\n2,"say ""hi"""\r3,')).toEqual([
      ['a', 'b'],
      ['1', 'x\r\ny'],
      ['2', 'say "hi"'],
      ['3', null],
    ])
  })

  it('skips a BOM and never throws on malformed input', () => {
    expect(readCsvCells('\uFEFFa\n')).toEqual([['a']])
    expect(readCsvCells('"open,1\n2')).toEqual([['open,1\n2']])
    expect(readCsvCells('ab"c,"d"e')).toEqual([['ab"c', 'de']])
    expect(readCsvCells('')).toEqual([])
  })
})
