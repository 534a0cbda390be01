import { expect, test as base } from '@playwright/test'

/**
 * Every browser spec runs with two guards: the page logs no console errors, and no request leaves the machine
 * (Sift is offline by design; RELIABILITY.md S7).
 */
export const test = base.extend<{ guards: undefined }>({
  guards: [
    async ({ page, baseURL }, use) => {
      const consoleErrors: string[] = []
      const remoteRequests: string[] = []
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text())
      })
      page.on('pageerror', (error) => consoleErrors.push(error.message))
      page.on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) remoteRequests.push(url)
      })
      await use(undefined)
      expect(consoleErrors, 'console errors').toEqual([])
      expect(remoteRequests, 'requests to other hosts').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
