import type { RankerOptions } from './ranker'
import type { TextIndexOptions } from './text-index'

/**
 * The settings chosen by cross-validation across the 25 benchmark datasets (`npm run bench:rank -- --cv`; never
 * per dataset). They are the defaults of `buildTextIndex` and `trainRanker`.
 */
export const defaultTextIndexOptions: Required<TextIndexOptions> = {
  ngrams: 2,
  minRecords: 2,
  dropStopWords: false,
  sublinearTf: true,
  pairWeight: 1,
  idfPower: 1,
  leadWords: 0,
  leadWeight: 1,
  stem: false,
}

export const defaultRankerOptions: Required<
  Pick<
    RankerOptions,
    | 'cost'
    | 'tolerance'
    | 'maxEpochs'
    | 'balance'
    | 'includeRatio'
    | 'bayesWeight'
    | 'bayesSmoothing'
    | 'bayesRamp'
    | 'bayesDouble'
    | 'svmWeight'
    | 'neighbourWeight'
    | 'neighbourExclude'
    | 'blankAfter'
    | 'stuckRatio'
    | 'stuckAfter'
    | 'backgroundCount'
    | 'backgroundWeight'
  >
> = {
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
  neighbourWeight: 0,
  neighbourExclude: 0,
  blankAfter: 0,
  stuckRatio: 1,
  stuckAfter: 1,
  backgroundCount: 0,
  backgroundWeight: 0,
}
