import { readFileSync } from 'node:fs'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { emptyRecord, type CitationRecord } from '../records/record'
import { compileModalities, suggestModalities } from './modality-matcher'
import { compilePhrases, findPhrases, wordKey } from './phrase-matcher'
import type { Taxonomy } from './taxonomy'
import { parseTemplateJson } from './taxonomy-json'

const template = parseTemplateJson(readFileSync('resources/taxonomies/netlm.json', 'utf8'))
if (!template.ok) throw new Error(template.error)
const netlm = compileModalities(template.value.modality)

function record(fields: Partial<CitationRecord>): CitationRecord {
  return { ...emptyRecord(), ...fields }
}

/** Term ids suggested for a title. */
function idsIn(title: string): string[] {
  return suggestModalities(record({ title }), netlm)
    .map((suggestion) => suggestion.termId)
    .sort()
}

function texts(text: string, phrases: string[]): string[] {
  const compiled = compilePhrases([{ id: 'x', phrases }])
  return findPhrases(text, compiled).map((hit) => text.slice(hit.start, hit.end))
}

describe('phrase matching', () => {
  it('respects word boundaries, also for Unicode letters', () => {
    expect(texts('Stacey and TACEX; TACE.', ['TACE'])).toEqual(['TACE'])
    expect(texts('embolizationé and xembolization', ['embolization'])).toEqual([])
    expect(texts('naïve embolisation', ['embolization'])).toEqual(['embolisation'])
  })

  it('folds plurals, British spellings and accents', () => {
    expect(texts('liver metastases; a metastasis', ['liver metastasis', 'metastases'])).toEqual([
      'liver metastases',
      'metastasis',
    ])
    expect(texts('Embolizations and embolisation', ['embolization'])).toEqual([
      'Embolizations',
      'embolisation',
    ])
    expect(texts('radiolabelled microsphere', ['radiolabeled microspheres'])).toEqual([
      'radiolabelled microsphere',
    ])
    expect(texts('somatostatin analogues; somatostatin analog', ['somatostatin analogue'])).toHaveLength(2)
    expect(texts('neuroendocrine tumours', ['neuroendocrine tumor'])).toEqual(['neuroendocrine tumours'])
    expect(texts('therapies', ['therapy'])).toEqual(['therapies'])
    expect(wordKey('Randomised')).toBe(wordKey('randomized'))
  })

  it('joins words written with hyphens, spaces or together', () => {
    const variants = 'radio-embolization, radio embolisation, radioembolisation, radio–embolization'
    expect(texts(variants, ['radioembolization'])).toHaveLength(4)
    expect(texts('chemoembolization', ['chemo-embolization'])).toEqual(['chemoembolization'])
    expect(texts('radio. Embolization', ['radioembolization'])).toEqual([])
  })

  it('matches all-capital abbreviations case-sensitively, with a plural s', () => {
    expect(texts('TACE, tace, Tace, TACEs', ['TACE'])).toEqual(['TACE', 'TACEs'])
    expect(texts('RFA and rfa', ['RFA'])).toEqual(['RFA'])
    expect(texts('TRANSARTERIAL CHEMOEMBOLIZATION', ['transarterial chemoembolization'])).toHaveLength(1)
    expect(texts('TACE-like and post-TACE', ['TACE'])).toEqual(['TACE', 'TACE'])
  })

  it('prefers the longest phrase', () => {
    const compiled = compilePhrases([
      { id: 'tace', phrases: ['TACE'] },
      { id: 'deb-tace', phrases: ['DEB-TACE'] },
    ])
    expect(findPhrases('DEB-TACE versus TACE', compiled).map((hit) => hit.ids)).toEqual([
      ['deb-tace'],
      ['tace'],
    ])
  })

  it('finds a phrase wherever it stands between separators', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/)
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.array(word, { maxLength: 6 }), (before, after) => {
        const text = [...before, 'hepatic-artery embolizations', ...after].join(' ')
        expect(texts(text, ['hepatic artery embolization'])).toContain('hepatic-artery embolizations')
      }),
    )
  })

  it('returns ordered, non-overlapping spans inside the text and never throws', () => {
    const compiled = compilePhrases([
      { id: 'a', phrases: ['TACE', 'DEB-TACE', 'radio embolization', 'a a', 'ß', 'İ'] },
    ])
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        let last = 0
        for (const hit of findPhrases(text, compiled)) {
          expect(hit.start).toBeGreaterThanOrEqual(last)
          expect(hit.end).toBeGreaterThan(hit.start)
          expect(hit.end).toBeLessThanOrEqual(text.length)
          last = hit.end
        }
      }),
    )
  })

  it('stays linear on adversarial input', () => {
    const compiled = compilePhrases([{ id: 'x', phrases: ['a a a a a a a a b', 'aaaaaaaaab'] }])
    const text = 'a-'.repeat(200_000)
    const start = performance.now()
    expect(findPhrases(text, compiled)).toEqual([])
    expect(performance.now() - start).toBeLessThan(2000)
  })
})

describe('suggestModalities with the NETLM template', () => {
  it('suggests each modality from its typical wording', () => {
    expect(idsIn('Bland embolization versus chemoembolization')).toEqual([
      'hepatic-artery-embolization',
      'tace',
    ])
    expect(idsIn('DEB-TACE for NET liver metastases')).toEqual(['deb-tace'])
    expect(idsIn('Selective internal radiation therapy with 90Y microspheres')).toEqual(['radioembolization'])
    expect(idsIn('177Lu-DOTATATE and 90Y-DOTATOC')).toEqual(['prrt'])
    expect(idsIn('RFA, microwave ablation and cryotherapy')).toEqual(['ablation'])
    expect(idsIn('Long-acting octreotide and interferon-alpha')).toEqual(['biotherapy'])
    expect(idsIn('Streptozocin and 5-FU')).toEqual(['chemotherapy'])
    expect(idsIn('Everolimus and sunitinib')).toEqual(['targeted-therapy'])
    expect(idsIn('Liver transplantation after hepatic resection')).toEqual(['surgery'])
    expect(idsIn('Stacey reported on unresectable disease')).toEqual([])
  })

  it('reports every match with field and offsets, title matches first', () => {
    const suggestions = suggestModalities(
      record({
        title: 'Hepatic arterial chemoembolisation',
        abstract: 'We compared TACE with radio-embolization.',
        keywords: ['neuroendocrine', 'TACE'],
        mesh: ['Chemoembolization, Therapeutic'],
      }),
      netlm,
    )
    expect(suggestions.map((suggestion) => suggestion.termId)).toEqual(['tace', 'radioembolization'])
    expect(suggestions[0]?.matches).toEqual([
      { field: 'title', start: 0, end: 34, text: 'Hepatic arterial chemoembolisation' },
      { field: 'abstract', start: 12, end: 16, text: 'TACE' },
      { field: 'keywords', index: 1, start: 0, end: 4, text: 'TACE' },
      { field: 'mesh', index: 0, start: 0, end: 17, text: 'Chemoembolization' },
    ])
    expect(suggestions[1]?.matches[0]).toMatchObject({ field: 'abstract', text: 'radio-embolization' })
  })

  it('returns nothing for an empty taxonomy', () => {
    const blank: Taxonomy = { id: 'm', kind: 'modality', name: 'M', terms: [] }
    expect(suggestModalities(record({ title: 'TACE' }), compileModalities(blank))).toEqual([])
  })
})
