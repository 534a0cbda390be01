import { describe, expect, it } from 'vitest'

import { autoBackupName, autoBackupPrefix, backupsToPrune, isBackupDue } from './schedule'

const now = new Date('2026-11-27T12:00:00.000Z')

describe('automatic backup schedule', () => {
  it('backs up a project never backed up, and one changed since a backup older than the interval', () => {
    expect(isBackupDue(null, '2026-11-27T11:00:00.000Z', now)).toBe(true)
    expect(isBackupDue('2026-11-26T11:00:00.000Z', '2026-11-27T10:00:00.000Z', now)).toBe(true)
  })

  it('makes at most one per interval, and none when nothing changed', () => {
    expect(isBackupDue('2026-11-27T09:00:00.000Z', '2026-11-27T10:00:00.000Z', now)).toBe(false)
    expect(isBackupDue('2026-11-20T09:00:00.000Z', '2026-11-19T10:00:00.000Z', now)).toBe(false)
  })

  it('keeps the newest N of one project and never touches other files', () => {
    const prefix = autoBackupPrefix('pr_1')
    const files = [0, 1, 2, 3].map((day) => ({
      name: autoBackupName('pr_1', new Date(Date.UTC(2026, 10, 20 + day))),
      modifiedAt: new Date(Date.UTC(2026, 10, 20 + day)).toISOString(),
    }))
    const others = [
      { name: 'auto-pr_2-x.sift-backup', modifiedAt: '2020-01-01T00:00:00.000Z' },
      { name: 'manual.json', modifiedAt: '2020-01-01' },
    ]
    expect(backupsToPrune([...files, ...others], prefix, 2)).toEqual([files[1]?.name, files[0]?.name])
    expect(autoBackupName('pr_1', now)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  })
})
