import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, devRendererUrl, hasTrustedOrigin, originOf, trustedOrigins } from './app-origin'

describe('app origin', () => {
  it('is pinned to app://sift (changing it would hide every IndexedDB project)', () => {
    expect(APP_ORIGIN).toBe('app://sift')
  })

  it.each([
    ['app://sift/index.html', 'app://sift'],
    ['app://sift', 'app://sift'],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173'],
    ['https://doi.org:443/x', 'https://doi.org'],
    ['app://user@sift/', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['nonsense', null],
  ])('originOf(%j) is %j', (url, origin) => {
    expect(originOf(url)).toBe(origin)
  })

  it('honours ELECTRON_RENDERER_URL only in an unpackaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(devRendererUrl(false, env)).toBe('http://localhost:5173')
    expect(devRendererUrl(true, env)).toBeNull()
    expect(devRendererUrl(false, {})).toBeNull()
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'javascript:alert(1)' })).toBeNull()
  })

  it('trusts app://sift, plus the dev server when there is one', () => {
    expect(trustedOrigins(null)).toEqual(['app://sift'])
    expect(trustedOrigins('http://localhost:5173/')).toEqual(['app://sift', 'http://localhost:5173'])
    expect(hasTrustedOrigin('app://sift/a/b', ['app://sift'])).toBe(true)
    expect(hasTrustedOrigin('app://sift.evil/', ['app://sift'])).toBe(false)
  })
})
