import { readFiles } from './files'
import type { Platform } from './types'
import { createWebSync } from './sync-web'

function pickWithInput(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.style.display = 'none'
    const finish = (files: File[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => finish([...(input.files ?? [])]))
    input.addEventListener('cancel', () => finish([]))
    document.body.append(input)
    input.click()
  })
}

function download(name: string, data: string | Uint8Array, mimeType: string): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data)
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke later: Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The browser implementation: file inputs, Blob downloads, no native menu. */
export function createWebPlatform(): Platform {
  return {
    mode: 'web',
    async openFiles({ extensions, multiple }) {
      const accept = extensions.map((extension) => `.${extension}`).join(',')
      return readFiles(await pickWithInput(accept, multiple))
    },
    saveFile({ suggestedName, data, mimeType }) {
      download(suggestedName, data, mimeType)
      return Promise.resolve({ saved: true })
    },
    getAppInfo() {
      return Promise.resolve({
        name: 'Sift',
        version: __APP_VERSION__,
        mode: 'web',
        platform: navigator.platform,
        details: { Browser: navigator.userAgent },
      })
    },
    openExternal(url) {
      window.open(url, '_blank', 'noopener,noreferrer')
      return Promise.resolve(true)
    },
    backups: {
      write(name, data) {
        download(name, data, 'application/json')
        return Promise.resolve(name)
      },
      // A browser cannot list the downloads folder; backups are restored by picking the file.
      list: () => Promise.resolve([]),
      async read() {
        const [file] = await pickWithInput('.json,.sift-backup', false)
        if (!file) throw new Error('No backup file was chosen.')
        return file.text()
      },
      remove: () => Promise.resolve(),
    },
    sync: createWebSync(),
    onMenuCommand: () => () => undefined,
  }
}
