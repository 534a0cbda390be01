import { readFile } from 'node:fs/promises'

import type { CredentialStorage, SyncAccount } from '../../shared/ipc/contract'
import { writeFileAtomic } from '../atomic-write'

/**
 * Where team-sync passwords live: only in the main process, never sent to the renderer. One interface, so the
 * storage can change (OS keychain, a test double) without touching the relay.
 */
export type CredentialStore = {
  /** How passwords are kept on this machine; `plain-text` makes the UI warn. */
  storage(): CredentialStorage
  save(account: SyncAccount, password: string): Promise<void>
  /** The password for the account's server and user, or null when none is kept. */
  load(account: Pick<SyncAccount, 'serverUrl' | 'user'>): Promise<string | null>
  remove(account: Pick<SyncAccount, 'serverUrl' | 'user'>): Promise<void>
  /** Every account with a kept password (the relay only serves these). */
  accounts(): Promise<SyncAccount[]>
}

/** The part of Electron's `safeStorage` used here (passed in, so tests need no Electron). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(data: Buffer): string
  /** Linux only: `basic_text` means "encrypted" with a hard-coded key, i.e. plain text in effect. */
  getSelectedStorageBackend?: () => string
}

type Entry = SyncAccount & { secret: string; isEncrypted: boolean }

const keyOf = (account: Pick<SyncAccount, 'serverUrl' | 'user'>): string =>
  JSON.stringify([account.serverUrl.replace(/\/+$/, ''), account.user])

/**
 * A credential store in one JSON file (mode 0600) in the app's data folder. Passwords are encrypted with
 * `safeStorage` (Keychain, DPAPI, libsecret/kwallet) when the OS offers it; otherwise they are kept as plain text
 * and {@link CredentialStore.storage} says so, so the user is warned before connecting.
 */
export function createFileCredentialStore(path: string, safeStorage: SafeStorageLike): CredentialStore {
  const isEncrypted = (): boolean =>
    safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text'

  async function readAll(): Promise<Record<string, Entry>> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as Record<string, Entry>
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw error
    }
  }
  const writeAll = (entries: Record<string, Entry>) =>
    writeFileAtomic(path, JSON.stringify(entries), { mode: 0o600 })

  return {
    storage: () => (isEncrypted() ? 'encrypted' : 'plain-text'),
    async save(account, password) {
      const entries = await readAll()
      const encrypted = isEncrypted()
      const secret = encrypted ? safeStorage.encryptString(password).toString('base64') : password
      entries[keyOf(account)] = { ...account, secret, isEncrypted: encrypted }
      await writeAll(entries)
    },
    async load(account) {
      const entry = (await readAll())[keyOf(account)]
      if (!entry) return null
      return entry.isEncrypted ? safeStorage.decryptString(Buffer.from(entry.secret, 'base64')) : entry.secret
    },
    async remove(account) {
      const entries = await readAll()
      delete entries[keyOf(account)]
      await writeAll(entries)
    },
    async accounts() {
      return Object.values(await readAll()).map(({ serverUrl, database, user }) => ({
        serverUrl,
        database,
        user,
      }))
    },
  }
}
