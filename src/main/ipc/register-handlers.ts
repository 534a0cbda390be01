/** Wires every channel of the IPC contract to its implementation, all through {@link handle}. */
import { app, net, safeStorage } from 'electron'
import { join } from 'node:path'
import type { AppInfo } from '../../shared/ipc/contract'
import { createBackupStore } from '../backups'
import { openExternalIfAllowed } from '../external-links'
import { createFileHandlers, PickedPaths } from '../files'
import { createFileCredentialStore } from '../sync/credentials'
import { createSyncRelay } from '../sync/relay'
import { handle } from './handle'

/** Registers all request handlers; call once, after `app` is ready and before the first window loads. */
export function registerIpcHandlers(): void {
  const files = createFileHandlers(new PickedPaths())
  handle('dialog:open-files', files.openFiles)
  handle('dialog:save-file', files.saveFile)
  handle('file:read', files.readFile)
  handle('file:write', files.writeFile)

  const backups = createBackupStore(join(app.getPath('userData'), 'backups'))
  handle('backup:write', (_context, name, data) => backups.write(name, data))
  handle('backup:list', () => backups.list())
  handle('backup:read', (_context, name) => backups.read(name))
  handle('backup:delete', (_context, name) => backups.remove(name))

  // Team sync: passwords stay here; the renderer's PouchDB sends its HTTP requests through the relay.
  const credentials = createFileCredentialStore(
    join(app.getPath('userData'), 'sync-credentials.json'),
    safeStorage,
  )
  const relay = createSyncRelay(credentials, (url, init) => net.fetch(url, init))
  handle('sync:save-account', async (_context, account, password) => {
    await credentials.save(account, password)
    return credentials.storage()
  })
  handle('sync:forget-account', (_context, account) => credentials.remove(account))
  handle('sync:relay-request', (_context, request) => relay(request))

  handle('app:get-info', () => getAppInfo())
  handle('shell:open-external', (_context, url) => openExternalIfAllowed(url))
}

/** Name, versions and locations of the running app. */
export function getAppInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    userDataPath: app.getPath('userData'),
    isPackaged: app.isPackaged,
  }
}
