import {
  armsField,
  outcomeGrids,
  outcomeTimepoints,
  type ExtractionForm,
  type OutcomeDefinition,
  type OutcomeKind,
} from './form'
import { isFilled, readArms, readCell, type OutcomeCellValue } from './values'

/**
 * One row of the long-format `outcomes` table: one study (record) × arm × outcome × timepoint, as entered by one
 * reviewer (or the consensus). Summaries and the evidence table query these rows directly.
 * - `value`: the percent for proportions and rates, the measurement (in `unit`) for medians and continuous
 *   outcomes, the count for counts; `null` when not derivable.
 * - `events`/`total`: the n/N behind a proportion or rate (the count in `events` for counts).
 * - `timepoint`: the timepoint label ('' for an outcome without timepoints); `timepointMonths` sorts them.
 * - `criteria`: the label of the response criteria chosen, '' if none.
 */
export type OutcomeRow = {
  recordId: string
  extractionId: string
  reviewerId: string
  armId: string
  arm: string
  modality: string
  outcome: string
  outcomeLabel: string
  kind: OutcomeKind
  timepointId: string
  timepoint: string
  timepointMonths: number | null
  events: number | null
  total: number | null
  value: number | null
  unit: string
  criteria: string
  cr: number | null
  pr: number | null
  sd: number | null
  pd: number | null
}

/**
 * Who the rows belong to. `armModalities` maps arm id → modality for arms whose own modality is blank (e.g. the
 * study's modality tag, for a single-arm series the reviewer did not classify); an arm's own entry always wins.
 */
export type OutcomeRowContext = {
  recordId: string
  reviewerId: string
  extractionId: string
  armModalities?: Readonly<Record<string, string>>
}

/**
 * The value of a cell as the summaries read it: for proportions and rates events / total × 100 when both are
 * there (n/N beats a rounded percent from the paper), else the entered percent; for counts the count; else the
 * entered value. Also: objective response events default to CR + PR when only the counts were entered.
 */
export function cellResult(
  cell: OutcomeCellValue,
  outcome: OutcomeDefinition,
): { events: number | null; total: number | null; value: number | null } {
  const total = cell.total ?? null
  let events = cell.events ?? null
  if (events === null && outcome.hasResponseCounts === true && cell.cr != null && cell.pr != null) {
    events = cell.cr + cell.pr
  }
  if (outcome.kind === 'count') return { events, total, value: events }
  const isPercent = outcome.kind === 'proportion' || outcome.kind === 'rate-at-timepoint'
  if (isPercent && events !== null && total !== null && total > 0) {
    return { events, total, value: (events / total) * 100 }
  }
  return { events, total, value: cell.value ?? null }
}

/**
 * Normalise one extraction's outcome grids into long-format rows: one per arm × outcome × timepoint with anything
 * entered. Empty cells give no row; cells of arms no longer in the arms list are skipped (their values stay in the
 * extraction). Order is deterministic: arms in the extraction's order, then grids, outcomes and timepoints in the
 * form's order, whatever the key order of the stored object.
 */
export function toOutcomeRows(
  values: Readonly<Record<string, unknown>>,
  form: ExtractionForm,
  context: OutcomeRowContext,
): OutcomeRow[] {
  const armsDefinition = armsField(form)
  if (armsDefinition === undefined) return []
  const rows: OutcomeRow[] = []
  const arms = readArms(values[armsDefinition.id])
  const seen = new Set<string>()
  for (const arm of arms) {
    // Two arms with one id would share cells; the first one owns them.
    if (seen.has(arm.id)) continue
    seen.add(arm.id)
    const modality =
      arm.modality.trim() !== '' ? arm.modality.trim() : (context.armModalities?.[arm.id] ?? '')
    for (const grid of outcomeGrids(form)) {
      for (const outcome of grid.outcomes) {
        for (const timepoint of outcomeTimepoints(outcome)) {
          const cell = readCell(values[grid.id], arm.id, outcome.id, timepoint.id)
          if (cell === undefined || !isFilled(cell)) continue
          const { events, total, value } = cellResult(cell, outcome)
          const criteria = outcome.criteria?.find((option) => option.value === cell.criteria)?.label
          rows.push({
            recordId: context.recordId,
            extractionId: context.extractionId,
            reviewerId: context.reviewerId,
            armId: arm.id,
            arm: arm.label.trim(),
            modality,
            outcome: outcome.id,
            outcomeLabel: outcome.label,
            kind: outcome.kind,
            timepointId: timepoint.id,
            timepoint: timepoint.label,
            timepointMonths: timepoint.months ?? null,
            events,
            total,
            value,
            unit: outcome.unit ?? grid.unit ?? '',
            criteria: criteria ?? cell.criteria?.trim() ?? '',
            cr: cell.cr ?? null,
            pr: cell.pr ?? null,
            sd: cell.sd ?? null,
            pd: cell.pd ?? null,
          })
        }
      }
    }
  }
  return rows
}
