import { readFile } from 'node:fs/promises'

import { sniffDelimiter } from '../../core/import/csv-reader'
import { readEvidenceTableCsv } from '../../core/synthesis/evidence-table'
import type { TauMethod } from '../../core/synthesis/meta-analysis'
import { summarizeEvidence, type OutcomeSummary } from '../../core/synthesis/summary'
import { CliError, exitCodes, type Command } from '../framework'

/** The columns `sift summarize` cannot do without (the long format); the rest of the evidence table is optional. */
export const requiredColumns = [
  'study_id',
  'modality',
  'design',
  'outcome',
  'timepoint',
  'events',
  'total',
] as const

/** One JSON object of the output: a modality × design × outcome (× timepoint). Percents are 0–100. */
export type SummarizeLine = {
  modality: string
  design: string
  outcome: string
  timepoint: string
  studies: number
  patients: number
  min: number | null
  max: number | null
  /** Pooled proportion and CI as percents; null with `pool_note` when not pooled. */
  pooled: number | null
  ci_low: number | null
  ci_high: number | null
  tau2: number | null
  i2: number | null
  k: number | null
  pool_note?: string
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1e6) / 1e6)

function line(modality: string, design: string, outcome: OutcomeSummary): SummarizeLine {
  const pooled = outcome.pooled
  return {
    modality,
    design,
    outcome: outcome.outcome,
    timepoint: outcome.timepoint,
    studies: outcome.studies,
    patients: outcome.patients,
    min: round(outcome.min),
    max: round(outcome.max),
    pooled: round(pooled && pooled.proportion * 100),
    ci_low: round(pooled && pooled.ciLow * 100),
    ci_high: round(pooled && pooled.ciHigh * 100),
    tau2: round(pooled && pooled.tau2),
    i2: round(pooled && pooled.i2),
    k: pooled?.k ?? null,
    ...(pooled === null && outcome.poolReason !== null ? { pool_note: outcome.poolReason } : {}),
  }
}

function parseMethod(value: string | undefined): TauMethod {
  const method = (value ?? 'dl').toLowerCase()
  if (method === 'dl' || method === 'reml') return method
  throw new CliError(`--method must be dl or reml, not "${value}".`, exitCodes.usage)
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT') throw new CliError(`${path}: no such file.`)
    if (code === 'EISDIR') throw new CliError(`${path} is a folder, not a file.`)
    throw new CliError(`${path}: cannot be read (${code ?? 'error'}).`)
  }
}

/** `sift summarize OUTCOMES.csv [--method dl|reml]`: the evidence summary of a long-format table, as JSON. */
export const summarizeCommand: Command = {
  name: 'summarize',
  summary:
    'Summarise a long-format evidence table (CSV) by modality, design and outcome, with pooled proportions.',
  usage: 'summarize OUTCOMES.csv [--method dl|reml]',
  options: [
    {
      name: 'method',
      kind: 'value',
      valueName: 'dl|reml',
      description: 'τ² estimator of the random-effects model: DerSimonian–Laird (default) or REML.',
    },
  ],
  async run(args, { io }) {
    const method = parseMethod(args.values.get('method'))
    const [path, ...extra] = args.positionals
    if (path === undefined) throw new CliError('Name the CSV file to summarise.', exitCodes.usage)
    if (extra.length > 0) throw new CliError('Summarise one CSV file at a time.', exitCodes.usage)
    const text = await readText(path)
    // Excel in many European locales saves CSV with `;`; accept what the header row uses.
    const read = readEvidenceTableCsv(text, requiredColumns, sniffDelimiter(text.replace(/^\uFEFF/, '')))
    if (read.missingColumns.length > 0) {
      throw new CliError(
        `${path}: missing column${read.missingColumns.length === 1 ? '' : 's'} ${read.missingColumns.join(', ')}. ` +
          `Needed: ${requiredColumns.join(', ')}.`,
      )
    }
    for (const warning of read.warnings) io.err(`sift: ${path}: row ${warning.row}: ${warning.message}`)
    const lines = summarizeEvidence(read.rows, { method }).flatMap((modality) =>
      modality.designs.flatMap((design) =>
        design.outcomes.map((outcome) => line(modality.modality, design.design, outcome)),
      ),
    )
    // One JSON document (an array), indented: small, meant for people and for `jq` alike.
    io.out(JSON.stringify(lines, null, 2))
    return exitCodes.ok
  },
}
