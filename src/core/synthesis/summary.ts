import { rowModality, type EvidenceRow } from './evidence-table'
import { canonicalDesign, designRank } from './design-names'
import { poolProportions, type PooledProportion, type TauMethod } from './meta-analysis'
import { unclassifiedDesign, type StudyInfo } from './types'

/** One outcome (at one timepoint) across the studies of a group. */
export type OutcomeSummary = {
  outcome: string
  label: string
  kind: string
  timepoint: string
  unit: string
  /** True when values are percents (proportions and rates), so ranges read "33–80 %". */
  isPercent: boolean
  /** Studies reporting a value. */
  studies: number
  /** Patients behind the values: the sum of each data point's total. */
  patients: number
  /** Range of the values across studies (and arms); null when none has a value. */
  min: number | null
  max: number | null
  /** Random-effects pooled proportion where at least two arms give events/total; else null and `poolReason`. */
  pooled: PooledProportion | null
  poolReason: string | null
}

/** A modality × study design cell of the summary. */
export type DesignSummary = {
  design: string
  studies: number
  patients: number
  outcomes: OutcomeSummary[]
}

/** Everything known about one modality: totals, the design mix, and summaries overall and per design. */
export type ModalitySummary = {
  modality: string
  studies: number
  patients: number
  /** Studies per design, most frequent first (then strongest design first). */
  designMix: { design: string; studies: number }[]
  designs: DesignSummary[]
  /** Outcomes across all designs of the modality (what the plain-language sentence reports). */
  outcomes: OutcomeSummary[]
}

export type SummaryOptions = {
  method?: TauMethod
  /**
   * Included studies, so that studies without extracted outcomes still count (under their tagged modalities and
   * design) and their patient numbers are known. Matched to rows by `studyId` (the record id when empty).
   */
  studies?: readonly StudyInfo[]
  /** Modality term id → label, as for `evidenceTableRows`. */
  labels?: Readonly<Record<string, string>>
}

const percentKinds = new Set(['proportion', 'rate-at-timepoint'])

/** Events/total is a proportion we may pool when the kind says so, or is unknown (a hand-made CSV) and n/N given. */
function isProportionRow(row: EvidenceRow): boolean {
  return row.kind === '' ? row.events !== null && row.total !== null : percentKinds.has(row.kind)
}

/**
 * An outcome is a percent outcome when no row says otherwise and at least one row shows it is one (a percent
 * kind, or n/N in a CSV without kinds): a study that reports only "75 %" then still counts in the range.
 */
function isPercentOutcome(rows: readonly EvidenceRow[]): boolean {
  return rows.every((row) => row.kind === '' || percentKinds.has(row.kind)) && rows.some(isProportionRow)
}

/** The value a row contributes to a range: the entered value, else events / total as a percent. */
function rowValue(row: EvidenceRow): number | null {
  if (row.value !== null) return row.value
  if (
    (row.kind === '' || percentKinds.has(row.kind)) &&
    row.events !== null &&
    row.total !== null &&
    row.total > 0
  ) {
    return (row.events / row.total) * 100
  }
  return null
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

function summarizeOutcome(rows: readonly EvidenceRow[], method: TauMethod): OutcomeSummary {
  const first = rows[0] as EvidenceRow
  const values = rows.map(rowValue).filter((value): value is number => value !== null)
  const reporting = rows.filter((row) => rowValue(row) !== null)
  const isPercent = isPercentOutcome(rows)
  const counts = isPercent
    ? rows.flatMap((row) =>
        row.events !== null && row.total !== null ? [{ events: row.events, total: row.total }] : [],
      )
    : []
  const result = isPercent ? poolProportions(counts, method) : null
  return {
    outcome: first.outcome,
    label: first.outcomeLabel || first.outcome,
    kind: first.kind,
    timepoint: first.timepoint,
    unit: first.unit,
    isPercent,
    studies: new Set(reporting.map((row) => row.studyId)).size,
    patients: reporting.reduce((sum, row) => sum + (row.total ?? 0), 0),
    min: values.length > 0 ? Math.min(...values) : null,
    max: values.length > 0 ? Math.max(...values) : null,
    pooled: result?.pooled ?? null,
    poolReason: result === null ? 'not-a-proportion' : result.reason,
  }
}

function summarizeOutcomes(rows: readonly EvidenceRow[], method: TauMethod): OutcomeSummary[] {
  // Key by outcome and timepoint: 1-year and 5-year survival are different outcomes for a range or a pool.
  const groups = groupBy(rows, (row) => `${row.outcome}\u0000${row.timepoint}`)
  return [...groups.values()].map((group) => summarizeOutcome(group, method))
}

/** A study's members in a group: its rows there (possibly none) and its metadata. */
type StudyInGroup = { rows: EvidenceRow[]; n: number | null; isOnlyHere: boolean }

/**
 * Patients of one study in a group: its `n` when all the study's data are in this group (or it has no rows), else
 * the sum over its arms here of each arm's largest total (an arm's totals differ by outcome when some patients
 * were not evaluable; the largest is the arm size).
 */
function studyPatients(study: StudyInGroup): number {
  if (study.n !== null && study.isOnlyHere) return study.n
  const arms = groupBy(study.rows, (row) => row.arm)
  let sum = 0
  for (const armRows of arms.values()) sum += Math.max(0, ...armRows.map((row) => row.total ?? 0))
  return sum === 0 ? (study.n ?? 0) : sum
}

type Member = { studyId: string; modality: string; design: string; n: number | null; rows: EvidenceRow[] }

/** Every (study, modality, design) with its rows, including tagged studies without rows. */
function members(rows: readonly EvidenceRow[], options: SummaryOptions): Member[] {
  const byKey = new Map<string, Member>()
  for (const row of rows) {
    const design = canonicalDesign(row.design) || unclassifiedDesign
    const key = `${row.studyId}\u0000${row.modality}\u0000${design}`
    const member = byKey.get(key)
    if (member) member.rows.push(row)
    else byKey.set(key, { studyId: row.studyId, modality: row.modality, design, n: row.n, rows: [row] })
  }
  const withRows = new Set(rows.map((row) => row.studyId))
  for (const study of options.studies ?? []) {
    const studyId = study.studyId || study.recordId
    if (withRows.has(studyId)) continue
    const modality = rowModality({ modality: '' }, study, options.labels)
    const design = canonicalDesign(study.design) || unclassifiedDesign
    byKey.set(`${studyId}\u0000${modality}\u0000${design}`, {
      studyId,
      modality,
      design,
      n: study.n,
      rows: [],
    })
  }
  return [...byKey.values()]
}

function patientsOf(group: readonly Member[], groupsPerStudy: ReadonlyMap<string, number>): number {
  return group.reduce(
    (sum, member) =>
      sum +
      studyPatients({
        rows: member.rows,
        n: member.n,
        isOnlyHere: (groupsPerStudy.get(member.studyId) ?? 0) <= 1,
      }),
    0,
  )
}

/**
 * The evidence summary by modality and study design: studies, patients, design mix, each outcome's range across
 * studies and, where at least two arms give events/total, a random-effects pooled proportion (logit, DL by
 * default). Modalities are sorted by number of studies (most first), designs strongest first.
 */
export function summarizeEvidence(
  rows: readonly EvidenceRow[],
  options: SummaryOptions = {},
): ModalitySummary[] {
  const method = options.method ?? 'dl'
  const all = members(rows, options)
  const modalitiesPerStudy = new Map<string, number>()
  for (const [studyId, group] of groupBy(all, (member) => member.studyId)) {
    modalitiesPerStudy.set(studyId, new Set(group.map((member) => member.modality)).size)
  }
  const summaries: ModalitySummary[] = []
  for (const [modality, group] of groupBy(all, (member) => member.modality)) {
    const designs: DesignSummary[] = [...groupBy(group, (member) => member.design)]
      .sort(([a], [b]) => designRank(a) - designRank(b) || a.localeCompare(b))
      .map(([design, designGroup]) => ({
        design,
        studies: new Set(designGroup.map((member) => member.studyId)).size,
        patients: patientsOf(designGroup, modalitiesPerStudy),
        outcomes: summarizeOutcomes(
          designGroup.flatMap((member) => member.rows),
          method,
        ),
      }))
    summaries.push({
      modality,
      studies: new Set(group.map((member) => member.studyId)).size,
      patients: patientsOf(group, modalitiesPerStudy),
      designMix: designs
        .map(({ design, studies }) => ({ design, studies }))
        .sort((a, b) => b.studies - a.studies || designRank(a.design) - designRank(b.design)),
      designs,
      outcomes: summarizeOutcomes(
        group.flatMap((member) => member.rows),
        method,
      ),
    })
  }
  return summaries.sort((a, b) => b.studies - a.studies || a.modality.localeCompare(b.modality))
}
