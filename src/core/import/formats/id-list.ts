import { normaliseDoi, normalisePmcid, normalisePmid } from '../../records/normalise'
import type { CitationRecord } from '../../records/record'
import { emptyRecord } from '../../records/record'
import { forEachLine } from '../lines'
import type { ImportFormat, ParseResult } from '../types'
import { stripBom, WarningCollector } from '../warnings'

const pmidLine = /^(?:PMID:?\s*)?\d{1,9}$/i
const pmcidLine = /^PMC\d{1,9}$/i
const doiLine = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{3,9}\/\S+$/i

/**
 * Parses a list of identifiers, one per line (PubMed's "PMID" export, a DOI list pasted from a spreadsheet):
 * each becomes a stub record with `isMetadataMissing: true`. Lines that are neither a PMID, a PMCID nor a DOI are
 * reported with their line number.
 */
export function parseIdList(text: string): ParseResult {
  const records: CitationRecord[] = []
  const warnings = new WarningCollector()
  forEachLine(stripBom(text), (line, lineNo) => {
    const value = line.trim().replace(/[,;]$/, '')
    if (!value) return
    const record = emptyRecord()
    record.isMetadataMissing = true
    if (pmidLine.test(value)) record.pmid = normalisePmid(value)
    else if (pmcidLine.test(value)) record.pmcid = normalisePmcid(value)
    else if (doiLine.test(value)) record.doi = normaliseDoi(value)
    else {
      warnings.add(lineNo, `not a PMID, PMCID or DOI: ${value.slice(0, 60)}`)
      return
    }
    records.push(record)
  })
  return { records, warnings: warnings.list() }
}

/** Confidence that `head` is an identifier list: nearly every non-empty line is a PMID, PMCID or DOI. */
export function detectIdList(head: string): number {
  const lines = head
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  // The last line of a head sample may be cut mid-identifier; judge on the complete ones.
  const sample = lines.length > 1 ? lines.slice(0, -1) : lines
  if (sample.length === 0) return 0
  const ids = sample.filter(
    (line) => pmidLine.test(line) || pmcidLine.test(line) || doiLine.test(line),
  ).length
  return ids / sample.length >= 0.9 ? 0.9 : 0
}

/** A list of PMIDs, PMCIDs or DOIs. */
export const idListFormat: ImportFormat = {
  id: 'id-list',
  label: 'List of PMIDs / DOIs',
  extensions: ['txt', 'csv'],
  detect: detectIdList,
  parse: parseIdList,
}
