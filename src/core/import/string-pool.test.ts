import { describe, expect, it } from 'vitest'
import { parseRis } from './formats/ris'
import { StringPool } from './string-pool'

describe('StringPool', () => {
  it('shares one string per short value', () => {
    const pool = new StringPool()
    const first = pool.intern(['Eng', 'lish'].join(''))
    expect(pool.intern(['Engl', 'ish'].join(''))).toBe(first)
    const long = 'x'.repeat(65)
    expect(pool.intern(long)).toBe(long)
  })

  it('shares one frozen verbatim field per tag and short value, and never a long one', () => {
    const pool = new StringPool()
    const first = pool.field({ tag: 'PT', value: 'J' })
    const again = pool.field({ tag: 'PT', value: 'J' })
    expect(again).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(pool.field({ tag: 'NR', value: 'J' })).not.toBe(first)
    const long = { tag: 'AB', value: 'y'.repeat(65) }
    expect(pool.field(long)).toBe(long)
    expect(Object.isFrozen(long)).toBe(false)
  })

  it('stops pooling new fields once full, still returning each field', () => {
    const pool = new StringPool()
    for (let i = 0; i < 8192; i++) pool.field({ tag: 'UT', value: String(i) })
    const late = { tag: 'UT', value: 'late' }
    expect(pool.field(late)).toBe(late)
    expect(pool.field({ tag: 'UT', value: 'late' })).not.toBe(late)
  })
})

describe('records of one parse', () => {
  const ris =
    'TY  - JOUR\nTI  - One\nN1  - Export Date: 1 May 2024\nER  - \nTY  - JOUR\nTI  - Two\nN1  - Export Date: 1 May 2024\nER  - \n'

  it('share repeated verbatim fields and empty lists, frozen so no record can change another', () => {
    const [one, two] = parseRis(ris).records
    expect(one?.raw[1]).toBe(two?.raw[1])
    expect(one?.raw[1]).toEqual({ tag: 'N1', value: 'Export Date: 1 May 2024' })
    expect(one?.mesh).toBe(two?.mesh)
    expect(() => one?.mesh.push('Humans')).toThrow(TypeError)
    expect(two?.mesh).toEqual([])
  })
})

describe('authors of one parse', () => {
  it('parse each distinct name once into one shared frozen author', () => {
    const pool = new StringPool()
    const first = pool.author('Smith,  John')
    expect(first).toEqual({ family: 'Smith', given: 'John' })
    expect(pool.author('Smith,  John')).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(pool.author(' ; ')).toBeNull()
    expect(pool.author(' ; ')).toBeNull()
  })
})

describe('verbatim fields whose values never repeat', () => {
  it('stop being pooled after a trial, while repeating tags still are', () => {
    const pool = new StringPool()
    for (let i = 0; i < 300; i++) {
      pool.field({ tag: 'UT', value: `WOS:${i}` })
      pool.field({ tag: 'PT', value: 'J' })
    }
    const unique = { tag: 'UT', value: 'WOS:0' }
    expect(pool.field(unique)).toBe(unique)
    expect(pool.field({ tag: 'PT', value: 'J' })).toEqual({ tag: 'PT', value: 'J' })
    expect(Object.isFrozen(pool.field({ tag: 'PT', value: 'J' }))).toBe(true)
  })
})
