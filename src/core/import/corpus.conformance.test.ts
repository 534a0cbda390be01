import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CitationRecord } from '../records/record'
import { parseFile } from './import-file'

// The shared corpus of real exports lives next to the repository (../shared); it is never copied into the project.
const corpusDir = path.resolve(process.cwd(), '../shared/corpus/imports')
const hasCorpus = existsSync(path.join(corpusDir, 'MANIFEST.tsv'))

if (!hasCorpus) {
  if (process.env.CI)
    throw new Error(`corpus conformance: ${corpusDir} is missing, and CI must run this test`)
  console.warn(
    `corpus conformance skipped: ${corpusDir} not found (it is shared material outside the repository)`,
  )
}

type ManifestRow = {
  file: string
  format: string
  expected: number
  hasAbstracts: string
  abstractCount: number | null
}

function readManifest(): ManifestRow[] {
  const lines = readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)
  const rows: ManifestRow[] = []
  for (const line of lines) {
    const cells = line.split('\t')
    if (cells.length < 7) continue
    const notes = cells[6] ?? ''
    const abstracts = /abstracts in (\d+)\/\d+ records/.exec(notes)
    rows.push({
      file: cells[0] ?? '',
      format: cells[1] ?? '',
      expected: Number(/\d+/.exec(cells[4] ?? '')?.[0] ?? NaN),
      hasAbstracts: cells[5] ?? '',
      abstractCount: abstracts?.[1] ? Number(abstracts[1]) : null,
    })
  }
  return rows
}

/** The manifest's `other` folder holds one file per minor format; these are the format ids Sift reads them as. */
const otherFormats: Readonly<Record<string, string>> = {
  'other/colrev__ais_enl.txt': 'endnote-tagged',
  'other/knh11545__Embase_citavi_r3001-3002.ovd': 'ovid',
  'other/knh11545__Embase_endnote_r3001-3002.cgi': 'ovid',
  'other/knh11545__pmid.txt': 'id-list',
  'other/metaknowledge__ProQuest_TestFile.testtxt': 'proquest',
  'other/tethne__citations.xml': 'jstor-dfr',
  'other/tethne__zotero.rdf': 'zotero-rdf',
}

type Field = 'title' | 'year' | 'authors' | 'id'
/** Share of records that must have each field, unless an exception below says otherwise. */
const defaultShare: Readonly<Record<Field, number>> = { title: 0.95, year: 0.9, authors: 0.9, id: 0.5 }

/**
 * Justified exceptions: the file itself lacks the field (checked by reading it), so the share is lowered.
 * Each entry says why.
 */
const exceptions: Readonly<Record<string, Partial<Record<Field, { share: number; reason: string }>>>> = {
  'ris/asreview__ris_issue_992.txt': {
    authors: {
      share: 0.15,
      reason: 'Rayyan export: only 3 of 19 records carry AU lines (13 AU lines in the file)',
    },
    id: { share: 0.15, reason: 'only 3 DOI-bearing lines in the file' },
  },
  'ris/sysrev__ERIC_ebsco_1232020_crl_assessment.txt': {
    id: { share: 0.3, reason: 'ERIC records carry ERIC accession numbers (EJ…) and almost never a DOI' },
  },
  'ris/sysrev__Google_Scholar_RefMan_export.ris': {
    id: { share: 0, reason: 'Google Scholar RefMan RIS has no DO tag at all' },
  },
  'wos/synthesisr__zoorec.txt': {
    id: { share: 0.2, reason: 'Zoological Record: only 27 DI lines for 134 records' },
  },
  'bibtex/bibliometrix__garfield.bib': {
    id: { share: 0.2, reason: 'old Scopus BibTeX: doi={} present in about a quarter of the entries' },
  },
  'endnote-xml/rbibutils__endnote.xml': {
    id: { share: 0, reason: 'no electronic-resource-num or accession number in the file' },
  },
  'endnote-xml/reflib__multipart.xml': {
    year: { share: 0, reason: 'the single test record has no <dates> element' },
    id: { share: 0, reason: 'the single test record has no identifiers' },
  },
  'other/colrev__ais_enl.txt': {
    authors: { share: 0.6, reason: '2 of the 6 AIS eLibrary records have no %A line' },
    id: { share: 0, reason: 'AIS eLibrary EndNote export has no %R (DOI) lines' },
  },
  'other/knh11545__pmid.txt': {
    title: { share: 0, reason: 'a PMID list: stub records with isMetadataMissing, no metadata by design' },
    year: { share: 0, reason: 'a PMID list: stub records' },
    authors: { share: 0, reason: 'a PMID list: stub records' },
  },
  'other/metaknowledge__ProQuest_TestFile.testtxt': {
    id: { share: 0, reason: 'ProQuest dissertation records carry no DOI or PMID field' },
  },
  'other/tethne__citations.xml': {
    title: { share: 0.85, reason: 'JSTOR DfR: 39 of 398 items (front/back matter) have an empty <title>' },
    authors: { share: 0.8, reason: 'JSTOR DfR: 73 items have an empty <author/> (front matter, notes)' },
  },
}

/**
 * Files whose record count differs from the manifest on purpose. The manifest counts record starts; Sift leaves out a
 * record the file breaks off in the middle of, and reports the truncation.
 */
const countExceptions: Readonly<Record<string, { records: number; isTruncated: boolean; reason: string }>> = {
  'medline/metaknowledge__medline_test.medline': {
    records: 174,
    isTruncated: true,
    reason:
      "the file itself is cut off: its last record (PMID 26153366) ends mid-title ('…in the endometriu') with no SO line",
  },
}

function share(records: readonly CitationRecord[], has: (record: CitationRecord) => boolean): number {
  if (records.length === 0) return 0
  return records.filter(has).length / records.length
}

const checks: Readonly<Record<Field, (record: CitationRecord) => boolean>> = {
  title: (record) => record.title.length > 0,
  year: (record) => record.year !== null,
  authors: (record) => record.authors.length > 0,
  id: (record) => record.doi.length > 0 || record.pmid.length > 0,
}

describe.skipIf(!hasCorpus)('corpus conformance (../shared/corpus/imports)', () => {
  const rows = hasCorpus ? readManifest() : []
  it('reads the manifest', () => {
    expect(rows.length).toBeGreaterThan(50)
  })
  for (const row of rows) {
    it(`${row.file}: ${row.expected} records`, () => {
      const bytes = new Uint8Array(readFileSync(path.join(corpusDir, row.file)))
      const parsed = parseFile(bytes, path.basename(row.file))
      expect(parsed.error).toBeNull()
      expect(parsed.format).toBe(otherFormats[row.file] ?? row.format)
      const countException = countExceptions[row.file]
      expect(parsed.records.length).toBe(countException?.records ?? row.expected)
      expect(parsed.truncated !== null).toBe(countException?.isTruncated ?? false)
      const fileExceptions = exceptions[row.file] ?? {}
      for (const field of ['title', 'year', 'authors', 'id'] as const) {
        const minimum = fileExceptions[field]?.share ?? defaultShare[field]
        expect({ field, share: share(parsed.records, checks[field]) }).toEqual({
          field,
          share: expect.toSatisfy((value: number) => value >= minimum) as number,
        })
      }
      if (row.abstractCount !== null && row.abstractCount > 0) {
        const withAbstract = parsed.records.filter((record) => record.abstract.length > 0).length
        expect(withAbstract).toBeGreaterThanOrEqual(Math.floor(row.abstractCount * 0.95))
      }
    })
  }
})
