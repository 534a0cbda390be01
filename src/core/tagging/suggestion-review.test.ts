import { describe, expect, it } from 'vitest'

import type { ModalitySuggestion } from './modality-matcher'
import { describeMatches, modalityConfidence, pendingSuggestions } from './suggestion-review'

const suggestion = (fields: ModalitySuggestion['matches'][number]['field'][]): ModalitySuggestion => ({
  termId: 'tace',
  label: 'TACE',
  matches: fields.map((field, index) => ({
    field,
    start: index,
    end: index + 4,
    text: index === 0 ? 'TACE' : 'chemoembolization',
  })),
})

describe('modalityConfidence', () => {
  it('ranks a title mention over repeated and single abstract mentions', () => {
    expect(modalityConfidence(suggestion(['title']))).toBeGreaterThan(
      modalityConfidence(suggestion(['abstract', 'abstract'])),
    )
    expect(modalityConfidence(suggestion(['abstract', 'abstract']))).toBeGreaterThan(
      modalityConfidence(suggestion(['abstract'])),
    )
    expect(modalityConfidence(suggestion(['mesh', 'abstract']))).toBe(0.9)
  })
})

describe('describeMatches', () => {
  it('lists each distinct word once per field', () => {
    expect(describeMatches(suggestion(['title', 'abstract', 'abstract']).matches)).toBe(
      '“TACE” in title; “chemoembolization” in abstract',
    )
  })
})

describe('pendingSuggestions', () => {
  it('drops suggestions the reviewer accepted or rejected', () => {
    const all = [{ termId: 'a' }, { termId: 'b' }, { termId: 'c' }]
    expect(
      pendingSuggestions(
        all,
        new Map([
          ['a', true],
          ['c', false],
        ]),
      ),
    ).toEqual([{ termId: 'b' }])
  })
})
