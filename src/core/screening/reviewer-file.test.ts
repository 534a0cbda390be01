import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyRecord } from '../records/record'
import type { ReviewerFile } from './reviewer-file'
import { buildReviewerFile, parseReviewerFile, recordFingerprint } from './reviewer-file'
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
