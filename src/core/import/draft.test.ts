import { describe, expect, it } from 'vitest'
import { mapColumns } from './csv-columns'
import { targetOf } from './draft'
import { parseCsv } from './formats/csv'

describe('tag and column maps', () => {
  it('know only their own keys, not the object prototype', () => {
    expect(targetOf({ TI: 'title' }, 'TI')).toBe('title')
    expect(targetOf({ TI: 'title' }, 'constructor')).toBeUndefined()
    expect(targetOf({ TI: 'title' }, '__proto__')).toBeUndefined()
    expect(mapColumns(['Title', 'constructor', '__proto__', 'toString'])).toEqual(['title', null, null, null])
  })

  it('keep the cells of columns named like prototype members verbatim', () => {
    const { records } = parseCsv('title,year,constructor,__proto__\nA paper,2020,x,y\n')
    expect(records[0]?.title).toBe('A paper')
    expect(records[0]?.raw).toEqual([
      { tag: 'constructor', value: 'x' },
      { tag: '__proto__', value: 'y' },
    ])
  })
})
