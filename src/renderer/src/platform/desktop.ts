import type { SiftApi } from '../../../shared/ipc/contract'
import { createDesktopSync } from './sync-desktop'
import type { Platform } from './types'

/** The Electron implementation: native dialogs, real paths and backups on disk, all through `window.api`. */
export function createDesktopPlatform(api: SiftApi): Platform {
  return {
    mode: 'desktop',
    async openFiles({ title, extensions, multiple }) {
      const filters =
        extensions.length > 0
          ? [
              { name: 'Citation files', extensions },
              { name: 'All files', extensions: ['*'] },
            ]
          : undefined
      const files = await api.openFiles({ title, filters, isMultiple: multiple })
      return files.map(({ name, path, bytes }) => ({ name, path, bytes }))
    },
    saveFile: ({ suggestedName, data }) =>
      api.saveFile({ suggestedName, data: typeof data === 'string' ? data : new Uint8Array(data) }),
    async getAppInfo() {
      const info = await api.getAppInfo()
      return {
        name: info.name,
        version: info.version,
        mode: 'desktop',
        platform: info.platform,
        details: {
          Electron: info.electron,
          Chromium: info.chrome,
          'Node.js': info.node,
          'Data folder': info.userDataPath,
        },
      }
    },
    openExternal: (url) => api.openExternal(url),
    backups: {
      write: (name, data) => api.writeBackup(name, data),
      async list() {
        const entries = await api.listBackups()
        return entries.map(({ name, bytes, modifiedAt }) => ({ name, size: bytes, modifiedAt }))
      },
      read: (name) => api.readBackup(name),
      remove: (name) => api.deleteBackup(name),
    },
    sync: createDesktopSync(api),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  }
}
