import {
  additionalSampleToStop,
  consecutiveIrrelevant,
  estimateRemainingRelevant,
  hypergeometricStoppingTest,
  recallCurve,
  type RecallPoint,
  type RemainingEstimate,
  type StoppingTest,
} from '../../../../core/ranking/stopping'
import type { StoppingCheck } from '../../db/repos/stopping'
import type { Decision } from '../../db/schema'

/** Include and maybe both count as relevant: a maybe still has to be read in full. */
const isRelevant = (decision: Decision) => decision.value !== 'exclude'

export type StoppingView = {
  screened: number
  relevantFound: number
  curve: RecallPoint[]
  excludedInARow: number
  /** While a stopping check runs: its sample so far, the test, the estimate and how many more to sample. */
  check: {
    sampled: number
    sampledRelevant: number
    urnSize: number
    test: StoppingTest
    estimate: RemainingEstimate
    moreToSample: number
  } | null
}

/** What the stopping panel shows, from the reviewer's decisions at one stage (any order) and a running check. */
export function stoppingView(
  decisions: readonly Decision[],
  check: StoppingCheck | null,
  options: { targetRecall: number; confidence: number },
): StoppingView {
  const ordered = [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
  const flags = ordered.map(isRelevant)
  const view: StoppingView = {
    screened: ordered.length,
    relevantFound: flags.filter(Boolean).length,
    curve: recallCurve(flags),
    excludedInARow: consecutiveIrrelevant(flags),
    check: null,
  }
  if (!check) return view
  const sample = ordered.filter((decision) => decision.decidedAt > check.startedAt)
  const counts = {
    totalRecords: check.totalRecords,
    rankedScreened: check.rankedScreened,
    rankedRelevant: check.rankedRelevant,
    sampled: Math.min(sample.length, check.totalRecords - check.rankedScreened),
    sampledRelevant: sample.filter(isRelevant).length,
  }
  counts.sampledRelevant = Math.min(counts.sampledRelevant, counts.sampled)
  view.check = {
    sampled: counts.sampled,
    sampledRelevant: counts.sampledRelevant,
    urnSize: check.totalRecords - check.rankedScreened,
    test: hypergeometricStoppingTest(counts, options),
    estimate: estimateRemainingRelevant(counts, options),
    moreToSample: additionalSampleToStop(counts, options),
  }
  return view
}

/** The counts a new stopping check starts from: everything screened so far counts as ranked screening. */
export function startingCheck(
  decisions: readonly Decision[],
  totalRecords: number,
  now: Date,
): StoppingCheck {
  return {
    startedAt: now.toISOString(),
    totalRecords,
    rankedScreened: decisions.length,
    rankedRelevant: decisions.filter(isRelevant).length,
  }
}
