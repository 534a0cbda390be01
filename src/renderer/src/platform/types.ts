/** A file the user picked or dropped, read into memory. `path` exists only on the desktop. */
export type PickedFile = {
  name: string
  bytes: Uint8Array
  path?: string
}

export type OpenFilesOptions = {
  title: string
  /** Extensions without the dot, e.g. `['ris', 'nbib']`; empty means any file. */
  extensions: string[]
  multiple: boolean
}

export type SaveFileOptions = {
  suggestedName: string
  data: string | Uint8Array
  mimeType: string
}

export type SaveResult = { saved: boolean; path?: string }

export type AppInfo = {
  name: string
  version: string
  /** Where the app runs: inside Electron, or in a plain browser tab. */
  mode: 'desktop' | 'web'
  platform: string
  details: Record<string, string>
}

export type BackupEntry = { name: string; size: number; modifiedAt: string }

export type MenuCommand =
  'new-project' | 'open-project' | 'import-citations' | 'export' | 'backup-project' | 'open-demo-project'

/** Where a project syncs and as whom (no password: it goes to {@link SyncPlatform.connect} once). */
export type SyncAccountInput = { serverUrl: string; database: string; user: string }

/**
 * How sign-in is kept: `encrypted` by the OS keychain in the desktop app's main process, `plain-text` there when
 * the OS offers no keychain (the UI warns), `browser-session` as an HttpOnly session cookie in browser mode.
 */
export type SyncCredentialStorage = 'encrypted' | 'plain-text' | 'browser-session'

/**
 * Team sync's way out of the renderer. Desktop: every request of PouchDB goes over IPC to main, which adds the
 * credentials it keeps and calls the server. Browser: requests go to this page's own origin under `couchdb/`,
 * which the serving process forwards to the team's CouchDB (the browser keeps CouchDB's session cookie).
 * Either way the renderer's CSP stays `connect-src 'self'`.
 */
export type SyncPlatform = {
  /** Browser mode: the server is fixed by the serving process; its description. Null on the desktop. */
  fixedServer: string | null
  /** Signs in once; the password is not kept in the renderer. Rejects with a plain message when refused. */
  connect(account: SyncAccountInput, password: string): Promise<SyncCredentialStorage>
  disconnect(account: SyncAccountInput): Promise<void>
  /** The URL PouchDB's http adapter is given for the account's database. */
  remoteUrl(account: SyncAccountInput): string
  /** The `fetch` PouchDB's http adapter uses. */
  fetch: typeof fetch
}

/**
 * Everything the renderer needs from the machine it runs on. The desktop implementation calls the preload API;
 * the web implementation uses file inputs, drag and drop and downloads. Nothing else in the renderer knows which.
 */
export type Platform = {
  mode: 'desktop' | 'web'
  openFiles(options: OpenFilesOptions): Promise<PickedFile[]>
  saveFile(options: SaveFileOptions): Promise<SaveResult>
  getAppInfo(): Promise<AppInfo>
  openExternal(url: string): Promise<boolean>
  backups: {
    /** Keeps a backup file; returns where it went (a path on the desktop, the download name on the web). */
    write(name: string, data: string): Promise<string>
    list(): Promise<BackupEntry[]>
    read(name: string): Promise<string>
    /** Deletes one kept backup (rotation); the web keeps none, so there it does nothing. */
    remove(name: string): Promise<void>
  }
  sync: SyncPlatform
  /** Native menu commands (desktop); the web has no native menu and never calls back. Returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
