import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { citation } from './__fixtures__/records'
import { isJournalCompatible, isVenueNameCompatible, journalWords, meetingWords } from './journal'
import {
  firstAuthorKey,
  isCollectiveAuthor,
  matchKeys,
  pageRange,
  stripTitleNotes,
  titleKeyOf,
  titleWords,
  volumeKey,
} from './keys'
import { jaroWinkler, levenshteinRatio } from './similarity'
import { abstractTokenSet, americanSpelling, foldText, stopWords, tokenSet, tokens } from './text'

const keyOf = (title: string): string => titleKeyOf(titleWords(title))

describe('title normalisation', () => {
  it('ignores case, diacritics, punctuation and a leading article', () => {
    expect(keyOf('The Müller–Lyer illusion.')).toBe(keyOf('muller lyer ILLUSION'))
  })

  it('removes HTML markup and decodes entities', () => {
    expect(keyOf('Ca<sup>2+</sup> handling in <i>db/db</i> mice &amp; rats')).toBe(
      keyOf('Ca2+ handling in db/db mice and rats'),
    )
    expect(keyOf('TNF&#945; and IL&#x2D;6')).toBe(keyOf('TNFα and IL-6'))
  })

  it('spells out Greek letters so β-cell and beta-cell agree', () => {
    expect(keyOf('Loss of β-cell mass')).toBe(keyOf('Loss of beta-cell mass'))
    expect(keyOf('&alpha;-synuclein')).toBe(keyOf('alpha-synuclein'))
    expect(foldText('µg')).toBe(foldText('μg'))
  })

  it('maps British spellings to American ones', () => {
    expect(keyOf('Randomised trial of haemoglobin targets in paediatric tumours')).toBe(
      keyOf('Randomized trial of hemoglobin targets in pediatric tumors'),
    )
    expect(americanSpelling('rise')).toBe('rise')
  })

  it('turns roman numerals in numbering position into digits, leaving the pronoun I alone', () => {
    expect(titleWords('Type II diabetes, part I')).toEqual(['type', '2', 'diabetes', 'part', '1'])
    expect(titleWords('Am I at risk')).toContain('i')
    // Words that name properties of plain objects are words like any other.
    expect(titleWords('The constructor of valueOf')).toEqual(['the', 'constructor', 'of', 'valueof'])
  })

  it('strips MEDLINE and Ovid notes after the title', () => {
    expect(stripTitleNotes('Management of cervical lesions. [Review] [43 refs]').trim()).toBe(
      'Management of cervical lesions.',
    )
    expect(
      keyOf('Atypical HUS.[Erratum appears in N Engl J Med. 2009;360(23):2487 Note: Philipp, T [added]]'),
    ).toBe(keyOf('Atypical HUS'))
    expect(keyOf('Living kidney donation. [Spanish]')).toBe(keyOf('Living kidney donation'))
    expect(keyOf('Severe deficiency in children.[Erratum appears in J Pediatr. 2003 Jun')).toBe(
      keyOf('Severe deficiency in children'),
    )
  })

  it('keeps thousands separators from splitting numbers', () => {
    expect(keyOf('A study among 10,000 women')).toBe(keyOf('A study among 10000 women'))
  })

  it('is invariant under case, punctuation and spacing changes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 1, maxLength: 12 }), (words) => {
        const title = words.join(' ')
        const noisy = words.map((word, i) => (i % 2 ? word.toUpperCase() : word)).join(' -  ') + '.'
        expect(keyOf(noisy)).toBe(keyOf(title))
      }),
    )
  })

  // The key joins words without spaces, so keying a key again can read new words into it (`i x` gives `ix`, which
  // reads as the numeral 9). What must hold is that the title's own words, matched again, give the same key.
  it('never throws, and its title words give the same key when matched again (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(keyOf(titleWords(text).join(' '))).toBe(keyOf(text))
      }),
    )
  })

  it('keeps single-letter words apart from the numerals their letters would spell', () => {
    expect(titleWords('i X')).toEqual(['i', 'x'])
    expect(keyOf('i X')).toBe('ix')
  })
})

describe('author, page and journal keys', () => {
  it('takes the first real word of the first family name', () => {
    expect(firstAuthorKey(citation({ authors: ['van der Berg, Jan'] }))).toBe('berg')
    expect(firstAuthorKey(citation({ authors: ['Gröönroos, J'] }))).toBe('groonroos')
    expect(firstAuthorKey(citation({ authors: ['Adeli K.Lewis G. F.'] }))).toBe('adeli')
  })

  it('agrees across author forms (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][a-z]{2,12}$/),
        fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
        (family, given) => {
          const full = firstAuthorKey(citation({ authors: [`${family}, ${given}`] }))
          const initials = firstAuthorKey(
            citation({ authors: [`${family.toUpperCase()}, ${given[0] ?? ''}.`] }),
          )
          expect(full).toBe(initials)
        },
      ),
    )
  })

  it('reads page styles alike', () => {
    expect(pageRange('288-97')).toEqual({ first: '288', last: '297' })
    expect(pageRange('288–297')).toEqual({ first: '288', last: '297' })
    expect(pageRange('e1234')).toEqual({ first: '1234', last: '' })
    expect(pageRange('S12-S14')).toEqual({ first: '12', last: '14' })
  })

  it('recognises journal abbreviations', () => {
    const pairs: [string, string][] = [
      ['Curr Opin Lipidol', 'Current Opinion in Lipidology'],
      ['N Engl J Med', 'New England Journal of Medicine'],
      ['Endocr Rev', 'Endocrine Reviews. Conference: ENDO 2012'],
      ['Arterioscler Thromb Vasc Biol', 'Arteriosclerosis, Thrombosis, and Vascular Biology'],
      ['PLoS ONE [Electronic Resource]', 'PLoS One'],
    ]
    for (const [a, b] of pairs)
      expect(isJournalCompatible(journalWords(a), journalWords(b)), `${a} / ${b}`).toBe(true)
    expect(isJournalCompatible(journalWords('Diabetes'), journalWords('Diabetologia'))).toBe(false)
    expect(isJournalCompatible(journalWords('Lancet'), journalWords('BMJ'))).toBe(false)
  })

  it('reads a volume, and nothing from a fragment of a supplement note', () => {
    expect(volumeKey('38 Suppl 1')).toBe('38')
    expect(volumeKey('65 (Supplement 1)')).toBe('65')
    expect(volumeKey('1)')).toBe('')
    expect(volumeKey('[Epub ahead of print]')).toBe('')
    expect(volumeKey('Apr 25 [Epub ahead of print]')).toBe('')
  })

  it('tells groups and companies from persons, and keys on the first person', () => {
    expect(isCollectiveAuthor({ family: 'Group', given: 'ASCUS-LSIL Triage Study (ALTS)' })).toBe(true)
    expect(isCollectiveAuthor({ family: 'Alexion Pharmaceuticals', given: 'Inc' })).toBe(true)
    expect(isCollectiveAuthor({ family: 'Anonymous', given: '' })).toBe(true)
    expect(isCollectiveAuthor({ family: 'Grouper', given: 'Anna' })).toBe(false)
    expect(isCollectiveAuthor({ family: 'Solomon', given: 'D' })).toBe(false)
    expect(firstAuthorKey(citation({ authors: ['ACCORD Study Group', 'Gerstein, H'] }))).toBe('gerstein')
    expect(matchKeys(citation({ authors: ['Group, ALTS'] })).authorTokens.length).toBe(0)
  })

  it('recognises contracted journal abbreviations (ISO 4) and French and Spanish function words', () => {
    const pairs: [string, string][] = [
      ['Dtsch-Med-Wochenschr', 'Deutsche Medizinische Wochenschrift'],
      ['Ann Fr Anesth Reanim', "Annales Françaises d'Anesthésie et de Réanimation"],
      [
        'Proc Natl Acad Sci U S A',
        'Proceedings of the National Academy of Sciences of the United States of America',
      ],
    ]
    for (const [a, b] of pairs)
      expect(isJournalCompatible(journalWords(a), journalWords(b)), `${a} / ${b}`).toBe(true)
    // A contraction keeps the first letter and needs four letters: `card` is no abbreviation of `diabetes care`.
    expect(isJournalCompatible(journalWords('Diabetes Care'), journalWords('Diabetes Cardiology'))).toBe(
      false,
    )
    expect(isJournalCompatible(journalWords('Heart'), journalWords('Health'))).toBe(false)
  })

  it('treats an Embase meeting name as the venue of a conference record', () => {
    const withJournal =
      'Journal of Thrombosis and Haemostasis.Conference: 23rd Congress of the ISTH Kyoto Japan.'
    const meetingOnly = '23rd Congress of the ISTH Kyoto Japan.'
    expect(meetingWords(withJournal)).toEqual(journalWords(meetingOnly))
    expect(meetingWords('Blood')).toEqual([])
    const venue = (journal: string) => ({
      journalWords: journalWords(journal),
      meetingWords: meetingWords(journal),
    })
    expect(isVenueNameCompatible(venue(withJournal), venue(meetingOnly))).toBe(true)
    expect(isVenueNameCompatible(venue(withJournal), venue('J Thromb Haemost'))).toBe(true)
    expect(isVenueNameCompatible(venue(withJournal), venue('24th Congress of the ISTH Amsterdam'))).toBe(
      false,
    )
  })

  it('normalises identifiers', () => {
    const keys = matchKeys(citation({ doi: 'https://doi.org/10.1000/ABC.', pmid: 'PMID: 123', pmcid: '456' }))
    expect([keys.doi, keys.pmid, keys.pmcid]).toEqual(['10.1000/abc', '123', 'PMC456'])
  })
})

describe('similarities', () => {
  const naive = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0] ?? 0
      row[0] = i
      for (let j = 1; j <= b.length; j++) {
        const above = row[j] ?? 0
        row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[b.length] ?? 0
  }

  it('banded Levenshtein equals the full one whenever it reports a ratio (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab c]{0,30}$/), fc.stringMatching(/^[ab c]{0,30}$/), (a, b) => {
        const ratio = levenshteinRatio(a, b, 0.6)
        const longer = Math.max(a.length, b.length)
        const exact = longer === 0 ? 1 : 1 - naive(a, b) / longer
        if (exact >= 0.6) expect(ratio).toBeCloseTo(exact, 10)
        else expect(ratio).toBe(0)
      }),
      { numRuns: 500 },
    )
  })

  it('banded Levenshtein is exact on strings that share a prefix and a suffix (property)', () => {
    const text = fc.stringMatching(/^[ab c]{0,12}$/)
    fc.assert(
      fc.property(text, text, text, text, (prefix, middleA, middleB, suffix) => {
        const [a, b] = [prefix + middleA + suffix, prefix + middleB + suffix]
        const exact = a.length === 0 && b.length === 0 ? 1 : 1 - naive(a, b) / Math.max(a.length, b.length)
        const ratio = levenshteinRatio(a, b, 0.6)
        if (exact >= 0.6) expect(ratio).toBeCloseTo(exact, 10)
        else expect(ratio).toBe(0)
      }),
      { numRuns: 500 },
    )
  })

  it('abstract word sets read character by character equal those made through the regular expressions (property)', () => {
    // Stop words, British spellings of every ending `americanSpelling` changes, and words it must leave alone.
    const words = ['the', 'and', 'of', 'is', 'randomised', 'hospitalisations', 'organisation', 'analysing']
    words.push(
      'tumour',
      'behaviours',
      'haemoglobin',
      'paediatric',
      'oedema',
      'centre',
      'theatres',
      'rise',
      'hour',
    )
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.stringMatching(/^[a-z0-9]{1,9}$/),
      fc.constantFrom(' ', ', ', '-', '. ', '\n', 'é', 'Ü', 'ß', '2,000', 'α'),
    )
    const reference = (folded: string, limit: number): readonly number[] =>
      tokenSet(
        tokens(folded)
          .filter((word) => word.length >= 3 && !stopWords.has(word))
          .slice(0, limit)
          .map(americanSpelling),
      )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (pieces, limit) => {
        const folded = foldText(pieces.join(' '))
        expect(abstractTokenSet(folded, limit)).toEqual(reference(folded, limit))
      }),
      { numRuns: 500 },
    )
  })

  it('Jaro-Winkler is symmetric, bounded and 1 only for equal strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 15 }), fc.string({ maxLength: 15 }), (a, b) => {
        const value = jaroWinkler(a, b)
        expect(value).toBeCloseTo(jaroWinkler(b, a), 10)
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value).toBeLessThanOrEqual(1 + 1e-12)
        if (a === b) expect(value).toBe(1)
      }),
    )
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3)
  })
})
