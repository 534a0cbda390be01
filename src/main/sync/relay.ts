import type { SyncRelayRequest, SyncRelayResponse } from '../../shared/ipc/contract'
import type { CredentialStore } from './credentials'

/** Longest a relayed request may take; CouchDB's long-poll change feeds answer well within it. */
const requestTimeoutMs = 120_000

/** Request headers passed on from PouchDB; everything else (cookies, authorization, host) is dropped. */
const forwardedHeaders = new Set(['accept', 'content-type'])
/** Response headers passed back. */
const returnedHeaders = ['content-type', 'etag', 'x-couch-request-id']

export class SyncRelayError extends Error {
  override name = 'SyncRelayError'
}

/**
 * The desktop app's path to the sync server: PouchDB in the renderer hands each HTTP request to main, which
 * checks it goes to a database of an account the user connected, adds that account's credentials and sends it.
 * The renderer never holds a password, and its CSP keeps `connect-src 'self'`.
 */
export function createSyncRelay(
  credentials: CredentialStore,
  send: (url: string, init: RequestInit) => Promise<Response> = fetch,
) {
  return async function relay(request: SyncRelayRequest): Promise<SyncRelayResponse> {
    const url = new URL(request.url)
    const accounts = await credentials.accounts()
    const account = accounts.find((candidate) => {
      const base = new URL(candidate.serverUrl)
      const prefix = `${base.pathname.replace(/\/+$/, '')}/${candidate.database}`
      return base.origin === url.origin && (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
    })
    if (!account) {
      throw new SyncRelayError(`No connected team-sync database covers ${url.origin}${url.pathname}.`)
    }
    const password = await credentials.load(account)
    if (password === null)
      throw new SyncRelayError('The password of this sync account is missing: connect again.')
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (forwardedHeaders.has(name.toLowerCase())) headers.set(name, value)
    }
    headers.set('authorization', `Basic ${Buffer.from(`${account.user}:${password}`).toString('base64')}`)
    const response = await send(url.toString(), {
      method: request.method,
      headers,
      body: request.body ?? undefined,
      redirect: 'error',
      signal: AbortSignal.timeout(requestTimeoutMs),
    })
    const back: Record<string, string> = {}
    for (const name of returnedHeaders) {
      const value = response.headers.get(name)
      if (value !== null) back[name] = value
    }
    return { status: response.status, headers: back, body: new Uint8Array(await response.arrayBuffer()) }
  }
}
