import { describe, expect, it, vi } from 'vitest'
import { hardenSession, isPermissionAllowed, isRequestAllowed } from './session-policy'

const production = ['app://sift']
const development = ['app://sift', 'http://localhost:5173']

describe('isPermissionAllowed', () => {
  it('grants clipboard writes to the app only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://sift/index.html', production)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', production)).toBe(false)
  })

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fileSystem',
    'unknown',
  ])('denies %s even to the app', (permission) => {
    expect(isPermissionAllowed(permission, 'app://sift/index.html', production)).toBe(false)
  })
})

describe('isRequestAllowed (S7: nothing leaves the machine)', () => {
  it.each([
    'app://sift/assets/a.js',
    'data:image/png;base64,AA==',
    'blob:app://sift/1234',
    'devtools://devtools/x',
  ])('allows local %s', (url) => {
    expect(isRequestAllowed(url, production)).toBe(true)
  })

  it.each([
    'https://doi.org/10.1000/x',
    'http://localhost:5173/',
    'wss://evil.example/',
    'file:///etc/passwd',
    '::',
  ])('blocks %s in production', (url) => {
    expect(isRequestAllowed(url, production)).toBe(false)
  })

  it('allows the dev server and its hot-reload socket in development only', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', development)).toBe(true)
    expect(isRequestAllowed('ws://localhost:5173/', development)).toBe(true)
    expect(isRequestAllowed('http://localhost:5174/', development)).toBe(false)
  })
})

describe('hardenSession', () => {
  it('installs handlers that deny permissions and cancel remote requests', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    }
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0], () => production)

    const [[onRequest]] = session.setPermissionRequestHandler.mock.calls as [[(...args: unknown[]) => void]]
    const granted = vi.fn()
    onRequest({ getURL: () => 'app://sift/' }, 'media', granted, { requestingUrl: 'app://sift/' })
    expect(granted).toHaveBeenCalledWith(false)

    const [[onBefore]] = session.webRequest.onBeforeRequest.mock.calls as [[(...args: unknown[]) => void]]
    const decide = vi.fn()
    onBefore({ url: 'https://tracker.example/pixel.gif' }, decide)
    expect(decide).toHaveBeenCalledWith({ cancel: true })
    onBefore({ url: 'app://sift/index.html' }, decide)
    expect(decide).toHaveBeenLastCalledWith({ cancel: false })
  })
})
