import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { evaluateSet } from './dedup'
import { dedupDatasetDir, loadLabelledSets } from './dedup-data'

/**
 * Floors measured on the labelled sets with `bench:dedup`: sensitivity reached minus 0.01, and the specificity
 * target of issue 4. A change that loses duplicates or merges distinct papers fails here before it ships.
 */
const sensitivityFloors: Record<string, number> = {
  asysd_diabetes: 0.99,
  sra_cytology_screening: 0.986,
  sra_haematology: 0.879,
  sra_respiratory: 0.962,
}

const hasData = existsSync(dedupDatasetDir)

describe('deduplication on the labelled sets', () => {
  it('has the datasets (required in CI)', () => {
    if (!hasData) {
      if (process.env.CI) throw new Error(`CI is set but ${dedupDatasetDir} is missing`)
      console.warn(`Skipping dedup accuracy floors: ${dedupDatasetDir} not found.`)
    }
    expect(true).toBe(true)
  })

  it.runIf(hasData)('keeps specificity ≥ 0.999 and sensitivity at its measured floor on every set', () => {
    const sets = loadLabelledSets()
    expect(sets.map((set) => set.name).sort()).toEqual(Object.keys(sensitivityFloors).sort())
    for (const set of sets) {
      const result = evaluateSet(set)
      expect(result.specificity, set.name).toBeGreaterThanOrEqual(0.999)
      expect(result.sensitivity, set.name).toBeGreaterThanOrEqual(sensitivityFloors[set.name] ?? 1)
    }
  })
})
