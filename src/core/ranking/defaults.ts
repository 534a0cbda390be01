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
}

export const defaultRankerOptions: Required<
  Pick<
    RankerOptions,
    | 'cost'
    | 'balance'
    | 'bayesWeight'
    | 'bayesSmoothing'
    | 'bayesRamp'
    | 'backgroundCount'
    | 'backgroundWeight'
  >
> = {
  cost: 0.1,
  balance: 1,
  bayesWeight: 0,
  bayesSmoothing: 0.1,
  bayesRamp: 0,
  backgroundCount: 0,
  backgroundWeight: 0,
}
