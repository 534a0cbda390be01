import { expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { INVOKE_METHODS } from '../src/shared/ipc/channels'
import { findElectronBinary } from '../scripts/electron-binary.mjs'
import { launchSift } from './electron/launch'

const projectRoot = resolve(import.meta.dirname, '..')
const binary = findElectronBinary()
const skipReason =
  'Electron binary not installed (node_modules/electron/dist is missing, e.g. ELECTRON_SKIP_BINARY_DOWNLOAD=1). ' +
  'Run `node node_modules/electron/install.js` where downloads work; the browser specs cover the renderer meanwhile.'
if (binary === null) console.log(`Electron-mode specs skipped: ${skipReason}`)

test.skip(binary === null, skipReason)

/** What the page can see of its globals; typed here because e2e code has no DOM types. */
type PageGlobals = {
  api?: Record<string, unknown>
  require?: unknown
  process?: unknown
  open: (url: string) => unknown
}

test.describe('desktop app', () => {
  let app: ElectronApplication
  let page: Page
  const consoleErrors: string[] = []

  test.beforeAll(async () => {
    expect(existsSync(join(projectRoot, 'out/main/index.js')), 'run `npm run build` first').toBe(true)
    app = await launchSift(binary ?? '', projectRoot)
    page = await app.firstWindow()
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
  })

  test.afterAll(async () => {
    await app?.close()
  })

  test('opens the project list from the pinned app://sift origin', async () => {
    await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible()
    expect(page.url()).toMatch(/^app:\/\/sift\//)
    expect(await page.title()).toMatch(/Sift/)
  })

  test('exposes window.api and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as unknown as PageGlobals
      return {
        apiKeys: Object.keys(scope.api ?? {}).sort(),
        hasRequire: typeof scope.require !== 'undefined',
        hasProcess: typeof scope.process !== 'undefined',
      }
    })
    expect(globals.apiKeys).toEqual([...Object.values(INVOKE_METHODS), 'onMenuCommand'].sort())
    expect(globals.hasRequire).toBe(false)
    expect(globals.hasProcess).toBe(false)
  })

  test('validates IPC calls and the external-link policy end to end (S4, S5)', async () => {
    const outcome = await page.evaluate(async () => {
      const api = (globalThis as unknown as PageGlobals).api as {
        openExternal: (url: string) => Promise<boolean>
        readBackup: (name: unknown) => Promise<string>
        getAppInfo: () => Promise<{ name: string; isPackaged: boolean }>
      }
      const refusedLink = await api.openExternal('javascript:alert(1)')
      const malformed = await api.readBackup('../../etc/passwd').then(
        () => 'accepted',
        (error: unknown) => String(error),
      )
      const info = await api.getAppInfo()
      return { refusedLink, malformed, info }
    })
    expect(outcome.refusedLink).toBe(false)
    expect(outcome.malformed).toContain('backup:read got invalid arguments')
    expect(outcome.info.isPackaged).toBe(false)
  })

  test('denies window.open (S3)', async () => {
    const opened = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).open('https://example.com/'),
    )
    expect(opened).toBeNull()
    expect(app.windows()).toHaveLength(1)
  })

  test('logs no console errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
