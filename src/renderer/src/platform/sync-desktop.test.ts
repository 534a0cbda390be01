import { describe, expect, it } from 'vitest'

import type { SyncRelayRequest, SyncRelayResponse } from '../../../shared/ipc/contract'
import { relayFetch } from './sync-desktop'

describe('relayFetch (desktop team sync)', () => {
  it('hands PouchDB requests to main and turns the answer back into a Response', async () => {
    const seen: SyncRelayRequest[] = []
    const api = {
      relaySyncRequest: (request: SyncRelayRequest): Promise<SyncRelayResponse> => {
        seen.push(request)
        return Promise.resolve({
          status: 201,
          headers: { 'content-type': 'application/json' },
          body: new TextEncoder().encode('[{"ok":true}]'),
        })
      },
    }
    const response = await relayFetch(api)('https://couch.example.org/netlm/_bulk_docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"docs":[]}',
    })
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual([{ ok: true }])
    expect(seen[0]?.url).toBe('https://couch.example.org/netlm/_bulk_docs')
    expect(seen[0]?.method).toBe('POST')
    expect(seen[0]?.headers['content-type']).toBe('application/json')
    expect(new TextDecoder().decode(seen[0]?.body as Uint8Array)).toBe('{"docs":[]}')
  })

  it('fails like a dropped connection when main cannot reach the server, so replication retries', async () => {
    const api = { relaySyncRequest: () => Promise.reject(new Error('fetch failed')) }
    await expect(relayFetch(api)('https://couch.example.org/netlm/', { method: 'GET' })).rejects.toThrow(
      'fetch failed',
    )
  })
})
