import { describe, expect, it } from 'vitest'

import { emptyRecord, type CitationRecord } from '../records/record'
import { classifyDesign } from './design-classifier'
import { designFromPublicationTypes } from './publication-types'

function record(fields: Partial<CitationRecord>): CitationRecord {
  return { ...emptyRecord(), ...fields }
}

describe('designFromPublicationTypes', () => {
  it.each([
    [['Journal Article', 'Randomized Controlled Trial'], 'rct'],
    [['Meta-Analysis', 'Review'], 'sr-ma'],
    [['Systematic Review'], 'sr-ma'],
    [['Review'], 'narrative-review'],
    [['Case Reports', 'Review'], 'case-report'],
    [['Practice Guideline'], 'guideline'],
    [['Consensus Development Conference, NIH'], 'guideline'],
    [['Letter', 'Comment'], 'other'],
    [['Clinical Trial, Phase II'], 'non-randomised-controlled'],
    [['Controlled Clinical Trial'], 'non-randomised-controlled'],
    [['Observational Study'], 'prospective-cohort'],
  ])('maps %j to %s', (types, design) => {
    expect(designFromPublicationTypes(types)?.design).toBe(design)
  })

  it('ignores types that say nothing about design', () => {
    expect(
      designFromPublicationTypes(['Journal Article', 'Comparative Study', 'Multicenter Study']),
    ).toBeNull()
    expect(designFromPublicationTypes([])).toBeNull()
  })
})

describe('classifyDesign', () => {
  const trial = record({
    title: 'Octreotide LAR versus placebo in midgut neuroendocrine tumours',
    abstract: 'Patients were randomly assigned to octreotide or placebo in a double-blind design.',
  })

  it('uses publication types when allowed and says so', () => {
    const result = classifyDesign({ ...trial, publicationTypes: ['Journal Article', 'Review'] })
    expect(result).toMatchObject({ design: 'narrative-review', source: 'publication-type', confidence: 0.95 })
    expect(result.publicationTypes).toEqual(['Review'])
    expect(result.rctProbability).toBeLessThan(0.05)
    const textOnly = classifyDesign(
      { ...trial, publicationTypes: ['Review'] },
      { usePublicationTypes: false },
    )
    expect(textOnly).toMatchObject({ design: 'rct', source: 'text' })
  })

  it('reads observational designs from the text when the type is only "Observational Study"', () => {
    const result = classifyDesign(
      record({ title: 'A retrospective cohort of TACE', publicationTypes: ['Observational Study'] }),
    )
    expect(result).toMatchObject({ design: 'retrospective-cohort', source: 'publication-type' })
  })

  it('recognises an RCT from randomisation and blinding cues, and names them', () => {
    const result = classifyDesign(trial)
    expect(result.design).toBe('rct')
    expect(result.rctProbability).toBeGreaterThan(0.9)
    expect(result.cues.map((cue) => cue.text)).toEqual(
      expect.arrayContaining(['randomly assigned', 'placebo', 'double-blind']),
    )
    expect(result.cues[0]?.weight).toBeGreaterThan(0)
    const cue = result.cues.find((each) => each.text === 'randomly assigned')
    expect(cue && trial.abstract.slice(cue.start, cue.end)).toBe('randomly assigned')
  })

  it.each([
    ['Hepatic artery embolization: a case series of 33 consecutive patients', '', 'case-series'],
    ['Carcinoid crisis after TACE: a case report', 'We report a case of a 54-year-old woman.', 'case-report'],
    ['Liver-directed therapy for NET metastases: a systematic review and meta-analysis', '', 'sr-ma'],
    ['Neuroendocrine liver metastases: a review of current concepts', '', 'narrative-review'],
    [
      'Outcomes of TACE',
      'We retrospectively reviewed the medical records of 60 patients.',
      'retrospective-cohort',
    ],
    ['ENETS consensus guidelines for liver metastases', '', 'guideline'],
    ['Risk factors for recurrence: a case-control study', '', 'case-control'],
    ['A phase II single-arm trial of everolimus', '', 'non-randomised-controlled'],
  ])('reads %j as %s', (title, abstract, design) => {
    const result = classifyDesign(record({ title, abstract }))
    expect(result.design).toBe(design)
    expect(result.rctProbability).toBeLessThan(0.5)
  })

  it('does not take a non-randomised or systematic-review mention of randomisation for an RCT', () => {
    expect(classifyDesign(record({ title: 'A non-randomised comparison of TACE and TAE' })).design).not.toBe(
      'rct',
    )
    const review = classifyDesign(record({ title: 'Meta-analysis of randomised controlled trials of TACE' }))
    expect(review.design).toBe('sr-ma')
  })

  it('gives an empty record a low-confidence "other"', () => {
    const result = classifyDesign(emptyRecord())
    expect(result.design).toBe('other')
    expect(result.confidence).toBeLessThan(0.8)
    expect(result.cues).toEqual([])
  })
})

describe('classifyDesign: trial cues added for the design benchmark', () => {
  it('reads a trial registration number and a named controlled design', () => {
    const hit = classifyDesign(
      record({ abstract: 'A double-blind crossover study in 12 volunteers. Registered as NCT01234567.' }),
      { usePublicationTypes: false },
    )
    expect(hit.cues.map((cue) => cue.cue)).toEqual(
      expect.arrayContaining(['controlled-design', 'trial-registration-number']),
    )
    expect(hit.design).toBe('rct')
  })

  it('does not read an age range of a group as a case report', () => {
    const hit = classifyDesign(record({ abstract: 'Families with a 9- to 12-year-old child took part.' }), {
      usePublicationTypes: false,
    })
    expect(hit.cues.map((cue) => cue.cue)).not.toContain('case-report')
  })

  it('reads group authorship in the title only', () => {
    const inTitle = classifyDesign(record({ title: 'Outcomes at one year. The ABC Study Group.' }), {
      usePublicationTypes: false,
    })
    const inAbstract = classifyDesign(record({ abstract: 'The study group comprised 40 patients.' }), {
      usePublicationTypes: false,
    })
    expect(inTitle.cues.map((cue) => cue.cue)).toContain('trial-group')
    expect(inAbstract.cues.map((cue) => cue.cue)).not.toContain('trial-group')
  })
})
