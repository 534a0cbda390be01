import { describe, expect, it } from 'vitest'

import { titleKeyOf, titleWords } from './keys'
import {
  cleanTitle,
  hasCorrectionSuffix,
  isTranslatedTitle,
  normaliseTitleSymbols,
  stripCitationSuffix,
} from './title'

const keyOf = (title: string): string => titleKeyOf(titleWords(title))

describe('title clean-up', () => {
  it('recognises and strips the citation a correction notice prints after the title', () => {
    const wos = 'Severe deficiency of a protease in children (vol 142, pg 310, 2003)'
    const embase =
      'Eculizumab for atypical hemolytic-uremic syndrome (New England Journal of Medicine (2009) 360 (542-544))'
    expect(hasCorrectionSuffix(wos)).toBe(true)
    expect(hasCorrectionSuffix(embase)).toBe(true)
    expect(stripCitationSuffix(wos).trim()).toBe('Severe deficiency of a protease in children')
    expect(stripCitationSuffix(embase).trim()).toBe('Eculizumab for atypical hemolytic-uremic syndrome')
  })

  it('keeps ordinary parentheses: acronyms, a trial name, a year range', () => {
    for (const title of [
      'Results of the ASCUS-LSIL triage study (ALTS)',
      'Cancer incidence in Norway (1990-2000)',
      'Survival after transplantation (the 2010 report)',
    ]) {
      expect(hasCorrectionSuffix(title), title).toBe(false)
      expect(stripCitationSuffix(title), title).toBe(title)
    }
  })

  it('drops a parenthesis the exporter cut off before it closed, not one early in the title', () => {
    const cut =
      'Erratum: Severe deficiency of a protease in a sub-group of children (The Journal of Pediatrics (M'
    expect(stripCitationSuffix(cut).trim()).toBe(
      'Erratum: Severe deficiency of a protease in a sub-group of children',
    )
    const early = 'Activity of (ADAMTS 13 in children with a rare syndrome and others'
    expect(stripCitationSuffix(early)).toBe(early)
  })

  it('drops the original-language title Ovid appends after <ORIGINAL>', () => {
    expect(
      keyOf('Antibiotic prophylaxis in thoracic surgery. <ORIGINAL> PROPHYLAXIE ANTIBIOTIQUE EN CHIRURGIE'),
    ).toBe(keyOf('Antibiotic prophylaxis in thoracic surgery'))
  })

  it('spells ± and +/- alike', () => {
    expect(keyOf('Etaracizumab ± dacarbazine in melanoma')).toBe(
      keyOf('Etaracizumab (plus or minus) dacarbazine in melanoma'),
    )
    expect(keyOf('Etaracizumab +/- dacarbazine in melanoma')).toBe(
      keyOf('Etaracizumab plus or minus dacarbazine in melanoma'),
    )
  })

  it('joins digit groups separated by a space, and only those', () => {
    // Words, not only the key: the title's numbers must agree too (`31|000` against `31000` reads as two series).
    expect(titleWords('A study of about 31 000 women')).toEqual(titleWords('A study of about 31,000 women'))
    expect(titleWords('A study among 10 000 women')).toEqual(titleWords('A study among 10000 women'))
    expect(normaliseTitleSymbols('Cohorts of 1990 2000 and 2010')).toBe('Cohorts of 1990 2000 and 2010')
    expect(normaliseTitleSymbols('A 7.5 000 mark')).toBe('A 7.5 000 mark')
    expect(normaliseTitleSymbols('Between 12 1234 cases')).toBe('Between 12 1234 cases')
  })

  it('cleans nothing from an ordinary title', () => {
    const title = 'Effect of intensive glucose lowering (IGL) on coronary function in type 2 diabetes'
    expect(cleanTitle(title)).toBe(title)
  })
})

describe('translated titles', () => {
  it('recognises bracketed titles, language notes and appended originals', () => {
    expect(isTranslatedTitle('[Comparison of amoxicillin and cefamandole in pulmonary surgery]')).toBe(true)
    expect(isTranslatedTitle('"[A new paracentesis needle for ascites]"')).toBe(true)
    expect(isTranslatedTitle('Indications for living kidney donation. [Spanish]')).toBe(true)
    expect(isTranslatedTitle('Antibiotic prophylaxis. <ORIGINAL> PROPHYLAXIE ANTIBIOTIQUE')).toBe(true)
  })

  it('does not take other brackets for a translation', () => {
    expect(isTranslatedTitle('Management of cervical lesions. [Review] [43 refs]')).toBe(false)
    expect(isTranslatedTitle('Outcomes in type 2 diabetes [abstract no: 134]')).toBe(false)
    expect(isTranslatedTitle('Outcomes in type 2 diabetes')).toBe(false)
  })
})
