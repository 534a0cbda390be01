import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyRecord } from '../records/record'
import type { ReviewerExtraction, ReviewerFile, ReviewerFormVersion } from './reviewer-file'
import {
  buildReviewerFile,
  isNewerExtraction,
  latestExtractions,
  mapIncomingRecordIds,
  parseReviewerFile,
  recordFingerprint,
} from './reviewer-file'
import type { ScreeningDecision } from './types'

const decision: ScreeningDecision = {
  recordId: 'a1',
  stage: 'full-text',
  reviewerId: 'ann',
  value: 'exclude',
  reason: 'Wrong population',
  decidedAt: '2024-03-01T10:00:00.000Z',
}

function sampleFile(): ReviewerFile {
  return buildReviewerFile({
    projectName: 'NETLM',
    reviewer: { id: 'ann', name: 'Ann' },
    exportedAt: '2024-03-02T08:00:00.000Z',
    decisions: [decision],
    resolutions: [
      {
        recordId: 'a1',
        stage: 'full-text',
        value: 'exclude',
        reason: 'Wrong population',
        resolvedBy: 'carol',
        resolvedAt: '2024-03-03T08:00:00.000Z',
      },
    ],
    notes: [
      {
        recordId: 'a2',
        text: 'Check the 2012 follow-up',
        createdAt: '2024-03-01T10:05:00Z',
        reviewerId: 'ann',
      },
    ],
    records: [
      { id: 'a1', fingerprint: 'doi:10.1000/x' },
      { id: 'a2', fingerprint: 'pmid:22646257' },
      { id: 'a3', fingerprint: 'pmid:1' },
    ],
  })
}

function withChange(change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(JSON.stringify(sampleFile())) as Record<string, unknown>
  change(file)
  return JSON.stringify(file)
}

describe('recordFingerprint', () => {
  const record = { ...emptyRecord(), title: 'The Müller–Lyer illusion.', year: 2001 }

  it('prefers the DOI, then the PMID, then title key and year', () => {
    expect(recordFingerprint({ ...record, doi: 'https://doi.org/10.1000/ABC', pmid: '123' })).toBe(
      'doi:10.1000/abc',
    )
    expect(recordFingerprint({ ...record, pmid: 'PMID: 0123' })).toBe('pmid:123')
    expect(recordFingerprint(record)).toBe('title:themullerlyerillusion|2001')
    expect(recordFingerprint({ ...record, year: null })).toBe('title:themullerlyerillusion|')
  })

  it('is empty when there is nothing to match on', () => {
    expect(recordFingerprint(emptyRecord())).toBe('')
  })
})

describe('buildReviewerFile', () => {
  it('lists only the records its events refer to', () => {
    expect(sampleFile().records.map((r) => r.id)).toEqual(['a1', 'a2'])
  })
})

describe('parseReviewerFile', () => {
  it('round-trips a built file', () => {
    const file = sampleFile()
    expect(parseReviewerFile(JSON.stringify(file, null, 2))).toEqual({ ok: true, file })
  })

  it('accepts a byte-order mark and drops unknown fields', () => {
    const text = withChange((file) => {
      file.extra = true
      ;(file.decisions as Record<string, unknown>[])[0]!.colour = 'red'
    })
    const result = parseReviewerFile(`\uFEFF${text}`)
    expect(result).toEqual({ ok: true, file: sampleFile() })
  })

  it.each([
    ['not JSON', 'not json {', /not valid JSON/],
    ['JSON from another app', JSON.stringify({ items: [] }), /not a Sift reviewer file/],
    [
      'another format tag',
      JSON.stringify({ format: 'rayyan-export', version: 1 }),
      /its format is "rayyan-export"/,
    ],
    ['a JSON array', '[]', /not a Sift reviewer file/],
    ['JSON null', 'null', /not a Sift reviewer file/],
  ])('rejects %s', (_label, text, message) => {
    const result = parseReviewerFile(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })

  it('rejects a file from a newer version with a message that says so', () => {
    const result = parseReviewerFile(withChange((file) => (file.version = 2)))
    expect(result).toEqual({
      ok: false,
      error:
        'This reviewer file was written by a newer version of Sift (file version 2; this version reads up to 1). Update Sift to import it.',
    })
  })

  it.each<[string, (file: Record<string, unknown>) => void, string]>([
    ['a bad version', (f) => (f.version = '1'), 'version: expected a whole number, found "1".'],
    ['a missing reviewer', (f) => delete f.reviewer, 'reviewer: expected an object, found undefined.'],
    [
      'an empty reviewer id',
      (f) => ((f.reviewer as Record<string, unknown>).id = ' '),
      'reviewer.id: expected non-empty text',
    ],
    [
      'a bad export time',
      (f) => (f.exportedAt = 'yesterday'),
      'exportedAt: expected an ISO 8601 date and time',
    ],
    ['decisions not a list', (f) => (f.decisions = {}), 'decisions: expected a list, found an object.'],
    ['a non-object row', (f) => (f.decisions = [3]), 'decisions[0]: expected an object, found 3.'],
    [
      'an unknown decision value',
      (f) => ((f.decisions as Record<string, unknown>[])[0]!.value = 'yes'),
      'decisions[0].value: expected one of include, exclude, maybe, found "yes".',
    ],
    [
      'an unknown stage',
      (f) => ((f.resolutions as Record<string, unknown>[])[0]!.stage = 'abstract'),
      'resolutions[0].stage: expected one of title-abstract, full-text',
    ],
    [
      'a note without text',
      (f) => delete (f.notes as Record<string, unknown>[])[0]!.text,
      'notes[0].text: expected text',
    ],
    [
      'an event on an unlisted record',
      (f) => (f.records = [{ id: 'a1', fingerprint: '' }]),
      'notes[0].recordId: "a2" is not listed in records.',
    ],
    [
      'a record listed twice',
      (f) =>
        (f.records = [
          { id: 'a1', fingerprint: '' },
          { id: 'a1', fingerprint: 'x' },
        ]),
      'records[1].id: "a1" is listed twice.',
    ],
  ])('rejects %s, naming the field', (_label, change, message) => {
    const result = parseReviewerFile(withChange(change))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(message)
  })
})

describe('parseReviewerFile on arbitrary input', () => {
  it('never throws, on any text or any JSON value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ ...sampleFile(), decisions: [v] })),
        ),
        (text) => {
          const result = parseReviewerFile(text)
          expect(typeof result.ok).toBe('boolean')
        },
      ),
    )
  })
})

describe('extractions in reviewer files', () => {
  const form: ReviewerFormVersion = {
    formId: 'netlm',
    version: 2,
    definition: {
      id: 'netlm',
      name: 'NETLM',
      version: 2,
      sections: [
        { id: 'study', label: 'Study', fields: [{ id: 'patients', label: 'Patients', type: 'integer' }] },
      ],
    },
  }
  const extraction: ReviewerExtraction = {
    recordId: 'a3',
    reviewerId: 'ann',
    formId: 'netlm',
    formVersion: 2,
    values: { patients: 40 },
    orphaned: {
      'centres@v1': { path: 'centres', label: 'Centres', fieldType: 'integer', formVersion: 1, value: 3 },
    },
    status: 'complete',
    updatedAt: '2024-03-04T09:00:00.000Z',
  }
  const unusedForm: ReviewerFormVersion = {
    ...form,
    version: 1,
    definition: { ...form.definition, version: 1 },
  }

  function fileWithExtraction(): ReviewerFile {
    return buildReviewerFile({
      projectName: 'NETLM',
      reviewer: { id: 'ann', name: 'Ann' },
      exportedAt: '2024-03-05T08:00:00.000Z',
      decisions: [decision],
      extractions: [extraction],
      forms: [unusedForm, form],
      records: [
        { id: 'a1', fingerprint: 'doi:10.1000/x' },
        { id: 'a3', fingerprint: 'pmid:1' },
      ],
    })
  }

  function changed(change: (file: Record<string, unknown>) => void): string {
    const file = JSON.parse(JSON.stringify(fileWithExtraction())) as Record<string, unknown>
    change(file)
    return JSON.stringify(file)
  }

  it('carries the extractions, the form versions they use and their records', () => {
    const file = fileWithExtraction()
    expect(file.extractions).toEqual([extraction])
    expect(file.forms).toEqual([form])
    expect(file.records.map((r) => r.id)).toEqual(['a1', 'a3'])
  })

  it('round-trips a file with extractions', () => {
    const file = fileWithExtraction()
    expect(parseReviewerFile(JSON.stringify(file, null, 2))).toEqual({ ok: true, file })
  })

  it('still reads a version 1 file written before extractions travelled', () => {
    const result = parseReviewerFile(JSON.stringify(sampleFile()))
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.file.extractions).toBeUndefined()
      expect(mapIncomingRecordIds(result.file, []).extractions).toEqual([])
    }
  })

  const extractionRow = (file: Record<string, unknown>) =>
    (file.extractions as Record<string, unknown>[])[0] ?? {}

  it.each<[string, (file: Record<string, unknown>) => void, string]>([
    ['extractions without forms', (f) => delete f.forms, 'forms: expected a list, found undefined.'],
    ['extractions that are not a list', (f) => (f.extractions = {}), 'extractions: expected a list'],
    [
      'an unknown status',
      (f) => (extractionRow(f).status = 'done'),
      'extractions[0].status: expected one of draft, complete, found "done".',
    ],
    [
      'values that are not an object',
      (f) => (extractionRow(f).values = [1]),
      'extractions[0].values: expected an object, found a list.',
    ],
    [
      'a form version below 1',
      (f) => (extractionRow(f).formVersion = 0),
      'extractions[0].formVersion: expected a whole number from 1, found 0.',
    ],
    [
      'a bad update time',
      (f) => (extractionRow(f).updatedAt = 'yesterday'),
      'extractions[0].updatedAt: expected an ISO 8601 date and time',
    ],
    [
      'an orphaned value without a path',
      (f) =>
        delete (extractionRow(f).orphaned as Record<string, Record<string, unknown>>)['centres@v1']!.path,
      'extractions[0].orphaned["centres@v1"].path: expected text, found undefined.',
    ],
    [
      'an extraction whose form version is not in the file',
      (f) => (extractionRow(f).formVersion = 3),
      'extractions[0].formVersion: form "netlm" version 3 is not listed in forms.',
    ],
    [
      'an extraction whose record is not listed',
      (f) => (extractionRow(f).recordId = 'zz'),
      'extractions[0].recordId: "zz" is not listed in records.',
    ],
    [
      'two extractions of one record by one reviewer',
      (f) => (f.extractions = [extraction, extraction]),
      'extractions[1]: record "a3" has a second extraction by "ann".',
    ],
    [
      'a form definition that is not a form',
      (f) => ((f.forms as Record<string, unknown>[])[0]!.definition = { id: 'netlm' }),
      'forms[0].definition:',
    ],
    [
      'a form definition of another version',
      (f) => ((f.forms as Record<string, unknown>[])[0]!.version = 5),
      'forms[0].definition: it is form "netlm" version 2, not "netlm" version 5.',
    ],
    [
      'a form version listed twice',
      (f) => (f.forms = [form, form]),
      'forms[1]: form "netlm" version 2 is listed twice.',
    ],
  ])('rejects %s, naming the field', (_label, change, message) => {
    const result = parseReviewerFile(changed(change))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(message)
  })

  it('never throws on arbitrary extraction rows or forms', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (row, definition) => {
        const text = JSON.stringify({
          ...fileWithExtraction(),
          extractions: [row],
          forms: [{ formId: 'netlm', version: 2, definition }],
        })
        expect(typeof parseReviewerFile(text).ok).toBe('boolean')
      }),
    )
  })

  it('maps extraction record ids by fingerprint like decisions', () => {
    const mapped = mapIncomingRecordIds(fileWithExtraction(), [
      { id: 'l1', fingerprint: 'doi:10.1000/x' },
      { id: 'l3', fingerprint: 'pmid:1' },
    ])
    expect(mapped.extractions).toEqual([{ ...extraction, recordId: 'l3' }])
    expect(mapped.unmatched).toBe(0)
  })

  it('keeps the newer extraction per record and reviewer; equal times keep the local one', () => {
    const later = { ...extraction, updatedAt: '2024-03-06T09:00:00.000Z', values: { patients: 41 } }
    expect(isNewerExtraction(extraction, later)).toBe(true)
    expect(isNewerExtraction(later, extraction)).toBe(false)
    expect(isNewerExtraction(extraction, { ...extraction })).toBe(false)
    expect(isNewerExtraction(undefined, extraction)).toBe(true)
    expect(latestExtractions([extraction, later, { ...extraction, reviewerId: 'bob' }])).toEqual([
      later,
      { ...extraction, reviewerId: 'bob' },
    ])
  })
})
