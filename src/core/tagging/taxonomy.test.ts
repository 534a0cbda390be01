import { readFileSync } from 'node:fs'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { designIds } from './design'
import {
  addTerm,
  childrenOf,
  descendantIds,
  mergeTerms,
  nestTerm,
  removeTerm,
  renameTerm,
  reorderTerm,
  setEvidenceLevel,
  setSynonyms,
  type Taxonomy,
  type TaxonomyResult,
} from './taxonomy'
import { parseTaxonomyJson, parseTemplateJson, taxonomyToJson } from './taxonomy-json'

function must(result: TaxonomyResult): Taxonomy {
  if (!result.ok) throw new Error(result.error)
  return result.taxonomy
}

const empty: Taxonomy = { id: 'modality', kind: 'modality', name: 'Modality', terms: [] }

function sample(): Taxonomy {
  let taxonomy = must(
    addTerm(empty, { label: 'Embolization', synonyms: ['TAE', ' HAE ', 'tae', 'embolization'] }),
  )
  taxonomy = must(addTerm(taxonomy, { label: 'Chemoembolization', synonyms: ['TACE'] }))
  taxonomy = must(addTerm(taxonomy, { label: 'DEB-TACE', parentId: 'chemoembolization' }))
  return must(addTerm(taxonomy, { label: 'Ablation' }))
}

describe('taxonomy operations', () => {
  it('adds terms with ids from labels, dense orders and cleaned synonyms', () => {
    const taxonomy = sample()
    expect(taxonomy.terms.map((term) => [term.id, term.parentId, term.order])).toEqual([
      ['embolization', null, 0],
      ['chemoembolization', null, 1],
      ['deb-tace', 'chemoembolization', 0],
      ['ablation', null, 2],
    ])
    expect(taxonomy.terms[0]?.synonyms).toEqual(['TAE', 'HAE'])
    expect(must(addTerm(taxonomy, { label: 'Ablation' })).terms.at(-1)?.id).toBe('ablation-2')
    expect(addTerm(taxonomy, { label: '  ' })).toEqual({ ok: false, error: 'A term needs a label.' })
    expect(addTerm(taxonomy, { label: 'X', parentId: 'nope' }).ok).toBe(false)
  })

  it('renames without changing the id and replaces synonyms', () => {
    const renamed = must(renameTerm(sample(), 'ablation', 'Thermal ablation'))
    expect(renamed.terms.find((term) => term.id === 'ablation')?.label).toBe('Thermal ablation')
    const withSynonyms = must(setSynonyms(renamed, 'ablation', ['RFA', 'RFA', 'MWA', '']))
    expect(withSynonyms.terms.find((term) => term.id === 'ablation')?.synonyms).toEqual(['RFA', 'MWA'])
  })

  it('merges: synonyms united, children re-parented, source removed', () => {
    const merged = must(mergeTerms(sample(), 'chemoembolization', 'embolization'))
    const target = merged.terms.find((term) => term.id === 'embolization')
    expect(target?.synonyms).toEqual(['TAE', 'HAE', 'Chemoembolization', 'TACE'])
    expect(merged.terms.find((term) => term.id === 'deb-tace')?.parentId).toBe('embolization')
    expect(merged.terms.some((term) => term.id === 'chemoembolization')).toBe(false)
    expect(childrenOf(merged, null).map((term) => [term.id, term.order])).toEqual([
      ['embolization', 0],
      ['ablation', 1],
    ])
    expect(mergeTerms(sample(), 'chemoembolization', 'deb-tace').ok).toBe(false)
    expect(mergeTerms(sample(), 'ablation', 'ablation').ok).toBe(false)
  })

  it('reorders among siblings, clamping the index', () => {
    const moved = must(reorderTerm(sample(), 'ablation', 0))
    expect(childrenOf(moved, null).map((term) => term.id)).toEqual([
      'ablation',
      'embolization',
      'chemoembolization',
    ])
    const last = must(reorderTerm(moved, 'ablation', 99))
    expect(childrenOf(last, null).map((term) => term.id)).toEqual([
      'embolization',
      'chemoembolization',
      'ablation',
    ])
  })

  it('nests and un-nests, refusing cycles', () => {
    const nested = must(nestTerm(sample(), 'chemoembolization', 'embolization'))
    expect([...descendantIds(nested, 'embolization')].sort()).toEqual([
      'chemoembolization',
      'deb-tace',
      'embolization',
    ])
    expect(nestTerm(nested, 'embolization', 'deb-tace')).toMatchObject({ ok: false })
    expect(nestTerm(nested, 'embolization', 'embolization')).toMatchObject({ ok: false })
    const top = must(nestTerm(nested, 'chemoembolization', null))
    expect(childrenOf(top, null).map((term) => term.id)).toEqual([
      'embolization',
      'ablation',
      'chemoembolization',
    ])
  })

  it('removes a term and lifts its children', () => {
    const removed = must(removeTerm(sample(), 'chemoembolization'))
    expect(removed.terms.find((term) => term.id === 'deb-tace')).toMatchObject({ parentId: null, order: 2 })
  })

  it('sets and clears evidence levels', () => {
    const design: Taxonomy = { ...empty, kind: 'design', terms: [] }
    const withTerm = must(addTerm(design, { label: 'RCT', evidenceLevel: 2 }))
    expect(must(setEvidenceLevel(withTerm, 'rct', 1)).terms[0]?.evidenceLevel).toBe(1)
    expect(must(setEvidenceLevel(withTerm, 'rct', undefined)).terms[0]).not.toHaveProperty('evidenceLevel')
    expect(setEvidenceLevel(withTerm, 'rct', 0).ok).toBe(false)
  })

  it('keeps the tree valid under any sequence of operations', () => {
    const ids = ['embolization', 'chemoembolization', 'deb-tace', 'ablation', 'x']
    const id = fc.constantFrom(...ids)
    const operation = fc.oneof(
      fc.tuple(fc.constant('merge'), id, id),
      fc.tuple(fc.constant('nest'), id, fc.option(id, { nil: null })),
      fc.tuple(fc.constant('reorder'), id, fc.integer({ min: -2, max: 6 })),
      fc.tuple(fc.constant('remove'), id, fc.constant(null)),
      fc.tuple(fc.constant('add'), fc.string({ maxLength: 8 }), fc.option(id, { nil: null })),
    )
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 20 }), (operations) => {
        let taxonomy = sample()
        for (const [kind, a, b] of operations) {
          const result =
            kind === 'merge'
              ? mergeTerms(taxonomy, a, String(b))
              : kind === 'nest'
                ? nestTerm(taxonomy, a, b)
                : kind === 'reorder'
                  ? reorderTerm(taxonomy, a, Number(b))
                  : kind === 'remove'
                    ? removeTerm(taxonomy, a)
                    : addTerm(taxonomy, { label: a, parentId: b })
          if (result.ok) taxonomy = result.taxonomy
        }
        // Round-tripping through JSON runs every structural check (unique ids, parents exist, no cycles).
        const reparsed = parseTaxonomyJson(taxonomyToJson(taxonomy))
        expect(reparsed).toEqual({ ok: true, value: taxonomy })
        for (const parent of [null, ...taxonomy.terms.map((term) => term.id)]) {
          expect(childrenOf(taxonomy, parent).map((term) => term.order)).toEqual(
            childrenOf(taxonomy, parent).map((_, index) => index),
          )
        }
      }),
    )
  })
})

describe('taxonomy JSON', () => {
  it('round-trips and names the first problem without throwing', () => {
    expect(parseTaxonomyJson(taxonomyToJson(sample()))).toEqual({ ok: true, value: sample() })
    expect(parseTaxonomyJson('{nope')).toMatchObject({ ok: false, error: /not valid JSON/ })
    expect(parseTaxonomyJson('[]')).toMatchObject({ ok: false, error: /not a taxonomy object/ })
    const broken = (terms: unknown[]): string =>
      JSON.stringify({ id: 't', kind: 'modality', name: 'T', terms })
    expect(
      parseTaxonomyJson(
        broken([
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ]),
      ),
    ).toMatchObject({
      error: /appears twice/,
    })
    expect(parseTaxonomyJson(broken([{ id: 'a', label: 'A', parentId: 'b' }]))).toMatchObject({
      error: /does not exist/,
    })
    expect(
      parseTaxonomyJson(
        broken([
          { id: 'a', label: 'A', parentId: 'b' },
          { id: 'b', label: 'B', parentId: 'a' },
        ]),
      ),
    ).toMatchObject({ error: /nested inside itself/ })
    expect(parseTaxonomyJson(broken([{ id: 'a', label: 'A', evidenceLevel: 1 }]))).toMatchObject({
      error: /only design terms/,
    })
    expect(parseTaxonomyJson(broken([{ id: 'a', label: '' }]))).toMatchObject({ error: /"label"/ })
    expect(parseTaxonomyJson(taxonomyToJson(sample()), 'design')).toMatchObject({
      error: /expected a design/,
    })
    expect(parseTaxonomyJson(JSON.stringify({ format: 'other' }))).toMatchObject({
      error: /not a Sift taxonomy/,
    })
  })

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof parseTaxonomyJson(JSON.stringify(value)).ok).toBe('boolean')
        expect(typeof parseTemplateJson(JSON.stringify(value)).ok).toBe('boolean')
      }),
    )
  })

  it.each(['netlm', 'blank'])(
    'ships a valid %s template whose design terms are the classifier designs',
    (name) => {
      const template = parseTemplateJson(readFileSync(`resources/taxonomies/${name}.json`, 'utf8'))
      if (!template.ok) throw new Error(template.error)
      expect(template.value.design.terms.map((term) => term.id)).toEqual([...designIds])
      expect(template.value.design.terms.map((term) => term.evidenceLevel)).toEqual(
        designIds.map((_, index) => index + 1),
      )
      if (name === 'blank') expect(template.value.modality.terms).toEqual([])
      else expect(template.value.modality.terms.length).toBeGreaterThanOrEqual(9)
    },
  )
})
