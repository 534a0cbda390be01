/** Where a project's team sync stands, for the Settings ▸ Team sync panel. */
export type SyncStatus = {
  state: 'idle' | 'syncing' | 'up-to-date' | 'offline' | 'error'
  lastSyncAt: string | null
  /** Local events not yet known to be on the server. */
  pending: number
  /** Events the server refused (wrong reviewer, an edit of an existing event), newest last. */
  refused: { id: string; reason: string }[]
  /** What went wrong last, in plain words; null when nothing did. */
  error: string | null
}

type ErrorLike = { status?: unknown; name?: unknown; message?: unknown; reason?: unknown }

/** Says what a PouchDB or network error means for the user, in plain words. */
export function describeSyncError(error: unknown): string {
  const value = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike
  const status = typeof value.status === 'number' ? value.status : undefined
  const detail = [value.reason, value.message].find((text) => typeof text === 'string' && text) as
    string | undefined
  if (status === 401)
    return 'The server did not accept the user name or password. Connect again with the right ones.'
  if (status === 403) return `The server refused this: ${detail ?? 'no permission'}.`
  if (status === 404)
    return 'The database was not found on the server. Check its name, or ask whoever runs the server to create it.'
  if (status !== undefined && status >= 500)
    return `The server had a problem (${status}). Sync will try again.`
  if (status === undefined || status === 0) {
    return 'The server cannot be reached (no network, or the server is down). Your work is kept here and is sent when the connection is back.'
  }
  return `Sync failed: ${detail ?? String(error)}`
}
