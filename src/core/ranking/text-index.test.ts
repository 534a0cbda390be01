import { describe, expect, it } from 'vitest'

import { rowDot } from './__fixtures__/rows'
import { buildTextIndex, featureTerm } from './text-index'
import { sStem, tokenize } from './tokenize'

describe('tokenize', () => {
  it('keeps lower-cased runs of two or more letters or digits, in any script', () => {
    expect(tokenize('COVID-19 in Zürich: a β-blocker trial (n=42)')).toEqual([
      'covid',
      '19',
      'in',
      'zürich',
      'blocker',
      'trial',
      '42',
    ])
  })

  it('drops the given stop words', () => {
    expect(tokenize('Risk of bias in trials', new Set(['of', 'in']))).toEqual(['risk', 'bias', 'trials'])
  })
})

describe('buildTextIndex', () => {
  const texts = ['renal failure in dogs', 'renal failure', 'cats and dogs', '']
  const index = buildTextIndex(texts, {
    ngrams: 2,
    minRecords: 1,
    dropStopWords: false,
    stem: false,
    charGrams: 0,
  })

  const rowTerms = (row: number): string[] => {
    const terms: string[] = []
    for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
      terms.push(featureTerm(index, index.columns[at] ?? 0))
    return terms.sort()
  }

  it('holds words and adjacent word pairs per row, in compressed sparse rows', () => {
    expect(index.rowCount).toBe(4)
    expect(rowTerms(1)).toEqual(['failure', 'renal', 'renal failure'])
    expect(rowTerms(0)).toContain('in dogs')
    expect(rowTerms(3)).toEqual([])
  })

  it('weights rare terms higher and normalises every row to unit length', () => {
    for (const row of [0, 1, 2]) {
      let squares = 0
      for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
        squares += (index.values[at] ?? 0) ** 2
      expect(squares).toBeCloseTo(1, 6)
    }
    const idfOf = (term: string): number => {
      for (let feature = 0; feature < index.featureCount; feature++)
        if (featureTerm(index, feature) === term) return index.idf[feature] ?? 0
      return Number.NaN
    }
    // smooth idf: ln((1 + 4) / (1 + df)) + 1
    expect(idfOf('renal')).toBeCloseTo(Math.log(5 / 3) + 1, 6)
    expect(idfOf('cats')).toBeCloseTo(Math.log(5 / 2) + 1, 6)
  })

  it('drops features seen in fewer than minRecords records', () => {
    const common = buildTextIndex(texts, {
      ngrams: 2,
      minRecords: 2,
      dropStopWords: false,
      stem: false,
      charGrams: 0,
    })
    const terms = Array.from({ length: common.featureCount }, (_, feature) => featureTerm(common, feature))
    expect(terms.sort()).toEqual(['dogs', 'failure', 'renal', 'renal failure'])
  })
})

describe('text index options', () => {
  it('folds plurals onto the singular', () => {
    expect(['trials', 'studies', 'analyses', 'status', 'class', 'rats', 'is'].map(sStem)).toEqual([
      'trial',
      'study',
      'analyse',
      'status',
      'class',
      'rat',
      'is',
    ])
    const index = buildTextIndex(['two trials', 'one trial'], {
      stem: true,
      minRecords: 2,
      ngrams: 1,
      charGrams: 0,
    })
    expect(index.featureCount).toBe(1)
    expect(featureTerm(index, 0)).toBe('trial')
  })

  it('adds lead-word features for the first words, named like the words', () => {
    const index = buildTextIndex(['statin trial in adults', 'adults statin'], {
      leadWords: 2,
      minRecords: 1,
      ngrams: 1,
      stem: false,
      charGrams: 0,
    })
    const lead = [...index.lead].map((flag, feature) => (flag ? featureTerm(index, feature) : null))
    // "in adults" is past the first two words of record 0; record 1 is all lead.
    expect(lead.filter((term) => term !== null).sort()).toEqual(['adults', 'statin', 'trial'])
    expect(index.featureCount).toBe(4 + 3)
  })

  it('adds character n-grams of each word, padded with spaces, that spelling variants share', () => {
    const index = buildTextIndex(['urea', 'sulphonylurea', 'sulfonylureas'], {
      charGrams: 4,
      minRecords: 1,
      ngrams: 1,
      stem: false,
    })
    const gramsOf = (row: number): string[] => {
      const grams: string[] = []
      for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
        if (index.charGram[index.columns[at] ?? 0]) grams.push(featureTerm(index, index.columns[at] ?? 0))
      return grams.sort()
    }
    expect(gramsOf(0)).toEqual([' ure', 'rea ', 'urea'])
    const shared = gramsOf(1).filter((gram) => gramsOf(2).includes(gram))
    expect(shared).toEqual([' sul', 'lure', 'nylu', 'onyl', 'urea', 'ylur'])
    // Words and grams are separate features: "urea" the word is not "urea" the gram.
    expect(index.featureCount).toBe(3 + new Set([0, 1, 2].flatMap(gramsOf)).size)
  })

  it('weights character n-grams by charWeight before rows are normalised', () => {
    const valueOf = (charWeight: number, gram: boolean): number => {
      const index = buildTextIndex(['cat', 'dog'], { charGrams: 5, charWeight, minRecords: 1, ngrams: 1 })
      let value = 0
      for (let at = index.rowStart[0] ?? 0; at < (index.rowStart[1] ?? 0); at++)
        if (Boolean(index.charGram[index.columns[at] ?? 0]) === gram) value = index.values[at] ?? 0
      return value
    }
    // One word and its one 5-gram (" cat "), equal idf: 1 / √2 each at weight 1, the gram 3× the word at 3.
    expect(valueOf(1, true)).toBeCloseTo(Math.SQRT1_2, 6)
    expect(valueOf(3, true) / valueOf(3, false)).toBeCloseTo(3, 6)
  })

  it('adds the metadata kinds whose weight is above 0, at that weight, kept like words by minRecords', () => {
    const texts = ['liver metastases', 'liver metastases', 'bone']
    const metadata = [
      ['author: frilling a', 'journal: surgery', 'year: 2006'],
      ['author: frilling a', 'author: clift a', 'journal: surgery', 'year: 2006'],
      [],
    ]
    const termsOf = (index: ReturnType<typeof buildTextIndex>, row: number): Map<string, number> => {
      const terms = new Map<string, number>()
      for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
        terms.set(featureTerm(index, index.columns[at] ?? 0), index.values[at] ?? 0)
      return terms
    }
    const plain = buildTextIndex(texts, { ngrams: 1, charGrams: 0, minRecords: 2 }, undefined, metadata)
    expect(plain).toEqual(buildTextIndex(texts, { ngrams: 1, charGrams: 0, minRecords: 2 }))
    const index = buildTextIndex(
      texts,
      { ngrams: 1, charGrams: 0, minRecords: 2, authorWeight: 2, yearWeight: 1 },
      undefined,
      metadata,
    )
    const row = termsOf(index, 1)
    // `clift a` is in one record only; the journal's weight is 0.
    expect([...row.keys()].sort()).toEqual(['author: frilling a', 'liver', 'metastases', 'year: 2006'])
    // Same idf for all four: the author counts twice a word.
    expect((row.get('author: frilling a') ?? 0) / (row.get('liver') ?? 1)).toBeCloseTo(2, 6)
    expect((row.get('year: 2006') ?? 0) / (row.get('liver') ?? 1)).toBeCloseTo(1, 6)
    expect(
      [...termsOf(index, 1).keys()].filter(
        (term) => index.metadata[index.columns.find((c) => featureTerm(index, c) === term) ?? 0],
      ),
    ).toEqual(['author: frilling a', 'year: 2006'])
    // Words met after metadata tokens keep features of their own.
    const all = buildTextIndex(
      texts,
      { ngrams: 1, charGrams: 0, minRecords: 1, authorWeight: 1 },
      undefined,
      metadata,
    )
    expect([...termsOf(all, 2).keys()]).toEqual(['bone'])
  })

  it('with stemUnion, adds plural groups of two or more forms beside the words, at stemUnion weight', () => {
    const texts = ['trial of statins', 'trials of a statin', 'status report', 'report']
    const options = { stemUnion: 1, stem: false, minRecords: 1, ngrams: 1, charGrams: 0 } as const
    const index = buildTextIndex(texts, options)
    const groupsOf = (row: number): string[] => {
      const found: string[] = []
      for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
        if (index.group[index.columns[at] ?? 0]) found.push(featureTerm(index, index.columns[at] ?? 0))
      return found.sort()
    }
    // "trial"/"trials" and "statin"/"statins" pool; "status" and "report" have one form each, so no group.
    expect(groupsOf(0)).toEqual(['statin', 'trial'])
    expect(groupsOf(1)).toEqual(['statin', 'trial'])
    expect(groupsOf(2)).toEqual([])
    // The words stay: of, trial, trials, statin, statins, status, report ("a" is too short), plus the 2 groups.
    expect(index.featureCount).toBe(7 + 2)
    // Off, or with plurals folded, there are no groups.
    expect([...buildTextIndex(texts, { ...options, stemUnion: 0 }).group].some(Boolean)).toBe(false)
    expect([...buildTextIndex(texts, { ...options, stem: true }).group].some(Boolean)).toBe(false)
    // The weight scales group values against the words' before normalising.
    const ratio = (weight: number): number => {
      const weighted = buildTextIndex(['trial trials'], { ...options, stemUnion: weight })
      let [word, group] = [0, 0]
      for (let at = 0; at < weighted.values.length; at++)
        if (weighted.group[weighted.columns[at] ?? 0]) group = weighted.values[at] ?? 0
        else word = weighted.values[at] ?? 0
      return group / word
    }
    // "trial trials": the group counts 2 (1 + ln 2 sublinear), each word 1; all idf equal.
    expect(ratio(1)).toBeCloseTo(1 + Math.log(2), 6)
    expect(ratio(0.5)).toBeCloseTo(0.5 * (1 + Math.log(2)), 6)
  })
})

describe('title weight', () => {
  // "statin trial" is the title of the first two records; the third has no title.
  const texts = ['statin trial in adults', 'statin trial adults', 'adults statin trial']
  const titleLengths = [12, 12, 0]
  const valueOf = (index: ReturnType<typeof buildTextIndex>, row: number, term: string): number => {
    for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
      if (featureTerm(index, index.columns[at] ?? 0) === term) return index.values[at] ?? 0
    return Number.NaN
  }

  it('counts the words of the title titleWeight times, and changes nothing without title lengths', () => {
    const options = { ngrams: 2, minRecords: 1, sublinearTf: false, charGrams: 0, titleWeight: 2 } as const
    const plain = buildTextIndex(texts, { ...options, titleWeight: 1 }, titleLengths)
    const weighted = buildTextIndex(texts, options, titleLengths)
    // Raw counts: in row 0, "statin", "trial" and "statin trial" count 2 and "in", "adults", "trial in" 1 (the pair
    // after the title's last word is not a title pair); row 2, without a title, is as without the option.
    const ratio = (index: typeof plain, term: string): number =>
      valueOf(index, 0, term) / valueOf(index, 0, 'adults')
    expect(ratio(weighted, 'statin') / ratio(plain, 'statin')).toBeCloseTo(2, 6)
    expect(ratio(weighted, 'statin trial') / ratio(plain, 'statin trial')).toBeCloseTo(2, 6)
    expect(ratio(weighted, 'in') / ratio(plain, 'in')).toBeCloseTo(1, 6)
    expect(ratio(weighted, 'trial in') / ratio(plain, 'trial in')).toBeCloseTo(1, 6)
    expect(Array.from(weighted.values.subarray(weighted.rowStart[2], weighted.rowStart[3]))).toEqual(
      Array.from(plain.values.subarray(plain.rowStart[2], plain.rowStart[3])),
    )
    expect(buildTextIndex(texts, options)).toEqual(buildTextIndex(texts, { ...options, titleWeight: 1 }))
  })

  it('with latentRank, appends unit latent rows at latentWeight so that records on one topic in other words meet', () => {
    const topics = [
      'renal failure dialysis',
      'kidney transplant graft',
      'renal failure kidney',
      'dialysis transplant graft',
      'bird song migration',
      'songbird flight feathers',
      'bird song feathers',
      'migration flight songbird',
    ]
    const options = { ngrams: 1 as const, minRecords: 1, charGrams: 0, titleWeight: 1 }
    const plain = buildTextIndex(topics, options)
    const withLatent = buildTextIndex(topics, { ...options, latentRank: 2, latentWeight: 0.5 })
    expect(withLatent.featureCount).toBe(plain.featureCount + 2)
    expect([...withLatent.latent.slice(plain.featureCount)]).toEqual([1, 1])
    expect(featureTerm(withLatent, plain.featureCount)).toBe('latent 0')
    for (let row = 0; row < topics.length; row++) expect(rowDot(withLatent, row, row)).toBeCloseTo(1, 5)
    // Rows 0 and 1 share no word: similar only through the latent part (at most 0.5² / (1 + 0.5²) = 0.2).
    expect(rowDot(plain, 0, 1)).toBe(0)
    expect(rowDot(withLatent, 0, 1)).toBeGreaterThan(0.15)
    expect(Math.abs(rowDot(withLatent, 0, 5))).toBeLessThan(0.05)
    // The sparse part is the plain row scaled by 1 / √(1 + 0.5²).
    expect(withLatent.values[withLatent.rowStart[0] ?? 0]).toBeCloseTo(
      (plain.values[plain.rowStart[0] ?? 0] ?? 0) / Math.sqrt(1.25),
      6,
    )
  })
})
