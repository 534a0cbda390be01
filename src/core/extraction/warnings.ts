import {
  armsField,
  findField,
  outcomeGrids,
  outcomeTimepoints,
  type ExtractionForm,
  type OutcomeDefinition,
  type OutcomeGridField,
} from './form'
import { cellResult } from './outcomes'
import { numberOrNull, readArms, readCell, type ArmValue } from './values'

/**
 * A plausibility warning: the values are valid but probably mistyped (survival rising over time, more responses
 * than evaluable patients). Shown beside the field; never blocks saving or completing. `path` is the form-library
 * path of the value to look at.
 */
export type FormWarning = { path: string; message: string }

function armName(arm: ArmValue, index: number): string {
  return arm.label.trim() === '' ? `Arm ${index + 1}` : arm.label.trim()
}

function format(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** Later timepoints first sorted by months when every timepoint has them, else in the form's order. */
function orderedTimepoints(outcome: OutcomeDefinition) {
  const timepoints = outcomeTimepoints(outcome)
  if (!timepoints.every((t) => t.months !== undefined)) return timepoints
  return [...timepoints].sort((a, b) => (a.months ?? 0) - (b.months ?? 0))
}

function trendWarnings(
  grid: OutcomeGridField,
  gridValue: unknown,
  arm: ArmValue,
  index: number,
): FormWarning[] {
  const warnings: FormWarning[] = []
  for (const outcome of grid.outcomes) {
    if (outcome.trend === undefined) continue
    let previous: { label: string; value: number } | undefined
    for (const timepoint of orderedTimepoints(outcome)) {
      const cell = readCell(gridValue, arm.id, outcome.id, timepoint.id)
      const value = cell === undefined ? null : cellResult(cell, outcome).value
      if (value === null) continue
      const isBroken =
        previous !== undefined &&
        (outcome.trend === 'non-increasing' ? value > previous.value : value < previous.value)
      if (previous !== undefined && isBroken) {
        const relation = outcome.trend === 'non-increasing' ? 'higher' : 'lower'
        warnings.push({
          path: `${grid.id}.${arm.id}.${outcome.id}.${timepoint.id}.value`,
          message: `${armName(arm, index)}: ${outcome.label} at ${timepoint.label} (${format(value)}) is ${relation} than at ${previous.label} (${format(previous.value)}).`,
        })
      }
      previous = { label: timepoint.label, value }
    }
  }
  return warnings
}

function cellWarnings(
  grid: OutcomeGridField,
  gridValue: unknown,
  arm: ArmValue,
  index: number,
): FormWarning[] {
  const warnings: FormWarning[] = []
  const name = armName(arm, index)
  for (const outcome of grid.outcomes) {
    for (const timepoint of outcomeTimepoints(outcome)) {
      const cell = readCell(gridValue, arm.id, outcome.id, timepoint.id)
      if (cell === undefined) continue
      const path = `${grid.id}.${arm.id}.${outcome.id}.${timepoint.id}`
      const at = timepoint.label === '' ? '' : ` at ${timepoint.label}`
      const counts = [cell.cr, cell.pr, cell.sd, cell.pd].filter((count) => count != null)
      const sum = counts.reduce((total, count) => total + count, 0)
      if (counts.length > 0 && cell.total != null && sum > cell.total) {
        warnings.push({
          path: `${path}.total`,
          message: `${name}: ${outcome.label}${at}: CR + PR + SD + PD (${sum}) is more than the ${cell.total} evaluable.`,
        })
      }
      if (cell.cr != null && cell.pr != null && cell.events != null && cell.events !== cell.cr + cell.pr) {
        warnings.push({
          path: `${path}.events`,
          message: `${name}: ${outcome.label}${at}: responses (${cell.events}) differ from CR + PR (${cell.cr + cell.pr}).`,
        })
      }
      if (arm.n !== null && cell.total != null && cell.total > arm.n) {
        warnings.push({
          path: `${path}.total`,
          message: `${name}: ${outcome.label}${at}: total (${cell.total}) is more than the arm's n (${arm.n}).`,
        })
      }
    }
  }
  return warnings
}

/** median PFS ≤ median OS and the like: `atMost` compares an outcome with another in the same arm and timepoint. */
function atMostWarnings(
  grid: OutcomeGridField,
  gridValue: unknown,
  arm: ArmValue,
  index: number,
): FormWarning[] {
  const warnings: FormWarning[] = []
  for (const outcome of grid.outcomes) {
    const limit = grid.outcomes.find((other) => other.id === outcome.atMost)
    if (limit === undefined) continue
    for (const timepoint of outcomeTimepoints(outcome)) {
      const cell = readCell(gridValue, arm.id, outcome.id, timepoint.id)
      const limitCell = readCell(gridValue, arm.id, limit.id, timepoint.id)
      const value = cell === undefined ? null : cellResult(cell, outcome).value
      const limitValue = limitCell === undefined ? null : cellResult(limitCell, limit).value
      if (value !== null && limitValue !== null && value > limitValue) {
        warnings.push({
          path: `${grid.id}.${arm.id}.${outcome.id}.${timepoint.id}.value`,
          message: `${armName(arm, index)}: ${outcome.label} (${format(value)}) is more than ${limit.label} (${format(limitValue)}).`,
        })
      }
    }
  }
  return warnings
}

function armTotalWarnings(form: ExtractionForm, values: Readonly<Record<string, unknown>>): FormWarning[] {
  const definition = armsField(form)
  if (definition?.studyTotalFieldId === undefined) return []
  const total = numberOrNull(values[definition.studyTotalFieldId])
  const sizes = readArms(values[definition.id]).map((arm) => arm.n)
  if (total === null || sizes.length < 2 || sizes.some((n) => n === null)) return []
  const sum = sizes.reduce<number>((all, n) => all + (n ?? 0), 0)
  if (sum <= total) return []
  const studyLabel = findField(form, definition.studyTotalFieldId)?.label ?? 'number of patients'
  return [
    {
      path: definition.id,
      message: `The arms add up to ${sum} patients, more than the study's ${studyLabel.toLowerCase()} (${total}); check for patients counted in two arms.`,
    },
  ]
}

/**
 * Plausibility warnings for an extraction: later survival rates above earlier ones (outcomes with a `trend`),
 * CR + PR + SD + PD above the number evaluable, responses ≠ CR + PR, a cell total above the arm's n, an outcome
 * above its `atMost` outcome (median PFS > median OS), arms adding up to more than the study. Works on raw or
 * parsed values and never throws; values it cannot read are skipped (the schema reports those).
 */
export function formWarnings(values: Readonly<Record<string, unknown>>, form: ExtractionForm): FormWarning[] {
  const warnings = armTotalWarnings(form, values)
  const definition = armsField(form)
  if (definition === undefined) return warnings
  const arms = readArms(values[definition.id])
  for (const grid of outcomeGrids(form)) {
    arms.forEach((arm, index) => {
      const gridValue = values[grid.id]
      warnings.push(
        ...cellWarnings(grid, gridValue, arm, index),
        ...trendWarnings(grid, gridValue, arm, index),
        ...atMostWarnings(grid, gridValue, arm, index),
      )
    })
  }
  return warnings
}
