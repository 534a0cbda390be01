import { otherDesignCues } from './design-cues-other'
import { trialCues, trialPatternCues } from './design-cues-trial'
import type { DesignId } from './design'

/**
 * A cue: phrases that hint at one or more designs, with a weight per design (log-odds-like points; negative
 * weights argue against). Each cue counts once per record however often it occurs; a cue in the title counts
 * `titleBoost` times. Phrases are matched by phrase-matcher.ts, so plurals and British spellings need no entries,
 * and the longest phrase wins (`non-randomized` is its own cue and hides `randomized`).
 */
export type DesignCue = {
  id: string
  phrases: readonly string[]
  weights: Partial<Record<DesignId, number>>
  /** Only these fields are read for the cue (default both): MEDLINE appends group authorship to the title only. */
  fields?: readonly ('title' | 'abstract')[]
}

/**
 * A cue that needs a fixed pattern rather than words (trial registration numbers such as `NCT01234567`). The
 * patterns are constants written here, never built from user input.
 */
export type DesignPatternCue = { id: string; pattern: RegExp; weights: Partial<Record<DesignId, number>> }

/** How much more a cue counts when it occurs in the title (titles name the design deliberately). */
export const titleBoost = 1.5

/**
 * Starting score per design before any cue. RCT's is a log-odds offset for `rctProbability`; the others only rank
 * the non-RCT designs, with "other" as the fallback for records that show no design cue at all.
 */
export const designBias: Readonly<Record<DesignId, number>> = {
  rct: -4,
  'sr-ma': -3,
  'non-randomised-controlled': -2,
  'prospective-cohort': -1.5,
  'retrospective-cohort': -1.5,
  'case-control': -2,
  'case-series': -1.2,
  'case-report': -2,
  'narrative-review': -1.5,
  guideline: -2,
  other: 0,
}

/**
 * The cue table. Weights were set by hand from trial-reporting conventions (CONSORT wording, Cochrane's
 * highly sensitive search strategy terms) and checked on a development half of the design benchmark; they were
 * not fitted by an optimiser, so no benchmark data is embedded here.
 */
export const designCues: readonly DesignCue[] = [...trialCues, ...otherDesignCues]

/** Pattern cues, matched with regular expressions in title and abstract (each counts once, like a phrase cue). */
export const designPatternCues: readonly DesignPatternCue[] = trialPatternCues
