import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HighlightSegment } from './highlight'
import { compileTerms, highlightSegments, parseTermList } from './highlight'

/** Compact view of the highlighted parts: `+text` for inclusion, `-text` for exclusion. */
function marked(segments: HighlightSegment[]): string[] {
  return segments.filter((s) => s.kind).map((s) => `${s.kind === 'include' ? '+' : '-'}${s.text}`)
}

function highlight(text: string, include: string[], exclude: string[] = []): string[] {
  return marked(highlightSegments(text, compileTerms(include, exclude)))
}

describe('highlightSegments', () => {
  it('marks whole words case-insensitively', () => {
    expect(highlight('Octreotide and OCTREOTIDE, not octreotides.', ['octreotide'])).toEqual([
      '+Octreotide',
      '+OCTREOTIDE',
    ])
  })

  it('treats Unicode letters as word characters', () => {
    expect(highlight('Müller and Mülleria and MÜLLER', ['müller'])).toEqual(['+Müller', '+MÜLLER'])
    // `ller` must not match inside `Müller` (an ASCII \b would see a boundary after `ü`).
    expect(highlight('Müller', ['ller'])).toEqual([])
  })

  it('matches phrases across any whitespace, quoted or not', () => {
    expect(highlight('Hepatic artery\nembolization (HAE)', ['"hepatic artery embolization"'])).toEqual([
      '+Hepatic artery\nembolization',
    ])
    expect(highlight('hepatic   artery embolization', ['hepatic artery embolization'])).toHaveLength(1)
  })

  it('expands wildcards within one word only', () => {
    expect(highlight('Randomised, randomized and random trials', ['random*'])).toEqual([
      '+Randomised',
      '+randomized',
      '+random',
    ])
    expect(highlight('chemoembolization and radioembolization-induced', ['*embolization'])).toEqual([
      '+chemoembolization',
      '+radioembolization',
    ])
  })

  it('keeps a trailing and one other wildcard per word; further asterisks are literal', () => {
    expect(highlight('chemoembolisation and chemoembolization', ['chemo*i*ation'])).toEqual([])
    expect(highlight('chemoembolization', ['chemo*ization'])).toEqual(['+chemoembolization'])
    expect(highlight('radioembolizations', ['*embol*'])).toEqual(['+radioembolizations'])
  })

  it('does not backtrack catastrophically on a long token', () => {
    const text = `${'a'.repeat(20_000)}b ${'ab'.repeat(5_000)}`
    const started = performance.now()
    highlightSegments(text, compileTerms(['a*a*a*a*c', '*a*', 'a*ac*'], ['*b*x']))
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('prefers the longest match at a position', () => {
    expect(highlight('a randomised controlled trial', ['random*', 'randomised controlled trial'])).toEqual([
      '+randomised controlled trial',
    ])
    expect(highlight('liver transplantation', ['liver', 'liver transplant*'])).toEqual([
      '+liver transplantation',
    ])
  })

  it('lets exclusion win where inclusion and exclusion overlap', () => {
    expect(highlight('a case report of TACE', ['case report of TACE'], ['case report'])).toEqual([
      '-case report',
      '+ of TACE',
    ])
    expect(highlight('Case series', ['case series'], ['case series'])).toEqual(['-Case series'])
  })

  it('escapes regex characters and handles terms with punctuation', () => {
    expect(highlight('5-FU (TACE) a+b c.d', ['5-FU', '(TACE)', 'a+b', 'c.d'])).toEqual([
      '+5-FU',
      '+(TACE)',
      '+a+b',
      '+c.d',
    ])
    expect(highlight('cxd', ['c.d'])).toEqual([])
    expect(highlight('177Lu-DOTATATE and 90Y', ['177lu-dotatate', '90y'])).toEqual([
      '+177Lu-DOTATATE',
      '+90Y',
    ])
  })

  it('ignores blank terms and a bare wildcard', () => {
    expect(highlightSegments('any text', compileTerms(['', '  ', '*', '""'], []))).toEqual([
      { text: 'any text', kind: null },
    ])
  })

  it('gives no segments for empty text', () => {
    expect(highlightSegments('', compileTerms(['x'], []))).toEqual([])
  })

  it('joins back to the input and never throws, whatever the terms and text', () => {
    const termArb = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^[a-zA-Zü*"() .-]{0,10}$/),
      fc.constantFrom('random*', '*embolization', '"case report"', '(', '[', '\\', '*'),
    )
    const textArb = fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[a-zA-Zü*"() .-]{0,60}$/))
    fc.assert(
      fc.property(
        fc.array(termArb, { maxLength: 6 }),
        fc.array(termArb, { maxLength: 6 }),
        textArb,
        (inc, exc, text) => {
          const segments = highlightSegments(text, compileTerms(inc, exc))
          expect(segments.map((s) => s.text).join('')).toBe(text)
          expect(segments.every((s) => s.text.length > 0)).toBe(true)
          segments.slice(1).forEach((s, i) => expect(s.kind).not.toBe(segments[i]?.kind))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('stays fast on a long abstract with many wildcard terms', () => {
    const text = 'Chemoembolization of neuroendocrine liver metastases: a randomised trial. '.repeat(2000)
    const compiled = compileTerms(
      ['random*', '*embolization', 'neuro*', 'liver metastas*', '"hepatic artery embolization"'],
      ['case report*', 'review', 'a*a*a*a*a'],
    )
    const started = performance.now()
    const segments = highlightSegments(text, compiled)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(segments.map((s) => s.text).join('')).toBe(text)
  })
})

describe('parseTermList', () => {
  it('keeps quoted phrases whole', () => {
    expect(parseTermList('liver "hepatic artery"  random* ""')).toEqual([
      'liver',
      'hepatic artery',
      'random*',
    ])
  })
})
