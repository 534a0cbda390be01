import { describe, expect, it } from 'vitest'

import { citation, pubmedArticle, type FixtureFields } from './__fixtures__/records'
import { isConferenceRecord, noticeKind } from './cues'
import { findDuplicates } from './find-duplicates'
import { matchKeys } from './keys'
import { comparePair, type PairVerdict } from './score'
import { foldText } from './text'

const verdict = (a: FixtureFields, b: FixtureFields): PairVerdict =>
  comparePair(matchKeys(citation(a)), matchKeys(citation(b))).verdict

/** A citation without identifiers, as the Rathbone sets and many Ovid exports give it. */
const bare: FixtureFields = { ...pubmedArticle, doi: '', pmid: '' }

describe('correction notices printed with the corrected paper’s citation', () => {
  const wos = { ...bare, title: `${bare.title ?? ''} (vol 40, pg 412, 2017)`, volume: '40', pages: '1001' }
  const embase = {
    ...bare,
    title: `Erratum: ${bare.title ?? ''} (Diabetes Care (2017) 40 (412-419))`,
    volume: '40',
    pages: '1001-1001',
  }

  it('are errata', () => {
    expect(noticeKind(foldText(wos.title), [])).toBe('erratum')
    expect(noticeKind(foldText(`${bare.title ?? ''} (Diabetes Care (2017) 40 (412-419))`), [])).toBe(
      'erratum',
    )
  })

  it('never merge with the corrected article', () => {
    expect(verdict(bare, wos)).toBe('distinct')
    expect(verdict(bare, embase)).toBe('distinct')
  })

  it('merge with each other when printed on the same page', () => {
    expect(verdict(wos, embase)).toBe('duplicate')
  })

  it('two notices about one paper on different pages stay apart', () => {
    expect(verdict(wos, { ...embase, pages: '2205' })).not.toBe('duplicate')
    expect(verdict(wos, { ...embase, pages: '' })).not.toBe('duplicate')
  })
})

describe('reply cues', () => {
  it('ordinary wording mid-title is no reply', () => {
    expect(noticeKind(foldText('Differential signaling in response to glucose in the vasculature'), [])).toBe(
      'article',
    )
  })

  it('a reply to a letter mid-title, and a Web of Science ` - Reply` title, are replies', () => {
    expect(noticeKind(foldText('Statins and cancer: response to the letter by Smith'), [])).toBe('reply')
    expect(noticeKind(foldText('Atypical HUS associated with streptococcus - Reply'), [])).toBe('reply')
    expect(noticeKind(foldText('Statins in the elderly: in reply to Jones'), [])).toBe('reply')
  })
})

describe('group authors', () => {
  const group = { ...bare, authors: ['Group, ALTS'] }

  it('do not contradict a person’s name when the citation agrees', () => {
    expect(verdict({ ...bare, authors: ['Solomon, D'] }, group)).toBe('duplicate')
  })

  it('are no evidence either: without pages the pair is not merged', () => {
    expect(verdict({ ...bare, authors: ['Solomon, D'], pages: '' }, { ...group, pages: '' })).not.toBe(
      'duplicate',
    )
  })
})

describe('volume fragments', () => {
  it('`1)` left of `(Supplement 1)` does not contradict the volume', () => {
    const meeting = { ...bare, volume: '50', issue: 'SUPPL. 1', pages: '45' }
    expect(verdict(meeting, { ...meeting, volume: '1)', issue: '' })).toBe('duplicate')
    expect(verdict(meeting, { ...meeting, volume: '2' })).not.toBe('duplicate')
  })
})

describe('translated titles', () => {
  const french: FixtureFields = {
    title: 'Antibiotic prophylaxis in pulmonary surgery. A controlled double-blind study of amoxicillin',
    authors: ['Train, M', 'Soulard, D'],
    year: 1994,
    journal: 'Ann Fr Anesth Reanim',
    volume: '13',
    pages: '280-284',
  }
  const translated: FixtureFields = {
    ...french,
    title: '[Comparison of amoxicillin and cefamandole in the prevention of infections in pulmonary surgery]',
    journal: "Annales françaises d'anesthésie et de réanimation",
  }

  it('merge when journal, year, volume and the page range agree', () => {
    expect(verdict(french, translated)).toBe('duplicate')
  })

  it('stay apart when any of them differs, or the page range is a single page', () => {
    expect(verdict(french, { ...translated, pages: '280-285' })).not.toBe('duplicate')
    expect(verdict(french, { ...translated, volume: '14' })).not.toBe('duplicate')
    expect(verdict(french, { ...translated, year: 1995 })).not.toBe('duplicate')
    expect(verdict(french, { ...translated, journal: 'Anaesthesia' })).not.toBe('duplicate')
    expect(verdict({ ...french, pages: '280' }, { ...translated, pages: '280' })).not.toBe('duplicate')
  })

  it('need a translated title on one side: different untranslated titles on the same pages stay apart', () => {
    const other = { ...french, title: 'Cefamandole levels in bronchial secretions after a single dose' }
    expect(verdict(french, other)).not.toBe('duplicate')
  })

  it('a translation published in another language (the trap) still stays apart', () => {
    expect(verdict({ ...french, language: 'English' }, { ...translated, language: 'French' })).toBe(
      'distinct',
    )
  })

  it('three copies form one cluster although two titles share few words', () => {
    const result = findDuplicates([
      { id: 'a', record: citation(french) },
      { id: 'b', record: citation(translated) },
      {
        id: 'c',
        record: citation({ ...translated, journal: 'Annales Francaises d Anesthesie et de Reanimation' }),
      },
    ])
    expect(result.clusters).toEqual([['a', 'b', 'c']])
  })
})

describe('one meeting abstract indexed twice', () => {
  const meeting: FixtureFields = {
    title: 'Activation of complement during liver transplantation in atypical hemolytic uremic syndrome',
    authors: ['Koskinen, A', 'Tukiainen, E', 'Nordin, A', 'Makisalo, H'],
    year: 2010,
    journal:
      'Scandinavian Journal of Immunology.Conference: 39th Meeting of the Scandinavian Society for Immunology',
    publicationTypes: ['Conference Abstract'],
  }
  const journalItem: FixtureFields = {
    ...meeting,
    title: 'Activation of Complement During Liver Transplantation in Atypical Hemolytic Uremic Syndrome',
    journal: 'Scandinavian Journal of Immunology',
    volume: '71',
    issue: '6',
    pages: '507-507',
    publicationTypes: [],
  }

  it('merges with the journal’s single-page or supplement printing of it', () => {
    expect(verdict(meeting, journalItem)).toBe('duplicate')
    expect(verdict(meeting, { ...journalItem, issue: 's2', pages: '499-711' })).toBe('duplicate')
  })

  it('merges when the two give different single pages (an abstract number and a page)', () => {
    expect(verdict({ ...meeting, volume: '71', pages: '22' }, journalItem)).toBe('duplicate')
  })

  it('does not merge with a full paper: a page range in a regular issue', () => {
    expect(verdict(meeting, { ...journalItem, pages: '507-515' })).not.toBe('duplicate')
  })

  it('needs the same words, the same authors, year and journal', () => {
    const retitled = {
      ...journalItem,
      title: 'Activation of complement during liver transplantation in aHUS patients',
    }
    expect(verdict(meeting, retitled)).not.toBe('duplicate')
    expect(
      verdict(meeting, { ...journalItem, authors: ['Koskinen, A', 'Jokiranta, S', 'Meri, S'] }),
    ).not.toBe('duplicate')
    expect(verdict(meeting, { ...journalItem, year: 2011 })).not.toBe('duplicate')
    expect(verdict(meeting, { ...journalItem, journal: 'Transplant International' })).not.toBe('duplicate')
  })

  it('merges a short title only when both records name the same meeting', () => {
    const short = { ...meeting, title: 'The treatment of atypical HUS', authors: ['Loirat, C'] }
    const second = { ...short, volume: '26', issue: '9', pages: '1746-1746' }
    expect(verdict({ ...short, pages: '9' }, second)).toBe('duplicate')
    const journalOnly = { ...second, journal: 'Scandinavian Journal of Immunology', publicationTypes: [] }
    expect(verdict({ ...short, pages: '9' }, journalOnly)).not.toBe('duplicate')
    const otherMeeting = { ...second, journal: 'Scandinavian Journal of Immunology.Conference: 40th Meeting' }
    expect(verdict({ ...short, pages: '9' }, otherMeeting)).not.toBe('duplicate')
  })

  it('merges a record naming only the meeting with the one naming its journal too', () => {
    const meetingOnly = { ...meeting, journal: '39th Meeting of the Scandinavian Society for Immunology' }
    expect(verdict({ ...meeting, volume: '71' }, { ...meetingOnly, volume: '71' })).toBe('duplicate')
  })
})

describe('short titles with the same abstract', () => {
  const abstract =
    'Background: we measured coronary flow reserve in 120 patients with hypertension and type 2 diabetes before and after six months of treatment with an angiotensin receptor blocker, with blinded reading of every scan.'
  const book: FixtureFields = {
    title: 'Coronary artery disease',
    authors: ['Anonymous'],
    year: 2013,
    journal: 'Journal of Clinical Hypertension',
    volume: '15',
    issue: 'SUPPL. 1',
    abstract,
  }

  it('merge in the same year and volume without pages', () => {
    const meeting = { ...book, journal: `${book.journal ?? ''}. Conference: 28th Annual Scientific Meeting` }
    expect(verdict(book, meeting)).toBe('duplicate')
  })

  it('stay apart with another volume or another abstract', () => {
    expect(verdict(book, { ...book, volume: '16' })).not.toBe('duplicate')
    const other = {
      ...book,
      abstract: abstract
        .replace('coronary flow reserve', 'left ventricular mass')
        .replace('hypertension and', 'obesity without')
        .replace('angiotensin receptor blocker', 'statin and aspirin'),
    }
    expect(
      verdict(book, { ...other, abstract: `${other.abstract ?? ''} Renal outcomes differed.` }),
    ).not.toBe('duplicate')
  })
})

describe('journals named Proceedings', () => {
  it('are journals when they publish papers, conferences when they print a meeting', () => {
    const isConference = (journal: string): boolean => isConferenceRecord(foldText(journal), [])
    expect(
      isConference('Proceedings of the National Academy of Sciences of the United States of America'),
    ).toBe(false)
    expect(isConference('Transplantation Proceedings')).toBe(false)
    expect(isConference('Proceedings of the American Society of Clinical Oncology')).toBe(true)
    expect(isConference('Proceedings of the Royal Society B. Conference: Annual Meeting')).toBe(true)
  })

  it('so PNAS merges with its abbreviation', () => {
    // Without a volume a conference-versus-article pair is not merged: the name must not make PNAS a conference.
    const pnas = {
      ...bare,
      volume: '',
      journal: 'Proceedings of the National Academy of Sciences of the United States of America',
    }
    expect(verdict(pnas, { ...pnas, journal: 'Proc Natl Acad Sci U S A' })).toBe('duplicate')
  })
})
