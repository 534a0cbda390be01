import { designCountPhrase } from './design-names'
import type { ModalitySummary, OutcomeSummary } from './summary'

/** A number for prose: whole numbers for percents and counts, else at most one decimal. */
function formatNumber(value: number, isPercent: boolean): string {
  const rounded = isPercent ? Math.round(value) : Math.round(value * 10) / 10
  return String(rounded)
}

/** "75–100 %", "24 months", "33 %"; the unit after the range, as a reader would write it. */
export function formatRange(min: number, max: number, isPercent: boolean, unit: string): string {
  const low = formatNumber(min, isPercent)
  const high = formatNumber(max, isPercent)
  const range = low === high ? low : `${low}–${high}`
  const suffix = isPercent ? ' %' : unit.trim() === '' ? '' : ` ${unit.trim()}`
  return `${range}${suffix}`
}

/** Lower-cases the first letter of a label for use mid-sentence, but leaves acronyms ("PFS", "CgA") alone. */
function midSentence(label: string): string {
  const [first = '', second = ''] = label
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? first.toLowerCase() + label.slice(1)
    : label
}

/** A proportion as a whole percent, except that a bound short of 0 or 100 never reads as 0 or 100. */
function percent(proportion: number): string {
  const rounded = Math.round(proportion * 100)
  if ((rounded === 100 && proportion < 1) || (rounded === 0 && proportion > 0)) {
    return String(Math.round(proportion * 1000) / 10)
  }
  return String(rounded)
}

function outcomePhrase(outcome: OutcomeSummary): string | null {
  if (outcome.min === null || outcome.max === null) return null
  const name =
    midSentence(outcome.label) + (outcome.timepoint.trim() === '' ? '' : ` (${outcome.timepoint.trim()})`)
  let phrase = `${name} ${formatRange(outcome.min, outcome.max, outcome.isPercent, outcome.unit)}`
  const pooled = outcome.pooled
  if (pooled !== null) {
    phrase +=
      ` (pooled ${percent(pooled.proportion)} %, 95 % CI ${percent(pooled.ciLow)}–${percent(pooled.ciHigh)} %,` +
      ` I² ${Math.round(pooled.i2)} %)`
  }
  return phrase
}

/**
 * A plain-language sentence for one modality, e.g. "Embolization / chemoembolization: 14 studies (13 case series,
 * 1 RCT), 512 patients; symptom relief 75–100 %, objective response 33–80 % (pooled 52 %, 95 % CI 44–60 %,
 * I² 71 %)." Percents are rounded to whole numbers; outcomes without any value are left out; the patient count
 * is left out when none is known.
 */
export function summarySentence(summary: ModalitySummary): string {
  const studies = `${summary.studies} ${summary.studies === 1 ? 'study' : 'studies'}`
  const mix = summary.designMix.map(({ design, studies: count }) => designCountPhrase(design, count))
  const patients =
    summary.patients > 0 ? `, ${summary.patients} ${summary.patients === 1 ? 'patient' : 'patients'}` : ''
  const outcomes = summary.outcomes.map(outcomePhrase).filter((phrase): phrase is string => phrase !== null)
  const head = `${summary.modality}: ${studies}${mix.length > 0 ? ` (${mix.join(', ')})` : ''}${patients}`
  return `${head}; ${outcomes.length > 0 ? outcomes.join(', ') : 'no outcome data extracted'}.`
}
