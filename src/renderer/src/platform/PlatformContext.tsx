import { createContext, useContext, type ReactNode } from 'react'

import type { Platform } from './types'

const PlatformContext = createContext<Platform | null>(null)

export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>
}

/** The platform seam: files, dialogs, backups and app info, whether the app runs in Electron or a browser. */
export function usePlatform(): Platform {
  const platform = useContext(PlatformContext)
  if (!platform) throw new Error('usePlatform needs a PlatformProvider above it.')
  return platform
}
