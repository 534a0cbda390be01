import { describe, expect, it } from 'vitest'

import { importFormats } from './formats'
import { parseFile } from './import-file'

/**
 * RELIABILITY.md P1: every parser takes time linear in its input, whatever the input. Each parser reads one text of
 * 8n characters and, for comparison, eight texts of n characters of the same kind: the same number of characters,
 * so linear time gives a ratio near 1 and quadratic time near 8. The bound (4) leaves room for noise on a shared
 * machine. The sizes stay small enough that garbage collection of the parsed trees does not dominate (measured
 * here: past ~150,000 characters of dense XML, V8's young-generation collections add a superlinear cost of their
 * own, which is not the parser's).
 */
const small = 12_000
const factor = 8
const maxRatio = 4

/** Syntax of every format, mixed with noise: the pieces the P1 property test builds random input from. */
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
  '%T ',
  '<1. >',
  'Document 1 of 2',
  'Abstract',
  '- PMID: 1',
  'é',
  'word ',
  '10.1000/x ',
]

/** A deterministic mix of `pieces` (a fixed-seed generator, so a failure can be reproduced). */
function mixed(length: number): string {
  let seed = 20_261_127
  let text = ''
  while (text.length < length) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    text += pieces[seed % pieces.length] ?? ''
  }
  return text.slice(0, length)
}

/** Inputs that are easy to get quadratic on: unclosed openers, endless records, one enormous line or field. */
const inputs: readonly [string, (length: number) => string][] = [
  ['mixed syntax', mixed],
  ['unclosed braces', (length) => '@article{a,\n title = {'.padEnd(length, '{')],
  ['unterminated quotes', (length) => 'title,abstract\n"'.padEnd(length, 'a,"\n')],
  ['nested XML', (length) => '<PubmedArticleSet>'.padEnd(length, '<a>')],
  ['one record of continuation lines', (length) => 'TY  - JOUR\nAB  - '.padEnd(length, 'more text\n')],
  ['one long line', (length) => 'x'.repeat(length)],
  ['many tiny records', (length) => ''.padEnd(length, 'TY  - JOUR\nER  - \n')],
]

/** The fastest of five runs, in ms (the minimum is the least disturbed by other work on the machine). */
function fastest(run: () => void): number {
  let best = Infinity
  for (let attempt = 0; attempt < 5; attempt++) {
    const start = performance.now()
    run()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

/** Time of one large input over time of `factor` small ones (same characters in all). */
function ratioOf(run: (text: string) => void, make: (length: number) => string): number {
  const smallText = make(small)
  const largeText = make(small * factor)
  run(smallText) // warm up the JIT
  run(largeText)
  const smalls = fastest(() => {
    for (let index = 0; index < factor; index++) run(smallText)
  })
  // Below half a millisecond the timer's resolution dominates; compare from there.
  return fastest(() => run(largeText)) / Math.max(smalls, 0.5)
}

describe('P1: parsers run in linear time', () => {
  for (const format of importFormats) {
    it(`${format.id}: one input 8× as long takes less than ${maxRatio}× the time of 8 short ones`, () => {
      for (const [name, make] of inputs) {
        expect(
          ratioOf((text) => format.parse(text), make),
          `${format.id}, ${name}`,
        ).toBeLessThan(maxRatio)
      }
    })
  }

  it(`parseFile (detection, decoding, parsing): one input 8× as long takes less than ${maxRatio}× the time of 8 short ones`, () => {
    const encoder = new TextEncoder()
    for (const [name, make] of inputs) {
      const ratio = ratioOf((text) => parseFile(encoder.encode(text), 'x.ris'), make)
      expect(ratio, name).toBeLessThan(maxRatio)
    }
  })
})
