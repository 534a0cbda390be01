import type { SyncPlatform } from './types'

/** The same-origin path the serving process forwards to the team's CouchDB (see README "Team sync"). */
const proxyPath = 'couchdb'

function proxyUrl(path: string): string {
  return new URL(`${proxyPath}/${path}`, document.baseURI).toString()
}

async function failure(response: Response): Promise<Error> {
  if (response.status === 401) return new Error('The server did not accept this user name and password.')
  if (response.status === 404 || response.status === 502 || response.status === 504) {
    return new Error(
      "No sync server answers behind this page. Start Sift's web server with SIFT_SYNC_SERVER set to your CouchDB address.",
    )
  }
  return new Error(`The sync server answered ${response.status}: ${await response.text()}`)
}

/**
 * Browser-mode team sync. There is no main process to hold a password, and the CSP allows only this origin, so
 * the page signs in to CouchDB through the serving process's `couchdb/` path: CouchDB answers with an HttpOnly
 * session cookie that the browser keeps and scripts cannot read; the password itself is not stored.
 */
export function createWebSync(): SyncPlatform {
  return {
    fixedServer: `this page's server, at ${proxyUrl('')}`,
    async connect(account, password) {
      const response = await fetch(proxyUrl('_session'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: account.user, password }),
        credentials: 'same-origin',
      })
      if (!response.ok) throw await failure(response)
      return 'browser-session'
    },
    async disconnect() {
      await fetch(proxyUrl('_session'), { method: 'DELETE', credentials: 'same-origin' }).catch(
        () => undefined,
      )
    },
    remoteUrl: (account) => proxyUrl(account.database),
    fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
  }
}
