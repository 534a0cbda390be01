import { defaultRankerOptions, defaultTextIndexOptions } from '../src/core/ranking/defaults'
import type { TextIndexOptions } from '../src/core/ranking/text-index'
import type { RankConfig } from './rank-sim'

type Setter = (index: TextIndexOptions, ranker: Record<string, unknown>, value: number) => void

const numeric: Record<string, Setter> = {
  c: (_, r, v) => (r.cost = v),
  r: (_, r, v) => (r.includeRatio = v),
  b: (_, r, v) => (r.balance = v),
  tol: (_, r, v) => (r.tolerance = v),
  ep: (_, r, v) => (r.maxEpochs = v),
  nb: (_, r, v) => (r.bayesWeight = v),
  sm: (_, r, v) => (r.bayesSmoothing = v),
  ramp: (_, r, v) => (r.bayesRamp = v),
  dbl: (_, r, v) => (r.bayesDouble = v),
  sw: (_, r, v) => (r.svmWeight = v),
  nn: (_, r, v) => (r.neighbourWeight = v),
  nx: (_, r, v) => (r.neighbourExclude = v),
  blank: (_, r, v) => (r.blankAfter = v),
  sr: (_, r, v) => (r.stuckRatio = v),
  sa: (_, r, v) => (r.stuckAfter = v),
  bg: (_, r, v) => (r.backgroundCount = v),
  bgw: (_, r, v) => (r.backgroundWeight = v),
  min: (i, _, v) => (i.minRecords = v),
  pw: (i, _, v) => (i.pairWeight = v),
  idf: (i, _, v) => (i.idfPower = v),
  lead: (i, _, v) => (i.leadWords = v),
  lw: (i, _, v) => (i.leadWeight = v),
}

const flags: Record<string, (index: TextIndexOptions, ranker: Record<string, unknown>) => void> = {
  uni: (i) => (i.ngrams = 1),
  stop: (i) => (i.dropStopWords = true),
  rawtf: (i) => (i.sublinearTf = false),
  stem: (i) => (i.stem = true),
}

/** "c0.3_r9.8_uni" → the defaults with cost 0.3, include ratio 9.8 and single words only. "base" = the defaults. */
export function parseSpec(spec: string): RankConfig {
  const index: TextIndexOptions = { ...defaultTextIndexOptions }
  const ranker: Record<string, unknown> = { ...defaultRankerOptions }
  for (const token of spec.split('_')) {
    if (token === 'base' || token === '') continue
    const flag = flags[token]
    if (flag) {
      flag(index, ranker)
      continue
    }
    const match = /^([a-z]+)(-?[0-9.e-]+)$/.exec(token)
    const setter = match ? numeric[match[1] ?? ''] : undefined
    if (!match || !setter) throw new Error(`unknown spec token "${token}"`)
    setter(index, ranker, Number(match[2]))
  }
  return { name: spec, index, ranker }
}
