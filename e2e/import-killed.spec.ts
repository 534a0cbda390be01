import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { chromium, expect, test, type Browser, type Page } from '@playwright/test'

import { chromiumExecutable, chromiumSwitches } from './chromium'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'

/** The same Chromium and switches as the rest of the suite, started by hand so the test can kill it. */
const executable = chromiumExecutable ?? chromium.executablePath()
const switches = ['--headless=new', ...chromiumSwitches, '--remote-debugging-port=0']

// Playwright's trace recorder follows every context it connects to; one whose browser was killed cannot hand its
// trace back at the end of the test, which fails the test after every step passed.
test.use({ trace: 'off' })

type Running = { process: ChildProcess; browser: Browser; page: Page }

/** Starts Chromium on a profile folder and connects to it; the profile (and its IndexedDB) outlives the process. */
async function startChromium(profile: string): Promise<Running> {
  const child = spawn(executable, [...switches, `--user-data-dir=${profile}`, 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', (code) => reject(new Error(`Chromium exited (${String(code)}):\n${output}`)))
  })
  const browser = await chromium.connectOverCDP(endpoint)
  const context = browser.contexts()[0] ?? (await browser.newContext())
  const page = context.pages()[0] ?? (await context.newPage())
  return { process: child, browser, page }
}

/** SIGKILL to Chromium and every process it started: no unload, no cleanup, as when a computer loses power. */
async function killChromium(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.process.once('exit', resolve))
  if (running.process.pid) process.kill(-running.process.pid, 'SIGKILL')
  await exited
}

/** A RIS file of short records (a file handed to a CDP-connected browser must stay under 50 MB). */
function risFile(folder: string, name: string, count: number, words: string): string {
  const parts: string[] = []
  for (let index = 0; index < count; index++) {
    parts.push(
      `TY  - JOUR\nTI  - ${words} ${index}\nAU  - Rossi, Marco\nPY  - 2020\nAB  - Abstract ${index}.\nER  - \n\n`,
    )
  }
  const file = path.join(folder, name)
  writeFileSync(file, parts.join(''))
  return file
}

test('Chromium killed in the middle of a large import: on restart none of it is kept, older data is intact, the import shows as interrupted (RELIABILITY.md D3)', async ({
  baseURL,
}) => {
  test.setTimeout(240_000)
  const folder = mkdtempSync(path.join(tmpdir(), 'sift-e2e-kill-'))
  const profile = path.join(folder, 'profile')
  const small = risFile(folder, 'earlier.ris', 25, 'Earlier committed study')
  const large = risFile(folder, 'large.ris', 100_000, 'Killed import study')
  let running: Running | null = null
  try {
    running = await startChromium(profile)
    let page = running.page
    const projects = new ProjectListPage(page)
    await page.goto(baseURL ?? '/')
    await projects.create('Killed import')
    await projects.projectLink('Killed import').click()
    let importPage = new ImportPage(page)
    await importPage.open()
    await importPage.chooseFiles([small])
    await page.getByRole('button', { name: 'Import selected files' }).click()
    await expect(importPage.recordCount()).toHaveText('25 records')

    await page.getByRole('button', { name: 'OK' }).click()
    await importPage.chooseFiles([large])
    await expect(importPage.preview('large.ris')).toContainText('100,000 records', { timeout: 120_000 })
    await page.getByRole('button', { name: 'Import selected files' }).click()
    // Part of the file is written inside the still-open transaction when the browser dies.
    await expect(page.getByText(/Saving large\.ris: [1-9][\d,]* of 100,000 records/)).toBeVisible({
      timeout: 60_000,
    })
    await killChromium(running)
    running = null

    running = await startChromium(profile)
    page = running.page
    await page.goto(baseURL ?? '/')
    await new ProjectListPage(page).projectLink('Killed import').click()
    importPage = new ImportPage(page)
    await importPage.open()
    await expect(importPage.recordCount()).toHaveText('25 records')
    await expect(importPage.history().getByRole('row', { name: /earlier\.ris/ })).toContainText('25')
    await expect(importPage.history().getByRole('row', { name: /large\.ris/ })).toContainText('Interrupted')
  } finally {
    if (running) await killChromium(running)
    rmSync(folder, { recursive: true, force: true })
  }
})
