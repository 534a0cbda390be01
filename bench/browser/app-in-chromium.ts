import { existsSync } from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from '@playwright/test'
import { preview } from 'vite'

import { chromiumExecutable, chromiumSwitches } from '../../e2e/chromium'

const root = path.resolve(import.meta.dirname, '../..')

/** The browser build served on `port` and a headless Chromium to drive it, as the e2e suite runs them. */
export async function startAppInChromium(
  port: number,
): Promise<{ browser: Browser; base: string; close: () => Promise<void> }> {
  if (!existsSync(path.join(root, 'out/web/index.html'))) throw new Error('Run `npm run build:web` first.')
  const server = await preview({
    configFile: path.join(root, 'vite.web.config.ts'),
    preview: { port, strictPort: true },
  })
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...chromiumSwitches] })
  return {
    browser,
    base: `http://127.0.0.1:${port}/`,
    close: async () => {
      await browser.close()
      server.httpServer.close()
    },
  }
}

/**
 * The whole number after `--records` on the command line, or `fallback` when the option is absent. A value that is
 * not a positive whole number stops the benchmark with a message.
 */
export function recordsOption(fallback: number): number {
  const at = process.argv.indexOf('--records')
  if (at < 0) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--records takes a positive whole number, not "${process.argv[at + 1] ?? ''}"`)
    process.exit(2)
  }
  return value
}

type LongTaskWindow = { __longTasks: number[] }

/** From the page's first script on, keeps the duration of each of its long tasks (main-thread tasks over 50 ms). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[] = []
    ;(window as unknown as LongTaskWindow).__longTasks = tasks
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => tasks.push(entry.duration)),
    ).observe({
      type: 'longtask',
      buffered: true,
    })
  })
}

/** Forgets the long tasks {@link recordLongTasks} has kept so far. */
export async function clearLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as LongTaskWindow).__longTasks.length = 0))
}

/** The durations (ms) of the long tasks kept since the page loaded or they were last cleared. */
export function longTasksOf(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window as unknown as LongTaskWindow).__longTasks])
}

/** Project list ▸ New project: creates a project named `name` and opens it. Returns the project's id. */
export async function createProject(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'New project' }).click()
  await page.getByLabel('Project name').fill(name)
  await page.getByRole('button', { name: 'Create' }).click()
  await page.getByRole('button', { name, exact: true }).click()
  return new URL(page.url()).hash.split('/')[2] ?? ''
}

/**
 * In the open project's Import section: chooses `file`, imports it, and waits (up to `timeout` ms a step) until the
 * import and the duplicate check that follows it are done.
 */
export async function importFile(page: Page, file: string, timeout: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles(file)
  await page.getByRole('button', { name: 'Import selected files' }).click({ timeout })
  await page.getByText('Import complete').waitFor({ timeout })
  await page.getByRole('status').filter({ hasText: 'Duplicate check' }).waitFor({ timeout })
}
