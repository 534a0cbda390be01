import { expect, test as base } from '@playwright/test'

export type ConsoleGuard = {
  /** Lets console errors matching `pattern` through, for a spec that provokes one on purpose and checks it. */
  allow: (pattern: RegExp) => void
}

/**
 * Every browser spec runs with two guards: the page logs no console errors, and no request leaves the machine
 * (Sift is offline by design; RELIABILITY.md S7).
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ page, baseURL }, use) => {
      const allowed: RegExp[] = []
      const consoleErrors: string[] = []
      const remoteRequests: string[] = []
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
      page.on('console', (message) => {
        const text = message.text()
        if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(text)))
          consoleErrors.push(text)
      })
      page.on('pageerror', (error) => consoleErrors.push(error.message))
      page.on('request', (request) => {
        // Only network schemes leave the machine; data:, blob: and Chromium's own PDF viewer extension do not.
        const url = new URL(request.url())
        if (/^(https?|wss?|ftp):$/.test(url.protocol) && url.origin !== origin) remoteRequests.push(url.href)
      })
      await use({ allow: (pattern) => allowed.push(pattern) })
      expect(consoleErrors, 'console errors').toEqual([])
      expect(remoteRequests, 'requests to other hosts').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
