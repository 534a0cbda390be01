/**
 * The `app://sift` protocol that serves the built renderer (`out/renderer`).
 *
 * Why a custom scheme instead of `file://`: a stable, secure origin for IndexedDB (see app-origin.ts for why
 * it is pinned), real CSP headers, and no access to the rest of the file system.
 */
import { protocol } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { APP_HOST, APP_SCHEME } from './app-origin'

/**
 * Declares `app:` as a standard, secure scheme. Electron requires this BEFORE the `ready` event.
 * `standard` gives it real origins and relative URL resolution; `secure` makes it a secure context, which
 * IndexedDB, Web Crypto and service workers need; `supportFetchAPI` lets the renderer fetch its own assets
 * (taxonomies, templates). Nothing more is granted: no CORS, no CSP bypass.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Content types by extension; anything else is served as bytes, and `nosniff` stops guessing. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ris': 'text/plain; charset=utf-8',
}

/** The Content-Type for a served file path. */
export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Where a request goes: a file under the root, or a refusal with its HTTP status. */
export type AppPathResolution =
  { kind: 'file'; path: string; isSpaFallback: boolean } | { kind: 'refused'; status: 400 | 404 }

/**
 * Maps an `app://sift/...` URL to a file under `root`, refusing anything that could leave it: another
 * host, undecodable escapes, NUL bytes, backslashes and `..` segments (raw or percent-encoded). Paths
 * without an extension fall back to `index.html`, so a reload on a client-side route still loads the app.
 */
export function resolveAppPath(root: string, requestUrl: string): AppPathResolution {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { kind: 'refused', status: 400 }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'refused', status: 404 }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { kind: 'refused', status: 400 }
  }
  if (/[\0\\]/.test(pathname) || pathname.split('/').includes('..')) return { kind: 'refused', status: 400 }
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const rootWithSep = normalize(root.endsWith(sep) ? root : root + sep)
  const path = normalize(join(rootWithSep, relative))
  if (!path.startsWith(rootWithSep)) return { kind: 'refused', status: 400 }
  const isSpaFallback = extname(path) === ''
  return { kind: 'file', path: isSpaFallback ? join(rootWithSep, 'index.html') : path, isSpaFallback }
}

/** Headers on every response: the strict CSP (S2), no MIME sniffing, no framing, no referrer. */
export function responseHeaders(path: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(path),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  }
}

/** Serves one request from `root`; GET and HEAD only. */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
  const target = resolveAppPath(root, request.url)
  if (target.kind === 'refused') return new Response(null, { status: target.status })
  try {
    const info = await stat(target.path)
    if (!info.isFile()) return new Response(null, { status: 404 })
    const body = request.method === 'HEAD' ? null : await readFile(target.path)
    return new Response(body, { status: 200, headers: responseHeaders(target.path) })
  } catch {
    return new Response(null, { status: 404 })
  }
}

/** Routes `app://` requests to `root` (the built renderer). Call once the app is ready. */
export function registerAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request))
}
