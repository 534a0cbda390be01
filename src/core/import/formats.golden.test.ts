import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFile } from './import-file'

const fixtures = path.join(__dirname, '__fixtures__')

function load(name: string) {
  return parseFile(new Uint8Array(readFileSync(path.join(fixtures, name))), name)
}

/** Golden files: each fixture's full parse result is compared with `<fixture>.expected.json` (reviewed by hand). */
const goldens: readonly [string, string, number][] = [
  ['ris-dialects.ris', 'ris', 4],
  ['medline-basic.nbib', 'medline', 2],
  ['wos-basic.txt', 'wos', 2],
  ['bibtex-quirks.bib', 'bibtex', 3],
  ['scopus-semicolon.csv', 'csv', 4],
  ['endnote.xml', 'endnote-xml', 2],
  ['pubmed.xml', 'pubmed-xml', 1],
  ['endnote-tagged.enw', 'endnote-tagged', 2],
  ['ovid-direct.cgi', 'ovid', 2],
  ['proquest.txt', 'proquest', 1],
  ['zotero.rdf', 'zotero-rdf', 1],
  ['ids.txt', 'id-list', 5],
  ['pubmed-page.txt', 'pubmed-page', 1],
]

describe('golden fixtures', () => {
  for (const [name, format, count] of goldens) {
    it(`${name} → ${format}, ${count} records, equal to the golden file`, () => {
      const parsed = load(name)
      expect(parsed.format).toBe(format)
      expect(parsed.records).toHaveLength(count)
      const { hash: _hash, ...rest } = parsed
      const actual = JSON.parse(JSON.stringify(rest)) as unknown
      const goldenFile = path.join(fixtures, `${name}.expected.json`)
      // Compared as data, not text, so formatting the golden files (Prettier) never breaks the test.
      // Regenerate after a deliberate change with UPDATE_GOLDEN=1, then review the diff.
      if (process.env.UPDATE_GOLDEN || !existsSync(goldenFile))
        writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`)
      expect(actual).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')))
    })
  }
})

describe('format quirks (P5)', () => {
  it('RIS: Ovid record numbers, continuation lines, DA before PY, PMID from AN, record without ER', () => {
    const { records, warnings, truncated } = load('ris-dialects.ris')
    const [first, second, third] = records
    expect(first).toMatchObject({
      title: 'Caffeine and sleep latency in adults: a randomised trial',
      authors: [
        { family: 'Müller', given: 'Anna' },
        { family: 'Okafor', given: 'Chidi B.' },
      ],
      year: 2019,
      abstract: 'Background: caffeine delays sleep onset. Methods: we randomised 120 adults.',
      pages: '123-129',
      doi: '10.1234/jse.2019.0123',
      journal: 'Journal of Sleep Examples',
    })
    expect(first?.raw).toContainEqual({ tag: 'XY', value: 'an unknown tag kept verbatim' })
    expect(second).toMatchObject({ year: 2021, pmid: '31234567', pmcid: 'PMC7654321' })
    expect(second?.keywords).toEqual(['Humans', 'Melatonin/*therapeutic use', 'Jet Lag Syndrome'])
    expect(third?.authors).toEqual([{ family: 'World Health Organization', given: '' }])
    expect(records[3]?.doi).toBe('10.5555/last.1')
    expect(warnings.some((warning) => warning.line === 42 && /no ER/.test(warning.message))).toBe(true)
    expect(truncated).toBeNull()
  })

  it('MEDLINE: continuation lines, FAU over AU, CN kept, DOI from AID', () => {
    const [first, second] = load('medline-basic.nbib').records
    expect(first?.title).toBe(
      'Exercise and depression in older adults: a systematic review and meta-analysis.',
    )
    expect(first?.authors.map((author) => author.family)).toEqual([
      'García-López',
      'Chen',
      'Example Trials Collaboration',
    ])
    expect(first).toMatchObject({
      doi: '10.1093/ageing/afx001',
      pmcid: 'PMC6000001',
      pages: '1021-1028',
      year: 2018,
    })
    expect(second?.authors.map((author) => author.family)).toEqual(['Lee', 'Global Sleep Consortium'])
  })

  it('BibTeX: preamble and Record # lines skipped, accents decoded, unbalanced braces warned', () => {
    const { records, warnings } = load('bibtex-quirks.bib')
    expect(records[0]?.authors[0]).toEqual({ family: 'Müller', given: 'Jörg' })
    expect(records[0]?.authors[1]).toEqual({ family: 'François', given: 'René' })
    expect(records[0]?.journal).toBe('Journal of Examples')
    expect(records[0]?.pages).toBe('101-112')
    expect(records[1]?.authors.map((author) => author.family)).toEqual(['Smith', 'Newton', 'Hill'])
    expect(warnings.some((warning) => /unbalanced/.test(warning.message))).toBe(true)
  })

  it('CSV: semicolon delimiter, quoted line breaks, ragged row and unterminated quote warned', () => {
    const { records, warnings } = load('scopus-semicolon.csv')
    expect(records[0]?.title).toBe('Sleep; a review')
    expect(records[0]?.abstract).toBe('Line one line two')
    expect(records[0]?.keywords).toEqual(['sleep'])
    expect(warnings.map((warning) => warning.message).join('\n')).toMatch(
      /more cells than the header[\s\S]*|unterminated/,
    )
    expect(warnings.some((warning) => /unterminated/.test(warning.message) && warning.line === 6)).toBe(true)
  })

  it('XML: billion laughs and external entities stay inert', () => {
    const parsed = load('billion-laughs.xml')
    expect(parsed.records[0]?.title).toBe('&lol3; &xxe;')
  })

  it('PubMed XML: structured abstract, collective author, reference ids ignored, cut-off article reported', () => {
    const parsed = load('pubmed.xml')
    expect(parsed.records[0]).toMatchObject({
      title: 'Vitamin D and falls: a trial.',
      abstract: 'BACKGROUND: Falls are common. RESULTS: Fewer falls (p<0.05).',
      doi: '10.5555/vitd.2017',
      pmcid: 'PMC5000001',
      pages: '200-208',
    })
    expect(parsed.records[0]?.authors).toEqual([
      { family: 'Ødegård', given: 'Siri' },
      { family: 'Falls Prevention Group', given: '' },
    ])
    expect(parsed.truncated).not.toBeNull()
  })

  it('PubMed page: the record plus similar / cited-by entries as extras', () => {
    const parsed = load('pubmed-page.txt')
    expect(parsed.records[0]).toMatchObject({
      pmid: '31000001',
      doi: '10.5555/sleep.2019',
      title: 'Sleep hygiene education for students',
    })
    expect(parsed.extras.map((extra) => [extra.pmid, extra.raw[0]?.value, extra.isMetadataMissing])).toEqual([
      ['29000003', 'similar', true],
      ['32000004', 'cited-by', true],
    ])
  })
})
