/**
 * Session-wide rules: no permissions for web features, and no request may leave the machine
 * (Sift is offline by design, RELIABILITY.md S7).
 */
import type { Session } from 'electron'
import { APP_SCHEME, hasTrustedOrigin, originOf } from './app-origin'

/** The only permission the renderer gets: writing to the clipboard ("Copy citation"). */
const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write']

/** True when `permission` may be granted to a page at `requestingUrl`. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  origins: readonly string[],
): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && hasTrustedOrigin(requestingUrl, origins)
}

/** Schemes that never reach the network. */
const LOCAL_SCHEMES: readonly string[] = [
  `${APP_SCHEME}:`,
  'data:',
  'blob:',
  'devtools:',
  'chrome-extension:',
]

/**
 * True when a request for `url` may proceed: a local scheme, or a trusted origin. In development the dev
 * server's origin is trusted, and its WebSocket twin (`ws://` for `http://`) for hot reload.
 */
export function isRequestAllowed(url: string, origins: readonly string[]): boolean {
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    return false
  }
  if (LOCAL_SCHEMES.includes(protocol)) return true
  const origin = originOf(url)
  if (origin === null) return false
  const socketTwins = origins.map((trusted) => trusted.replace(/^http(s?):/, 'ws$1:'))
  return origins.includes(origin) || socketTwins.includes(origin)
}

/** Applies the permission and request rules to `session`; `origins` is read per call. */
export function hardenSession(session: Session, origins: () => readonly string[]): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL(), origins()))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, origins()),
  )
  session.webRequest.onBeforeRequest((details, callback) => {
    const isAllowed = isRequestAllowed(details.url, origins())
    if (!isAllowed) console.warn(`[network] blocked ${details.url.slice(0, 200)}`)
    callback({ cancel: !isAllowed })
  })
}
