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
  /** Native menu commands (desktop); the web has no native menu and never calls back. Returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
