import { app } from 'electron'
import { devRendererUrl, trustedOrigins } from './app-origin'

/** The dev server URL for this run, or null in production and in a packaged app. */
export function currentDevRendererUrl(): string | null {
  return devRendererUrl(app.isPackaged)
}

/** Origins trusted in this run; read at call time so tests can flip `app.isPackaged` and the environment. */
export function currentTrustedOrigins(): string[] {
  return trustedOrigins(currentDevRendererUrl())
}
