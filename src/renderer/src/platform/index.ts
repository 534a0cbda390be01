import type { Platform } from './types'
import { createWebPlatform } from './web'

/** Desktop when the preload bridge is present, the browser implementation otherwise. */
export function pickPlatform(): Platform {
  return createWebPlatform()
}
