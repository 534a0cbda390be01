import { useEffect } from 'react'

import { backupsRepo } from '../db'
import type { Platform } from '../platform/types'

/** How often the check runs; how many backups are kept is a setting (Settings ▸ Backup). */
const checkEveryMs = 15 * 60_000

/**
 * Desktop only: backs up changed projects automatically when the app is idle (at most one per project per day,
 * the newest N kept, N set in Settings ▸ Backup). The browser has no backups folder, so there the user backs up by hand.
 */
export function useAutomaticBackups(platform: Platform): void {
  useEffect(() => {
    if (platform.mode !== 'desktop') return
    let isStopped = false
    const run = () =>
      requestIdleCallback(() => {
        if (isStopped) return
        void Promise.all([platform.getAppInfo(), backupsRepo.keptCount()])
          .then(([info, keep]) =>
            backupsRepo.runAutomaticBackups(
              platform.backups,
              { name: info.name, version: info.version },
              keep,
            ),
          )
          .catch((error: unknown) => console.warn('Automatic backup failed:', error))
      })
    const first = setTimeout(run, 60_000)
    const timer = setInterval(run, checkEveryMs)
    return () => {
      isStopped = true
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [platform])
}
