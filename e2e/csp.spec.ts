import { existsSync, readFileSync } from 'node:fs'

import { expect, test } from './fixtures'

/** The built pages: the browser build always, the Electron renderer build when `electron-vite build` ran. */
const builtPages = ['out/web/index.html', 'out/renderer/index.html'].filter((path) => existsSync(path))

function cspOf(html: string): Map<string, string[]> {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)
  const policy = (match?.[1] ?? '').replaceAll('&#39;', "'")
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name = '', ...values]) => [name, values]),
  )
}

test('the built index.html carries a strict CSP (RELIABILITY.md S2)', () => {
  expect(builtPages, 'run `npm run build` first').toContain('out/web/index.html')
  for (const path of builtPages) {
    const html = readFileSync(path, 'utf8')
    const csp = cspOf(html)
    expect(csp.get('default-src'), path).toEqual(["'self'"])
    expect(csp.get('script-src'), path).toEqual(["'self'"])
    expect(csp.get('connect-src'), path).toEqual(["'self'"])
    expect(csp.get('object-src'), path).toEqual(["'none'"])
    for (const [directive, values] of csp) {
      expect(values.join(' '), `${path} ${directive}`).not.toMatch(/unsafe-eval|https?:|\*/)
    }
    // Every script is a file from the app itself: no inline script the CSP would have to allow.
    expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  }
})

test('the running app refuses an injected inline script', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/Executing inline script violates the following Content Security Policy/)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible()
  const violation = page.waitForEvent('console', (message) =>
    message.text().includes('Content Security Policy'),
  )
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.__siftInjected = true'
    document.head.append(script)
    await new Promise((resolve) => setTimeout(resolve, 50))
    return (window as unknown as { __siftInjected?: boolean }).__siftInjected === true
  })
  expect(ran).toBe(false)
  expect((await violation).type()).toBe('error')
})
