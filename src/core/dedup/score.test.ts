import { describe, expect, it } from 'vitest'

import { citation, pubmedArticle, type FixtureFields } from './__fixtures__/records'
import { noticeKind } from './cues'
import { matchKeys } from './keys'
import { comparePair, titleSimilarity, type PairVerdict } from './score'
import { foldText } from './text'

const verdict = (a: FixtureFields, b: FixtureFields): PairVerdict =>
  comparePair(matchKeys(citation(a)), matchKeys(citation(b))).verdict

/** The same article as Embase exports it: capitals, initials, abbreviated journal, full page range, no PMID. */
const embaseCopy: FixtureFields = {
  ...pubmedArticle,
  title: 'EFFECT OF INTENSIVE GLUCOSE LOWERING ON CORONARY MICROVASCULAR FUNCTION IN TYPE 2 DIABETES.',
  authors: ['Muller, A.', 'Okafor, C.', 'Lindqvist, E.'],
  journal: 'Diabetes Care',
  pages: '412-9',
  pmid: '',
  source: 'Embase',
}

describe('true duplicates merge automatically', () => {
  it('the same article from two databases with different case, author forms and page style', () => {
    expect(verdict(pubmedArticle, embaseCopy)).toBe('duplicate')
  })

  it('without a DOI on one side', () => {
    expect(verdict(pubmedArticle, { ...embaseCopy, doi: '' })).toBe('duplicate')
  })

  it('with a British spelling and a dropped subtitle', () => {
    const british = {
      ...pubmedArticle,
      title: 'Randomised trial of haemoglobin targets in anaemic children: the HEMO study',
    }
    const american = {
      ...embaseCopy,
      doi: '',
      title: 'Randomized trial of hemoglobin targets in anemic children',
    }
    expect(verdict(british, american)).toBe('duplicate')
  })

  it('on the same DOI whatever the rest says', () => {
    expect(verdict(pubmedArticle, { doi: pubmedArticle.doi, title: pubmedArticle.title })).toBe('duplicate')
  })
})

describe('trap: errata, corrigenda and retraction notices', () => {
  it('recognises notices by title and by publication type', () => {
    expect(noticeKind(foldText('Erratum: Effect of X on Y'), [])).toBe('erratum')
    expect(noticeKind(foldText('Corrigendum to "Effect of X on Y"'), [])).toBe('erratum')
    expect(noticeKind(foldText('Correction to: Effect of X on Y'), [])).toBe('erratum')
    expect(noticeKind(foldText('Effect of X on Y'), ['Published Erratum'])).toBe('erratum')
    expect(noticeKind(foldText('Retraction notice to "Effect of X on Y"'), [])).toBe('retraction')
    expect(noticeKind(foldText('RETRACTED: Effect of X on Y'), [])).toBe('article')
    expect(noticeKind(foldText('Withdrawal of treatment in the ICU'), [])).toBe('article')
  })

  it('an erratum never merges with the article it corrects', () => {
    const erratum = {
      ...pubmedArticle,
      title: `Erratum: ${pubmedArticle.title ?? ''}`,
      pages: '1001',
      doi: '',
      pmid: '',
    }
    expect(verdict(pubmedArticle, erratum)).toBe('distinct')
  })

  it('a corrigendum typed only by its publication type stays apart', () => {
    const corrigendum = { ...embaseCopy, doi: '', pages: '', publicationTypes: ['Published Erratum'] }
    expect(verdict(pubmedArticle, corrigendum)).toBe('distinct')
  })

  it('a retraction notice stays apart from the retracted article', () => {
    const notice = {
      ...embaseCopy,
      doi: '10.2337/dc16-9999',
      title: `Retraction notice to: ${pubmedArticle.title ?? ''}`,
    }
    expect(verdict(pubmedArticle, notice)).toBe('distinct')
  })
})

describe('trap: conference abstract versus full paper', () => {
  const abstract: FixtureFields = {
    ...embaseCopy,
    doi: '',
    journal: 'Diabetes. Conference: 76th Scientific Sessions of the American Diabetes Association',
    year: 2016,
    volume: '65',
    pages: 'A120',
    publicationTypes: ['Conference Abstract'],
  }

  it('is not merged automatically', () => {
    expect(verdict(pubmedArticle, abstract)).not.toBe('duplicate')
  })

  it('is kept apart even when journal and year agree, if pages differ', () => {
    const sameJournal = {
      ...abstract,
      journal: 'Diabetes Care. Conference: ADA',
      year: 2017,
      volume: '40',
      pages: '1',
    }
    expect(verdict(pubmedArticle, sameJournal)).not.toBe('duplicate')
  })

  it('merges when the DOI is the same', () => {
    expect(verdict(pubmedArticle, { ...abstract, doi: pubmedArticle.doi })).toBe('duplicate')
  })

  it('merges the same abstract indexed as a meeting item and as a journal item', () => {
    const meeting = { ...abstract, abstract: 'Background: a b c d e f g h i j k l m n o p q r s t.' }
    const journalItem = { ...meeting, journal: 'Diabetes', publicationTypes: [] }
    expect(verdict(meeting, journalItem)).toBe('duplicate')
  })

  it('keeps apart one abstract presented at two meetings (different journals and pages)', () => {
    const easd = { ...abstract, journal: 'Diabetologia', volume: '1', pages: 'S334', publicationTypes: [] }
    const ada = { ...abstract, journal: 'Diabetes', volume: '1', pages: 'A254-A255', publicationTypes: [] }
    expect(verdict(easd, ada)).not.toBe('duplicate')
  })
})

describe('trap: different papers of one series', () => {
  const series = { ...pubmedArticle, doi: '', pmid: '', pages: '', volume: '' }

  it('Part I and Part II stay apart', () => {
    expect(
      verdict(
        { ...series, title: 'Diabetic cardiomyopathy. Part I: mechanisms' },
        { ...series, title: 'Diabetic cardiomyopathy. Part II: mechanisms' },
      ),
    ).toBe('distinct')
  })

  it('different numbers in otherwise equal titles stay apart', () => {
    const one = { ...series, title: 'Outcomes of the ACCORD trial in type 1 diabetes: 5-year follow-up' }
    const two = { ...series, title: 'Outcomes of the ACCORD trial in type 2 diabetes: 5-year follow-up' }
    expect(verdict(one, two)).toBe('distinct')
    expect(verdict(one, { ...one, title: one.title.replace('5-year', '10-year') })).toBe('distinct')
  })

  it('titles that share most words stay apart on the same citation, unless an identifier ties them', () => {
    const first = {
      ...pubmedArticle,
      title: 'Glucose lowering and coronary function in adults with type 2 diabetes',
    }
    const second = {
      ...first,
      title: 'Glucose lowering and kidney outcomes in adults with type 2 diabetes',
    }
    const a = matchKeys(citation({ ...first, doi: '', pmid: '' }))
    const b = matchKeys(citation({ ...second, doi: '', pmid: '' }))
    const title = titleSimilarity(a, b)
    expect(title).toBeGreaterThanOrEqual(0.6)
    expect(title).toBeLessThan(0.8)
    expect(comparePair(a, b).verdict).toBe('distinct')
    expect(verdict({ ...first, pmid: '' }, { ...second, pmid: '' })).not.toBe('distinct')
  })

  it('numbered titles stay apart even when everything else agrees, unless an identifier ties them', () => {
    const first = { ...pubmedArticle, title: 'Effect of intervention 12 on outcome in adults' }
    const second = { ...first, title: 'Effect of intervention 13 on outcome in adults' }
    expect(verdict({ ...first, doi: '', pmid: '' }, { ...second, doi: '', pmid: '' })).toBe('distinct')
    expect(
      verdict(
        { ...first, doi: '10.1016/j.example.2020.01.012', pmid: '' },
        { ...second, doi: '10.1016/j.example.2020.01.012', pmid: '' },
      ),
    ).not.toBe('distinct')
  })

  it('a number only one copy has (a truncated title) does not split true duplicates', () => {
    const full = {
      ...pubmedArticle,
      title: 'Persistent HPV infections as surrogate endpoints: new generation non-HPV 16/18 vaccines',
    }
    const cut = {
      ...embaseCopy,
      doi: '',
      title: 'Persistent HPV infections as surrogate endpoints: new generation non-HPV 16/18 vacc',
    }
    expect(verdict(full, cut)).toBe('duplicate')
  })
})

describe('trap: reply letters and comments', () => {
  const letter = { ...pubmedArticle, doi: '', pmid: '', pages: '1020', volume: '41' }

  it('a reply never merges with the letter it answers', () => {
    const comment = {
      ...letter,
      title: 'Comment on: Effect of intensive glucose lowering on coronary microvascular function',
    }
    const reply = {
      ...letter,
      title: 'Reply to: Comment on: Effect of intensive glucose lowering on coronary microvascular function',
    }
    expect(verdict(comment, reply)).toBe('distinct')
  })

  it('a response letter stays apart from the article', () => {
    const response = {
      ...letter,
      title: `Response to ${pubmedArticle.title ?? ''}`,
      authors: ['Müller, Anna'],
    }
    expect(verdict(pubmedArticle, response)).toBe('distinct')
  })

  it('"Re:" letters stay apart from the article', () => {
    expect(verdict(pubmedArticle, { ...letter, title: `Re: ${pubmedArticle.title ?? ''}` })).toBe('distinct')
  })
})

describe('trap: translations', () => {
  it('the same article in two languages stays apart without a shared identifier', () => {
    const german = { ...embaseCopy, doi: '', language: 'German', pages: '', volume: '' }
    expect(verdict({ ...pubmedArticle, language: 'English' }, german)).toBe('distinct')
  })

  it('language codes and names agree', () => {
    expect(verdict({ ...pubmedArticle, language: 'eng' }, { ...embaseCopy, language: 'English' })).toBe(
      'duplicate',
    )
  })
})

describe('conflicting citations go to review, not to merge', () => {
  it('same title and authors but different first pages', () => {
    expect(verdict(pubmedArticle, { ...embaseCopy, doi: '', pages: '2205' })).toBe('possible')
  })

  it('different PubMed ids are never one record', () => {
    expect(verdict(pubmedArticle, { ...pubmedArticle, doi: '', pmid: '28100002' })).not.toBe('duplicate')
  })

  it('a record without a title is never merged automatically', () => {
    expect(verdict(pubmedArticle, { ...embaseCopy, title: '', doi: '' })).not.toBe('duplicate')
  })

  it('short generic titles need the same citation', () => {
    const editorial = { title: 'Editorial', authors: ['Smith, J'], year: 2015, journal: 'Heart' }
    expect(
      verdict({ ...editorial, volume: '101', pages: '1' }, { ...editorial, volume: '101', pages: '77' }),
    ).not.toBe('duplicate')
    expect(
      verdict({ ...editorial, volume: '101', pages: '1' }, { ...editorial, volume: '101', pages: '1-2' }),
    ).toBe('duplicate')
  })
})
