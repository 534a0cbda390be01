import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createFileCredentialStore, type SafeStorageLike } from './credentials'
import { createSyncRelay } from './relay'

const account = { serverUrl: 'https://couch.example.org/', database: 'netlm', user: 'anna' }

/** A stand-in for Electron's safeStorage: reversible, and visibly not the plain password. */
const keychain = (isAvailable = true, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => isAvailable,
  encryptString: (text) => Buffer.from([...text].reverse().join(''), 'utf8'),
  decryptString: (data) => [...data.toString('utf8')].reverse().join(''),
  getSelectedStorageBackend: () => backend,
})

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sift-sync-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('credential store', () => {
  it('keeps passwords encrypted when the OS offers it, and says when it cannot', async () => {
    const path = join(folder, 'credentials.json')
    const store = createFileCredentialStore(path, keychain())
    await store.save(account, 'secret-pw')
    expect(store.storage()).toBe('encrypted')
    expect(await readFile(path, 'utf8')).not.toContain('secret-pw')
    expect(await store.load(account)).toBe('secret-pw')
    expect(createFileCredentialStore(path, keychain(true, 'basic_text')).storage()).toBe('plain-text')
    expect(createFileCredentialStore(path, keychain(false)).storage()).toBe('plain-text')
    await store.remove(account)
    expect(await store.load(account)).toBeNull()
  })
})

describe('sync relay', () => {
  async function relayWith(seen: { url: string; init: RequestInit }[]) {
    const store = createFileCredentialStore(join(folder, 'credentials.json'), keychain())
    await store.save(account, 'secret-pw')
    return createSyncRelay(store, (url, init) => {
      seen.push({ url, init })
      return Promise.resolve(
        new Response('{"ok":true}', {
          status: 201,
          headers: { 'content-type': 'application/json', 'set-cookie': 'x=1' },
        }),
      )
    })
  }

  it('adds the credentials in main and passes on only harmless headers', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const relay = await relayWith(seen)
    const response = await relay({
      url: 'https://couch.example.org/netlm/_bulk_docs',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic forged', cookie: 'AuthSession=x' },
      body: '{"docs":[]}',
    })
    expect(response.status).toBe(201)
    expect(response.headers).toEqual({ 'content-type': 'application/json' })
    expect(new TextDecoder().decode(response.body)).toBe('{"ok":true}')
    const headers = new Headers(seen[0]?.init.headers)
    expect(headers.get('authorization')).toBe(`Basic ${Buffer.from('anna:secret-pw').toString('base64')}`)
    expect(headers.get('cookie')).toBeNull()
  })

  it('refuses requests outside a connected database', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const relay = await relayWith(seen)
    const ask = (url: string) => relay({ url, method: 'GET', headers: {}, body: null })
    await expect(ask('https://couch.example.org/_users/org.couchdb.user:anna')).rejects.toThrow(
      /No connected/,
    )
    await expect(ask('https://couch.example.org/netlm-other/_all_docs')).rejects.toThrow(/No connected/)
    await expect(ask('https://evil.example.com/netlm/')).rejects.toThrow(/No connected/)
    expect(seen).toHaveLength(0)
  })
})
