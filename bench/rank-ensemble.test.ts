import { describe, expect, it } from 'vitest'

import { defaultRankerOptions } from '../src/core/ranking/defaults'
import { simulateScreening } from '../src/core/ranking/simulate'
import { buildTextIndex } from '../src/core/ranking/text-index'
import { simulateEnsemble } from './rank-ensemble'

// 60 records: includes about liver embolisation, excludes about other things, a few without any text.
const topics = [
  'liver embolisation survival',
  'bone fracture healing',
  'skin rash allergy',
  'heart failure drug',
]
const texts = Array.from({ length: 60 }, (_, row) =>
  row % 13 === 5 ? '' : `${topics[row % 4] ?? ''} record ${row % 7} study ${row % 3 ? 'trial' : 'cohort'}`,
)
const labels = Uint8Array.from(texts, (text) => (text.startsWith('liver') ? 1 : 0))
const priors = [0, 1]

describe('simulateEnsemble', () => {
  const index = buildTextIndex(texts)
  const ranker = { ...defaultRankerOptions }

  it('screens in simulateScreening’s order with one member, and with two identical ones', () => {
    const single = simulateScreening(index, labels, { seed: 7, priorRows: priors, ranker }).metrics
    expect(simulateEnsemble([{ index, ranker }], labels, 7, priors)).toEqual(single)
    expect(
      simulateEnsemble(
        [
          { index, ranker },
          { index, ranker },
        ],
        labels,
        7,
        priors,
      ),
    ).toEqual(single)
  })

  it('sums the members: one that ranks every record alike leaves the other’s order', () => {
    const blind = { index: buildTextIndex(texts.map(() => 'same words everywhere')), ranker }
    const alone = simulateEnsemble([{ index, ranker }], labels, 3, priors)
    expect(simulateEnsemble([blind, { index, ranker }], labels, 3, priors)).toEqual(alone)
    // Alone, the blind member screens in its random tie-break order, far from the other's.
    expect(simulateEnsemble([blind], labels, 3, priors).loss).toBeGreaterThan(alone.loss + 0.2)
  })

  it('with othersWhileStalled, lets the others in only once the first has stalled', () => {
    // A member that reads every include as an exclude and the other way round.
    const swapped = texts.map((text, row) => texts[(row + 1) % texts.length] ?? text)
    const contrary = { index: buildTextIndex(swapped), ranker }
    const alone = simulateEnsemble([{ index, ranker }], labels, 3, priors)
    // The first member finds every include before 60 / includes excludes in a row: it never stalls here.
    expect(simulateEnsemble([{ index, ranker }, contrary], labels, 3, priors, true)).toEqual(alone)
    expect(simulateEnsemble([{ index, ranker }, contrary], labels, 3, priors)).not.toEqual(alone)
  })
})
