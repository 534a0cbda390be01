/**
 * Navigation rules for every web contents (RELIABILITY.md S3), as pure functions over minimal event shapes
 * so they are unit-tested with fake events. `window.ts` attaches them to real windows.
 *
 * The renderer is a single page: it never needs to leave its own origin, open windows or embed webviews.
 */
import { isAllowedExternalUrl } from '../shared/ipc/open-external-policy'
import { hasTrustedOrigin } from './app-origin'

/** The part of an Electron event the guards use. */
export type PreventableEvent = { preventDefault: () => void }

/** Opens a URL in the system browser after re-checking the policy; injected so tests need no Electron. */
export type OpenExternal = (url: string) => unknown

/**
 * `will-navigate` / `will-redirect`: allowed only within a trusted origin. Anything else (remote pages,
 * `javascript:`, `file://`, a file dropped on the window) is prevented; when the target is an allow-listed
 * https link (a DOI, PubMed), it goes to the system browser instead. Returns whether it was prevented.
 */
export function guardNavigation(
  event: PreventableEvent,
  url: string,
  origins: readonly string[],
  openExternal?: OpenExternal,
): boolean {
  if (hasTrustedOrigin(url, origins)) return false
  event.preventDefault()
  if (openExternal !== undefined && isAllowedExternalUrl(url)) openExternal(url)
  return true
}

/** `will-attach-webview`: always prevented; the app never uses `<webview>` (and disables the tag). */
export function guardWebview(event: PreventableEvent): true {
  event.preventDefault()
  return true
}

/** What `setWindowOpenHandler` must return. */
export type WindowOpenDecision = { action: 'deny' }

/**
 * `window.open` and `target="_blank"` links: a new Electron window is never created. Allow-listed https
 * links are routed to the system browser; everything else is dropped.
 */
export function decideWindowOpen(url: string, openExternal: OpenExternal): WindowOpenDecision {
  if (isAllowedExternalUrl(url)) openExternal(url)
  return { action: 'deny' }
}
