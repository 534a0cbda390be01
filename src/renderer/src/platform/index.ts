import type { SiftApi } from '../../../shared/ipc/contract'
import { createDesktopPlatform } from './desktop'
import type { Platform } from './types'
import { createWebPlatform } from './web'

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the DOM's Window needs an interface.
  interface Window {
    /** Present only inside the Electron app, exposed by the preload script. */
    api?: SiftApi
  }
}

/** Desktop when the preload bridge is present, the browser implementation otherwise. */
export function pickPlatform(): Platform {
  return window.api ? createDesktopPlatform(window.api) : createWebPlatform()
}
