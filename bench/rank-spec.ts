import type { RankerOptions } from '../src/core/ranking/ranker'
import type { TextIndexOptions } from '../src/core/ranking/text-index'
import type { RankConfig } from './rank-sim'

/**
 * What a spec starts from: the model shipped before the cross-validation of issue 6's second round (TF-IDF of words
 * and word pairs seen in at least 2 records, sublinear counts; class-balanced linear SVM, C = 0.1), every other part
 * off. Fixed here, not read from the defaults, so a spec means the same model whatever the defaults become.
 */
export const specBase: { index: Required<TextIndexOptions>; ranker: RankerOptions } = {
  index: {
    ngrams: 2,
    minRecords: 2,
    dropStopWords: false,
    sublinearTf: true,
    pairWeight: 1,
    idfPower: 1,
    leadWords: 0,
    leadWeight: 1,
    stem: false,
    charGrams: 0,
    charWeight: 1,
    stemUnion: 0,
    titleWeight: 1,
    latentRank: 0,
    latentWeight: 0.3,
    authorWeight: 0,
    journalWeight: 0,
    yearWeight: 0,
  },
  ranker: {
    cost: 0.1,
    tolerance: 0.1,
    maxEpochs: 50,
    balance: 1,
    includeRatio: 1,
    bayesWeight: 0,
    bayesSmoothing: 0.1,
    bayesRamp: 0,
    bayesDouble: 0,
    svmWeight: 1,
    bayesSpread: 0,
    backgroundCount: 0,
    backgroundWeight: 0,
    neighbourWeight: 0,
    neighbourExclude: 0,
    neighbourEarly: 0,
    noveltyWeight: 0,
    noveltyPrevalence: 0,
    blankAfter: 0,
    stuckRatio: 1,
    stuckAfter: 1,
    pseudoCount: 0,
    pseudoWeight: 0,
    pseudoUntil: 0,
    logistic: 0,
  },
}

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
  zs: (_, r, v) => (r.bayesSpread = v),
  nn: (_, r, v) => (r.neighbourWeight = v),
  nx: (_, r, v) => (r.neighbourExclude = v),
  ne: (_, r, v) => (r.neighbourEarly = v),
  nv: (_, r, v) => (r.noveltyWeight = v),
  nvp: (_, r, v) => (r.noveltyPrevalence = v),
  blank: (_, r, v) => (r.blankAfter = v),
  sr: (_, r, v) => (r.stuckRatio = v),
  sa: (_, r, v) => (r.stuckAfter = v),
  bg: (_, r, v) => (r.backgroundCount = v),
  bgw: (_, r, v) => (r.backgroundWeight = v),
  prf: (_, r, v) => (r.pseudoCount = v),
  prfw: (_, r, v) => (r.pseudoWeight = v),
  prfu: (_, r, v) => (r.pseudoUntil = v),
  lr: (_, r, v) => (r.logistic = v),
  min: (i, _, v) => (i.minRecords = v),
  pw: (i, _, v) => (i.pairWeight = v),
  idf: (i, _, v) => (i.idfPower = v),
  lead: (i, _, v) => (i.leadWords = v),
  lw: (i, _, v) => (i.leadWeight = v),
  cg: (i, _, v) => (i.charGrams = v),
  cw: (i, _, v) => (i.charWeight = v),
  su: (i, _, v) => (i.stemUnion = v),
  tw: (i, _, v) => (i.titleWeight = v),
  lsa: (i, _, v) => (i.latentRank = v),
  lsw: (i, _, v) => (i.latentWeight = v),
  aw: (i, _, v) => (i.authorWeight = v),
  jw: (i, _, v) => (i.journalWeight = v),
  yw: (i, _, v) => (i.yearWeight = v),
}

const flags: Record<string, (index: TextIndexOptions, ranker: Record<string, unknown>) => void> = {
  uni: (i) => (i.ngrams = 1),
  stop: (i) => (i.dropStopWords = true),
  rawtf: (i) => (i.sublinearTf = false),
  stem: (i) => (i.stem = true),
}

/**
 * A configuration written as tokens joined by "_" over {@link specBase}: "c0.3_r9.8_uni" is cost 0.3, include ratio
 * 9.8 and single words only; "base" is the base itself. Numeric tokens: c cost, r includeRatio, b balance,
 * tol tolerance, ep maxEpochs, nb bayesWeight, sm bayesSmoothing, ramp bayesRamp, dbl bayesDouble, sw svmWeight, zs bayesSpread,
 * nn neighbourWeight, nx neighbourExclude, ne neighbourEarly, nv noveltyWeight, nvp noveltyPrevalence, blank blankAfter, sr stuckRatio, sa stuckAfter,
 * bg backgroundCount, bgw backgroundWeight, prf pseudoCount, prfw pseudoWeight, prfu pseudoUntil, lr logistic, min minRecords, pw pairWeight, idf idfPower, lead leadWords,
 * lw leadWeight, cg charGrams, cw charWeight, su stemUnion, tw titleWeight, lsa latentRank, lsw latentWeight. Flags: uni (single words), stop (stop words dropped), rawtf (raw
 * counts), stem (plurals folded).
 */
export function parseSpec(spec: string): RankConfig {
  const index: TextIndexOptions = { ...specBase.index }
  const ranker: Record<string, unknown> = { ...specBase.ranker }
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
