import type { SiftApi } from '../../../shared/ipc/contract'
import type { SyncPlatform } from './types'

const bodyless = new Set(['GET', 'HEAD'])
type RelayMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE'

/**
 * A `fetch` for PouchDB that sends each request over IPC to the main process (`sync:relay-request`), which adds
 * the credentials and calls the server. A failure in main (network down, server gone) rejects like a dropped
 * connection, which PouchDB's replication retries.
 */
export function relayFetch(api: Pick<SiftApi, 'relaySyncRequest'>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const method = request.method.toUpperCase() as RelayMethod
    const body = bodyless.has(method) ? null : new Uint8Array(await request.arrayBuffer())
    const headers: Record<string, string> = {}
    request.headers.forEach((value, name) => {
      headers[name] = value
    })
    const answer = await api.relaySyncRequest({ url: request.url, method, headers, body })
    const hasBody = answer.status !== 204 && answer.status !== 304 && method !== 'HEAD'
    return new Response(hasBody ? new Uint8Array(answer.body) : null, {
      status: answer.status,
      headers: answer.headers,
    })
  }
}

const trimmed = (url: string): string => url.replace(/\/+$/, '')

/** Desktop team sync: the password goes to main once (kept with the OS keychain); requests are relayed. */
export function createDesktopSync(api: SiftApi): SyncPlatform {
  return {
    fixedServer: null,
    connect: (account, password) =>
      api.saveSyncAccount({ ...account, serverUrl: trimmed(account.serverUrl) }, password),
    disconnect: (account) => api.forgetSyncAccount({ ...account, serverUrl: trimmed(account.serverUrl) }),
    remoteUrl: (account) => `${trimmed(account.serverUrl)}/${account.database}`,
    fetch: relayFetch(api),
  }
}
