import { beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Listener>()
  const windows = new Map<unknown, { id: number }>()
  return {
    handlers,
    windows,
    app: { isPackaged: true },
    ipcMain: { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) },
    BrowserWindow: { fromWebContents: (contents: unknown) => windows.get(contents) ?? null },
  }
})
vi.mock('electron', () => electron)

const { handle, senderRejection } = await import('./handle')

type FakeFrame = { url: string; parent: FakeFrame | null; processId: number; routingId: number }

/** An invoke event from the main frame of one of our windows, showing `url`. */
function eventFrom(url: string, options: { isOurWindow?: boolean; isSubframe?: boolean } = {}) {
  const mainFrame: FakeFrame = { url, parent: null, processId: 7, routingId: 1 }
  const senderFrame: FakeFrame =
    options.isSubframe === true ? { url, parent: mainFrame, processId: 7, routingId: 2 } : mainFrame
  const sender = { mainFrame }
  if (options.isOurWindow !== false) electron.windows.set(sender, { id: 1 })
  return { sender, senderFrame }
}

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const listener = electron.handlers.get(channel)
  if (listener === undefined) throw new Error(`no handler for ${channel}`)
  return listener(event, ...args)
}

describe('handle (S5)', () => {
  beforeEach(() => {
    electron.handlers.clear()
    electron.windows.clear()
    electron.app.isPackaged = true
    vi.unstubAllEnvs()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })

  it('passes a well-formed call from our window to the implementation', async () => {
    const impl = vi.fn((_context: unknown, name: string) => `/backups/${name}`)
    handle('backup:read', impl)
    await expect(invoke('backup:read', eventFrom('app://sift/index.html'), 'b.json')).resolves.toBe(
      '/backups/b.json',
    )
    expect(impl).toHaveBeenCalledWith({ window: { id: 1 } }, 'b.json')
  })

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a file:// page', 'file:///home/user/evil.html'],
    ['a look-alike app host', 'app://sift.evil/index.html'],
    ['an app URL with user info', 'app://x@sift/index.html'],
    ['about:blank', 'about:blank'],
  ])('rejects a sender showing %s', async (_label, url) => {
    const impl = vi.fn()
    handle('app:get-info', impl)
    await expect(invoke('app:get-info', eventFrom(url))).rejects.toThrow(
      /app:get-info refused: untrusted origin/,
    )
    expect(impl).not.toHaveBeenCalled()
  })

  it('rejects a subframe, a destroyed frame and a web contents that is not our window', async () => {
    const impl = vi.fn()
    handle('app:get-info', impl)
    const gone = { ...eventFrom('app://sift/'), senderFrame: null }
    await expect(invoke('app:get-info', eventFrom('app://sift/', { isSubframe: true }))).rejects.toThrow(
      /subframes/,
    )
    await expect(invoke('app:get-info', gone)).rejects.toThrow(/frame is gone/)
    await expect(invoke('app:get-info', eventFrom('app://sift/', { isOurWindow: false }))).rejects.toThrow(
      /not one of our windows/,
    )
    expect(impl).not.toHaveBeenCalled()
  })

  it.each([
    ['a path traversal name', 'backup:read', ['../../etc/passwd']],
    ['a wrong type', 'backup:read', [42]],
    ['a missing argument', 'backup:write', ['ok.json']],
    ['an extra argument', 'backup:list', ['surprise']],
    ['an object instead of a string', 'shell:open-external', [{ toString: 'https://doi.org' }]],
    ['unknown option keys', 'dialog:open-files', [{ properties: ['openDirectory'] }]],
  ])('rejects a malformed payload: %s', async (_label, channel, args) => {
    const impl = vi.fn()
    handle(channel as 'backup:read', impl)
    await expect(invoke(channel, eventFrom('app://sift/index.html'), ...args)).rejects.toThrow(
      new RegExp(`^${channel} got invalid arguments`),
    )
    expect(impl).not.toHaveBeenCalled()
  })

  it('rejects a result that breaks the contract', async () => {
    handle('shell:open-external', () => 'yes' as unknown as boolean)
    await expect(
      invoke('shell:open-external', eventFrom('app://sift/'), 'https://doi.org/'),
    ).rejects.toThrow()
  })

  it('trusts the dev server only in an unpackaged app', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    handle('backup:list', () => [])
    await expect(invoke('backup:list', eventFrom('http://localhost:5173/'))).rejects.toThrow(
      /untrusted origin/,
    )
    electron.app.isPackaged = false
    await expect(invoke('backup:list', eventFrom('http://localhost:5173/'))).resolves.toEqual([])
  })

  it('explains rejections without an IPC round trip', () => {
    const event = eventFrom('https://evil.example/') as unknown as Parameters<typeof senderRejection>[0]
    expect(senderRejection(event, ['app://sift'])).toMatch(/untrusted origin/)
  })
})
