import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../shared/csp'

vi.mock('electron', () => ({ protocol: {} }))

const { mimeTypeFor, resolveAppPath, serveAppRequest } = await import('./protocol')

const root = join(tmpdir(), 'sift-renderer')

describe('resolveAppPath', () => {
  it.each([
    ['app://sift/', 'index.html'],
    ['app://sift/index.html', 'index.html'],
    ['app://sift/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://sift/assets/a%20b.css', 'assets/a b.css'],
    ['app://sift/projects/42', 'index.html'],
    ['app://sift/index.html?x=1#/p', 'index.html'],
  ])('maps %s inside the root', (url, relative) => {
    const result = resolveAppPath(root, url)
    expect(result).toMatchObject({ kind: 'file', path: join(root, relative) })
  })

  it.each([
    ['encoded slash after ..', 'app://sift/..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash', 'app://sift/..%5c..%5csecret'],
    ['a NUL byte', 'app://sift/index.html%00.png'],
    ['a broken escape', 'app://sift/%E0%A4%A'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(root, url)).toMatchObject({ kind: 'refused', status: 400 })
  })

  it.each([
    'app://sift/../../etc/passwd',
    'app://sift/%2e%2e/%2e%2e/etc/passwd',
    'app://sift/a/.%2E/.%2e/../x',
  ])('keeps %s inside the root (the URL parser folds dot segments first)', (url) => {
    const result = resolveAppPath(root, url)
    expect(result.kind === 'file' && result.path.startsWith(root)).toBe(true)
  })

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://other/index.html')).toMatchObject({ kind: 'refused', status: 404 })
    expect(resolveAppPath(root, 'https://sift/index.html')).toMatchObject({ kind: 'refused', status: 404 })
  })
})

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['unknown.bin', 'application/octet-stream'],
  ])('%s is %s', (path, type) => {
    expect(mimeTypeFor(path)).toBe(type)
  })
})

describe('serveAppRequest', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sift-protocol-'))
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true })
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Sift</title>')
    await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(dir, 'secret.txt'), 'do not serve')
  })

  afterAll(() => rm(dir, { recursive: true, force: true }))

  const serve = (url: string, method = 'GET') =>
    serveAppRequest(join(dir, 'renderer'), new Request(url, { method }))

  it('serves files with their type, the strict CSP and nosniff', async () => {
    const response = await serve('app://sift/assets/app.js')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves index.html for the root and for client-side routes', async () => {
    expect(await (await serve('app://sift/')).text()).toContain('<title>Sift</title>')
    expect(await (await serve('app://sift/projects/1')).text()).toContain('<title>Sift</title>')
  })

  it('does not serve files outside the renderer folder', async () => {
    expect((await serve('app://sift/..%2fsecret.txt')).status).toBe(400)
    expect((await serve('app://sift/%2e%2e/secret.txt')).status).toBe(404)
  })

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await serve('app://sift/assets/missing.js')).status).toBe(404)
    expect((await serve('app://sift/index.html', 'POST')).status).toBe(405)
  })
})

describe('CONTENT_SECURITY_POLICY (S2)', () => {
  it('allows no inline or eval scripts and no remote hosts', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/)
        return [name, values] as const
      }),
    )
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
  })

  it('mirrors the header in the meta version, minus frame-ancestors which meta tags cannot carry', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors')
    expect(CONTENT_SECURITY_POLICY.startsWith(META_CONTENT_SECURITY_POLICY)).toBe(true)
  })
})
