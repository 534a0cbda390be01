import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { DedupInput } from '../src/core/dedup/find-duplicates'
import { parseFile } from '../src/core/import/import-file'

/** The labelled dedup sets: `../shared/datasets/dedup/` beside the project (BENCHMARKS.md §2). */
export const dedupDatasetDir = path.resolve(import.meta.dirname, '../../shared/datasets/dedup')

/** One labelled set: records with ids, and each record's gold duplicate group (same order). */
export type LabelledSet = { name: string; records: DedupInput[]; groups: string[] }

function rawValue(input: DedupInput, tag: string): string {
  return input.record.raw.find((field) => field.tag === tag)?.value ?? ''
}

/**
 * Reads one set through the same import path users get (`parseFile`), taking the record id from `ID` (Rathbone
 * sets) or `record_id` (ASySD) and the gold group from `duplicate_group`, both kept verbatim in `raw`.
 */
export function loadLabelledSet(file: string): LabelledSet {
  const parsed = parseFile(new Uint8Array(readFileSync(file)), path.basename(file))
  if (parsed.error) throw new Error(`${file}: ${parsed.error}`)
  const records = parsed.records.map((record, index) => {
    const input: DedupInput = { id: String(index), record }
    return { ...input, id: rawValue(input, 'ID') || rawValue(input, 'record_id') || String(index) }
  })
  const groups = records.map((input) => rawValue(input, 'duplicate_group'))
  const missing = groups.filter((group) => !group).length
  if (missing > 0) throw new Error(`${file}: ${missing} records without duplicate_group`)
  return { name: path.basename(file, '.csv'), records, groups }
}

/** Every labelled set in the folder, in file-name order; empty when the folder is absent. */
export function loadLabelledSets(dir = dedupDatasetDir): LabelledSet[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => loadLabelledSet(path.join(dir, name)))
}
