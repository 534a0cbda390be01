import { describe, expect, it } from 'vitest'
import { decodeBytes, sniffBinary } from './encoding'
import { hashBytes } from './hash'
import { parseFile } from './import-file'
import { encodeUtf16 } from './__fixtures__/encode'

const sample = 'TY  - JOUR\nTI  - Müller’s café – naïve €\nAU  - Ødegård, Siri\nER  - \n'

/** Windows-1252 bytes for the characters the sample uses (latin-1 plus the cp1252-only ’ – €). */
function encodeCp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '’': 0x92, '–': 0x96, '€': 0x80 }
  return Uint8Array.from([...text].map((char) => extra[char] ?? char.charCodeAt(0)))
}

describe('decodeBytes (P3)', () => {
  it('UTF-8 without BOM', () => {
    expect(decodeBytes(new TextEncoder().encode(sample))).toEqual({
      text: sample,
      encoding: 'utf-8',
      warnings: [],
    })
  })
  it('UTF-8 with BOM drops the BOM', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]))
    expect(decoded.text).toBe(sample)
  })
  it('UTF-16LE and BE with BOM', () => {
    expect(decodeBytes(encodeUtf16(sample, true))).toMatchObject({ text: sample, encoding: 'utf-16le' })
    expect(decodeBytes(encodeUtf16(sample, false))).toMatchObject({ text: sample, encoding: 'utf-16be' })
  })
  it('UTF-16 without BOM is recognised by its NUL bytes, with a warning', () => {
    const decoded = decodeBytes(encodeUtf16(sample, true, false))
    expect(decoded).toMatchObject({ text: sample, encoding: 'utf-16le' })
    expect(decoded.warnings).toHaveLength(1)
    expect(decodeBytes(encodeUtf16(sample, false, false))).toMatchObject({
      text: sample,
      encoding: 'utf-16be',
    })
  })
  it('cp1252 and latin-1 bytes decode correctly and say so', () => {
    const decoded = decodeBytes(encodeCp1252(sample))
    expect(decoded.text).toBe(sample)
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.warnings[0]).toMatch(/Windows-1252/)
    const latin1 = Uint8Array.from([...'Zoë Müller'].map((char) => char.charCodeAt(0)))
    expect(decodeBytes(latin1).text).toBe('Zoë Müller')
  })
  it('parseFile reports the encoding and the names survive', () => {
    const parsed = parseFile(encodeCp1252(sample), 'x.ris')
    expect(parsed.encoding).toBe('windows-1252')
    expect(parsed.records[0]?.authors[0]).toEqual({ family: 'Ødegård', given: 'Siri' })
    expect(parsed.warnings[0]?.line).toBe(0)
  })
})

describe('sniffBinary (P6)', () => {
  const cases: readonly [string, number[]][] = [
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14]],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0]],
    ['GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
    ['gzip', [0x1f, 0x8b, 0x08]],
  ]
  for (const [name, bytes] of cases) {
    it(`rejects a ${name} renamed .ris with a clear message`, () => {
      const parsed = parseFile(
        new Uint8Array([...bytes, ...new TextEncoder().encode('TY  - JOUR\n')]),
        'refs.ris',
      )
      expect(parsed.error).toMatch(/not a citation export/)
      expect(parsed.records).toEqual([])
    })
  }
  it('accepts text, UTF-16 text and rejects NUL-laden binary', () => {
    expect(sniffBinary(new TextEncoder().encode(sample))).toBeNull()
    expect(sniffBinary(encodeUtf16(sample, true, false))).toBeNull()
    expect(sniffBinary(new Uint8Array([1, 2, 3, 0, 0, 0, 7, 200, 0, 5]))).toMatch(/binary/)
  })
})

describe('hashBytes (P8)', () => {
  it('is FNV-1a 64', () => {
    expect(hashBytes(new Uint8Array())).toBe('cbf29ce484222325')
    expect(hashBytes(new TextEncoder().encode('a'))).toBe('af63dc4c8601ec8c')
    expect(hashBytes(new TextEncoder().encode('foobar'))).toBe('85944171f73967e8')
  })
  it('the same file gives the same hash, a changed byte another', () => {
    const bytes = new TextEncoder().encode(sample)
    const changed = bytes.slice()
    changed[5] = 0x41
    expect(parseFile(bytes, 'a.ris').hash).toBe(parseFile(bytes.slice(), 'b.ris').hash)
    expect(hashBytes(changed)).not.toBe(hashBytes(bytes))
  })
})
