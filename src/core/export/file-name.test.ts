import { describe, expect, it } from 'vitest'

import { safeFileName } from './file-name'

describe('safeFileName', () => {
  it('keeps letters and digits of any script and joins the rest with single dashes', () => {
    expect(safeFileName('  NETLM: Müller / 王 (2026)!', 'x')).toBe('NETLM-Müller-王-2026')
    expect(safeFileName('///', 'project')).toBe('project')
  })
})
