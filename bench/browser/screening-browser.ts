// `npm run bench:screening [-- --records N]`: screening at scale in headless Chromium. Imports N generated records
// through the UI, then measures: opening the project at the Screen page; JS heap after opening; decision key press
// → next record painted (p50/p95 over 200 decisions); applying a filter and a text search on the records list.
// Results: bench/results/screening-browser-N.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { generateRis } from '../import'
import { percentile } from '../percentile'
import { createProject, importFile, recordsOption, startAppInChromium } from './app-in-chromium'

const records = recordsOption(100_000)
const decisionsToTime = 200
const root = path.resolve(import.meta.dirname, '../..')
const base = 'http://127.0.0.1:4598/'

type BenchWindow = { __keyToPaint: number[] }

async function importRecords(page: Page, file: string): Promise<string> {
  await page.goto(base)
  const projectId = await createProject(page, 'Screening benchmark')
  // Every import is followed by a duplicate check of the whole project; it is done before measuring on.
  await importFile(page, file, 900_000)
  return projectId
}

/** In the page: time from each decision key press to the next animation frame after the record title changed. */
async function installKeyToPaint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: number[] = []
    ;(window as unknown as BenchWindow).__keyToPaint = samples
    let pressedAt = 0
    window.addEventListener('keydown', () => (pressedAt = performance.now()), { capture: true })
    // No named helper functions in here: tsx would wrap them in a __name() call that the page does not have.
    let last = document.querySelector('article h3')?.textContent ?? ''
    new MutationObserver(() => {
      const now = document.querySelector('article h3')?.textContent ?? ''
      if (now === last || pressedAt === 0) return
      last = now
      const started = pressedAt
      pressedAt = 0
      requestAnimationFrame(() => samples.push(performance.now() - started))
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

async function main(): Promise<void> {
  const app = await startAppInChromium(4598)
  const browser = app.browser
  const folder = mkdtempSync(path.join(tmpdir(), 'sift-bench-'))
  try {
    const file = path.join(folder, 'screening.ris')
    writeFileSync(file, generateRis(records))
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    const projectId = await importRecords(page, file)

    // Opening the project: a fresh page load straight into the Screen section, until the first record shows.
    await page.goto('about:blank')
    const openStarted = Date.now()
    await page.goto(`${base}#/projects/${projectId}/screen`)
    const reviewerName = page.getByLabel('Your name')
    await reviewerName.or(page.locator('article h3')).first().waitFor({ timeout: 120_000 })
    if (await reviewerName.isVisible()) {
      await reviewerName.fill('Bench')
      await page.getByRole('button', { name: 'Start screening' }).click()
    }
    await page.locator('article h3').waitFor({ timeout: 120_000 })
    const openMs = Date.now() - openStarted
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6

    await installKeyToPaint(page)
    const keys = ['i', 'e', 'e', 'm', 'e']
    for (let index = 0; index < decisionsToTime; index++) {
      const before = await page.locator('article h3').textContent()
      await page.keyboard.press(keys[index % keys.length] ?? 'e')
      await page.waitForFunction((text) => document.querySelector('article h3')?.textContent !== text, before)
    }
    await page.waitForTimeout(200)
    const samples = await page.evaluate(() => (window as unknown as BenchWindow).__keyToPaint)

    await page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('button', { name: 'Records' })
      .click()
    await page.getByText(/^[\d,]+ records$/).waitFor({ timeout: 120_000 })
    let started = Date.now()
    await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Excluded' })
    await page.getByText(/records match$/).waitFor({ timeout: 120_000 })
    const filterMs = Date.now() - started
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page.getByText(/^[\d,]+ records$/).waitFor({ timeout: 120_000 })
    started = Date.now()
    await page.getByLabel('Search records').fill('intervention 4242 ')
    await page.getByText(/records match$/).waitFor({ timeout: 120_000 })
    const searchMs = Date.now() - started

    const result = {
      date: new Date().toISOString(),
      records,
      openProjectMs: openMs,
      heapAfterOpenMB: Math.round(heapMB),
      decisionsTimed: samples.length,
      keyToPaintP50Ms: Math.round(percentile(samples, 50)),
      keyToPaintP95Ms: Math.round(percentile(samples, 95)),
      filterMs,
      searchMsIncluding150msDebounce: searchMs,
    }
    console.table(result)
    mkdirSync(path.join(root, 'bench/results'), { recursive: true })
    writeFileSync(
      path.join(root, `bench/results/screening-browser-${records}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
    await app.close()
  }
}

await main()
