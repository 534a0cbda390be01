import { useEffect } from 'react'

import { backupsRepo } from '../db'
import type { Platform } from '../platform/types'

/** How many automatic backups are kept per project, and how often the check runs. */
const keepPerProject = 7
const checkEveryMs = 15 * 60_000

/**
 * Desktop only: backs up changed projects automatically when the app is idle (at most one per project per day,
 * the newest seven kept). The browser has no backups folder, so there the user backs up by hand.
 */
export function useAutomaticBackups(platform: Platform): void {
  useEffect(() => {
    if (platform.mode !== 'desktop') return
    let isStopped = false
    const run = () =>
      requestIdleCallback(() => {
        if (isStopped) return
        void platform
          .getAppInfo()
          .then((info) =>
            backupsRepo.runAutomaticBackups(
              platform.backups,
              { name: info.name, version: info.version },
              keepPerProject,
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
