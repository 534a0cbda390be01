import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  collapseWhitespace,
  normaliseDoi,
  normalisePages,
  normalisePmcid,
  normalisePmid,
  parseAuthor,
  parseYear,
  splitAuthorList,
  titleKey,
} from './normalise'

describe('normaliseDoi', () => {
  it.each([
    ['https://doi.org/10.1000/ABC.123', '10.1000/abc.123'],
    ['http://dx.doi.org/10.1186/s12919-018-0099-8', '10.1186/s12919-018-0099-8'],
    ['doi:10.1000/xyz.', '10.1000/xyz'],
    ['DOI 10.2307/2441258', '10.2307/2441258'],
    ['10.1093/ageing/afx001 [doi]', '10.1093/ageing/afx001'],
    ['id=doi:10.4103%2F2303-9027.138783&atitle=x', '10.4103/2303-9027.138783&atitle=x'],
    ['no doi here', ''],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDoi(input)).toBe(expected)
  })
  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) => normaliseDoi(normaliseDoi(text)) === normaliseDoi(normaliseDoi(normaliseDoi(text))),
      ),
    )
  })
})

describe('parseYear', () => {
  it.each([
    ['2020//', 2020],
    ['2018 Mar', 2018],
    ['Spring 1999', 1999],
    ['1954-07-01T00:00:00Z', 1954],
    ['12345', null],
    ['Jun', null],
  ])('%s → %s', (input, expected) => {
    expect(parseYear(input)).toBe(expected)
  })
})

describe('normalisePages', () => {
  it.each([
    ['123-9', '', '123-129'],
    ['123', '9', '123-129'],
    ['1021-8', '', '1021-1028'],
    ['921–31', '', '921-931'],
    ['e123', '', 'e123'],
    ['S1', 'S5', 'S1-S5'],
    ['99-101', '', '99-101'],
    ['110', '123', '110-123'],
  ])('%s / %s → %s', (start, end, expected) => {
    expect(normalisePages(start, end)).toBe(expected)
  })
})

describe('ids', () => {
  it('cleans PMIDs and PMCIDs', () => {
    expect(normalisePmid('PMID: 00123')).toBe('123')
    expect(normalisePmid('31234567 [pmid]')).toBe('31234567')
    expect(normalisePmcid('pmc 7654321')).toBe('PMC7654321')
    expect(normalisePmcid('7654321')).toBe('PMC7654321')
  })
})

describe('authors', () => {
  it.each([
    ['Smith, John A.', { family: 'Smith', given: 'John A.' }],
    ['García-López M', { family: 'García-López', given: 'M' }],
    ['Lucas J.S.', { family: 'Lucas', given: 'J.S.' }],
    ['Askell Love', { family: 'Love', given: 'Askell' }],
    ['World Health Organization', { family: 'World Health Organization', given: '' }],
    ['Cochrane Collaboration, The', { family: 'Cochrane Collaboration, The', given: '' }],
    ['Plato', { family: 'Plato', given: '' }],
  ])('%s', (input, expected) => {
    expect(parseAuthor(input)).toEqual(expected)
  })
  it('splits one-cell author lists', () => {
    expect(splitAuthorList('Smith J.; Doe A.')).toEqual(['Smith J.', 'Doe A.'])
    expect(splitAuthorList('Liu R., Adler D.G.')).toEqual(['Liu R.', 'Adler D.G.'])
    expect(splitAuthorList('Smith, SR, Newton, K, and Hill, J')).toEqual([
      'Smith, SR',
      'Newton, K',
      'Hill, J',
    ])
    expect(splitAuthorList('A|B')).toEqual(['A', 'B'])
  })
  it('never throws and never returns empty names', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const author = parseAuthor(text)
        return author === null || author.family.length > 0
      }),
    )
  })
})

describe('titleKey', () => {
  it('ignores case, diacritics and punctuation', () => {
    expect(titleKey('The Müller–Lyer illusion.')).toBe(titleKey('the muller lyer illusion'))
    expect(titleKey('王 and 漢字: a study')).toBe('王and漢字astudy')
  })
  it('is idempotent and whitespace-insensitive', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) => titleKey(titleKey(text)) === titleKey(text) && titleKey(` ${text}  `) === titleKey(text),
      ),
    )
  })
  it('collapseWhitespace', () => {
    expect(collapseWhitespace('  a\n\tb  c ')).toBe('a b c')
  })
})

describe('splitAuthorList with spaced initials (regression: "Zuna, R E and Wang, S S" split R off as an author)', () => {
  it('pairs family names with spaced initials', () => {
    expect(splitAuthorList('Zuna, R E and Wang, S S')).toEqual(['Zuna, R E', 'Wang, S S'])
    expect(splitAuthorList('Zuna, R. E., Wang, S. S.')).toEqual(['Zuna, R. E.', 'Wang, S. S.'])
  })
})
