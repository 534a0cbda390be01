/**
 * Where the renderer lives, and which origins the main process trusts.
 *
 * The production origin is PINNED to `app://sift` forever. IndexedDB (every project, record and decision)
 * is keyed by origin: serving the renderer from any other origin — another scheme, host or port, or
 * `file://` — would make the database look empty and strand the user's data. Never change these constants.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'sift'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The page the window loads in production. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * `scheme://host[:port]` of `url`, or null when it does not parse or carries user info.
 *
 * Needed because Node's `URL#origin` is the string "null" for non-special schemes such as `app:`.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/**
 * The dev server URL electron-vite passes in `ELECTRON_RENDERER_URL`, honoured only in an unpackaged app
 * so a packaged build can never be pointed at another page through the environment.
 */
export function devRendererUrl(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env['ELECTRON_RENDERER_URL']
  if (isPackaged || url === undefined || url === '') return null
  return originOf(url) === null ? null : url
}

/** Origins whose main frame may call IPC and navigate within the app: `app://sift`, plus the dev server. */
export function trustedOrigins(devUrl: string | null): string[] {
  const dev = devUrl === null ? null : originOf(devUrl)
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, dev]
}

/** True when `url` parses and its origin is one of `origins`. */
export function hasTrustedOrigin(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && origins.includes(origin)
}
