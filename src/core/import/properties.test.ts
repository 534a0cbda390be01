import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFormats } from './formats'
import { parseMedline } from './formats/medline'
import { parseRis } from './formats/ris'
import { parseWos } from './formats/wos'
import { parseFile } from './import-file'
import { encodeUtf16 } from './__fixtures__/encode'
import type { ParseResult } from './types'

const fixtures = path.join(__dirname, '__fixtures__')
const fixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8')

describe('P1: random input never throws', () => {
  it('parseFile on random bytes returns a result', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('x.ris', 'x.txt', 'x.csv', 'x.xml', 'x.bib'),
        (bytes, name) => {
          const parsed = parseFile(bytes, name)
          expect(Array.isArray(parsed.records)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('every format parser survives random text built from its own syntax', () => {
    const pieces = [
      'TY  - ',
      'ER  - ',
      'PMID- ',
      '      ',
      'PT J',
      'ER',
      '@article{',
      '}',
      '{',
      '"',
      ',',
      ';',
      '\t',
      '\r',
      '\n',
      '\r\n',
      '<record>',
      '</record>',
      '<PubmedArticle>',
      '<!DOCTYPE x [',
      ']>',
      '&amp;',
      '&#x0;',
      '%T ',
      '<1. >',
      'Document 1 of 2',
      'Abstract',
      '- PMID: 1',
      'é',
      '\uFEFF',
    ]
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 200 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (input) => {
        for (const format of importFormats) {
          const result = format.parse(input)
          expect(Array.isArray(result.records)).toBe(true)
          expect(Array.isArray(result.warnings)).toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('deeply nested XML does not overflow the stack', () => {
    const deep = `${'<a>'.repeat(100_000)}x`
    for (const format of importFormats) expect(() => format.parse(deep)).not.toThrow()
  })
})

const withEndings = (text: string, ending: string): string => text.replace(/\r\n|\r|\n/g, ending)
const comparable = (result: ParseResult) => result.records

describe('P2: line endings and BOM do not change the records', () => {
  const samples: readonly [string, (text: string) => ParseResult][] = [
    ['ris-dialects.ris', parseRis],
    ['medline-basic.nbib', parseMedline],
    ['wos-basic.txt', parseWos],
  ]
  for (const [name, parse] of samples) {
    it(`${name}: LF / CRLF / CR / mixed, with and without BOM`, () => {
      const base = comparable(parse(withEndings(fixture(name), '\n')))
      fc.assert(
        fc.property(
          fc.constantFrom('\n', '\r\n', '\r'),
          fc.boolean(),
          fc.integer({ min: 0, max: 1_000 }),
          (ending, hasBom, seed) => {
            let text = withEndings(fixture(name), ending)
            // Mix endings: switch some line ends to another style, chosen by the seed.
            if (ending === '\n' && seed % 3 === 0)
              text = text.replace(/\n/g, (match, offset: number) =>
                (offset + seed) % 2 === 0 ? '\r\n' : match,
              )
            if (hasBom) text = `\uFEFF${text}`
            expect(comparable(parse(text))).toEqual(base)
          },
        ),
        { numRuns: 60 },
      )
    })
  }

  it('parseFile gives the same records for UTF-8 with BOM and UTF-16LE/BE bytes', () => {
    const text = fixture('ris-dialects.ris')
    const utf8 = parseFile(new TextEncoder().encode(text), 'a.ris').records
    const bom = parseFile(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      'a.ris',
    ).records
    const le = parseFile(encodeUtf16(text, true), 'a.ris')
    const be = parseFile(encodeUtf16(text, false), 'a.ris')
    expect(bom).toEqual(utf8)
    expect(le.records).toEqual(utf8)
    expect(be.records).toEqual(utf8)
    expect([le.encoding, be.encoding]).toEqual(['utf-16le', 'utf-16be'])
  })
})

describe('P4: a file cut at any byte keeps complete records and reports truncation', () => {
  const cases: readonly [string, (text: string) => ParseResult, RegExp, RegExp | null][] = [
    ['ris-dialects.ris', parseRis, /\nER {2}-/g, /(^|\n)TY {2}-/],
    ['wos-basic.txt', parseWos, /\nER(?=\n|$)/g, /(^|\n)PT( |\n|$)/],
    // MEDLINE has no end marker; its truncation rule (no final SO) is tested separately below.
    ['medline-basic.nbib', parseMedline, /\nSO {2}- [^\n]*\n/g, null],
  ]
  for (const [name, parse, recordEnd, recordStart] of cases) {
    it(name, () => {
      const text = fixture(name)
      const full = parse(text).records
      const ends = [...text.matchAll(recordEnd)].map((match) => (match.index ?? 0) + match[0].length)
      for (let cut = 0; cut <= text.length; cut++) {
        const result = parse(text.slice(0, cut))
        const completeEnds = ends.filter((end) => end <= cut)
        const complete = completeEnds.length
        expect(result.records.length).toBeGreaterThanOrEqual(Math.min(complete, full.length))
        for (let i = 0; i < complete; i++) expect(result.records[i]).toEqual(full[i])
        const tail = text.slice(completeEnds.pop() ?? 0, cut)
        if (recordStart && cut < text.length)
          expect(result.truncated !== undefined).toBe(recordStart.test(tail))
      }
    })
  }

  it('MEDLINE: a cut before the final SO line is reported as truncated', () => {
    const text = fixture('medline-basic.nbib')
    const cut = text.indexOf('SO  - Sleep Ex')
    const result = parseMedline(text.slice(0, cut))
    expect(result.records).toHaveLength(1)
    expect(result.truncated?.line).toBe(text.slice(0, text.indexOf('PMID- 30000002')).split('\n').length)
  })
})
