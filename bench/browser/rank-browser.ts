// `npm run bench:rank:browser [-- --records 10000,50000]`: retrain + re-rank time in the relevance worker, in headless
// Chromium, end to end through the app. Per size: real records of ../shared/datasets/screening (repeated with a
// copy number to reach the size) are imported through the UI (duplicate check off), 500 decisions with the
// datasets' own labels are written, the Screen page is opened in relevance order, and the time the worker reports
// for its first retrain (from scratch on 500 labels) and for the retrains after each of 10 further decisions is
// read off the page, with the longest main-thread task meanwhile. Results: bench/results/rank-browser-N.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { loadScreeningDatasets } from '../rank-data'
import { createProject, startAppInChromium } from './app-in-chromium'

const sizeArgument = process.argv[process.argv.indexOf('--records') + 1]
const sizes = (process.argv.includes('--records') && sizeArgument ? sizeArgument : '10000,50000')
  .split(',')
  .map(Number)
const labelledCount = 500
const furtherDecisions = 10
const root = path.resolve(import.meta.dirname, '../..')
const base = 'http://127.0.0.1:4597/'

type Labelled = { text: string; label: 0 | 1 }
type BenchWindow = { __longTasks: number[] }

/** The datasets' records in a fixed interleaved order, repeated with a copy number until `count`. */
function benchRecords(count: number): Labelled[] {
  const datasets = loadScreeningDatasets()
  if (!datasets) throw new Error('../shared/datasets/screening is absent: this benchmark needs it.')
  const pool: Labelled[] = []
  const longest = Math.max(...datasets.map((set) => set.data.texts.length))
  for (let row = 0; row < longest; row++)
    for (const { data } of datasets) {
      const text = data.texts[row]
      if (text !== undefined) pool.push({ text, label: data.labels[row] === 1 ? 1 : 0 })
    }
  return Array.from({ length: count }, (_, index) => {
    const record = pool[index % pool.length] ?? { text: '', label: 0 }
    const copy = Math.floor(index / pool.length)
    return copy === 0 ? record : { ...record, text: `${record.text} (copy ${copy + 1})` }
  })
}

function toRis(records: readonly Labelled[]): string {
  return records
    .map((record, index) => {
      const words = record.text.replace(/\s+/g, ' ').trim()
      const title = words.split(' ').slice(0, 12).join(' ') || `Record ${index + 1}`
      return `TY  - JOUR\nTI  - ${title}\nAB  - ${words}\nER  - \n\n`
    })
    .join('')
}

async function createProjectAndImport(page: Page, file: string, size: number): Promise<string> {
  await page.goto(base)
  const projectId = await createProject(page, `Ranking ${size}`)
  // Repeated records would be merged as duplicates: this benchmark measures ranking, so the check is off.
  await page.goto(`${base}#/projects/${projectId}/deduplicate`)
  const check = page.getByRole('switch', { name: 'Check for duplicates after every import' })
  await check.waitFor({ state: 'attached' })
  // The setting is saved before the switch shows it, so click and then wait for the saved state.
  await check.click({ force: true })
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')].some(
        (input) => !input.checked && input.closest('label, div')?.textContent?.includes('after every import'),
      ),
    undefined,
    { timeout: 10_000 },
  )
  await page.goto(`${base}#/projects/${projectId}/import`)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles(file)
  await page.getByRole('button', { name: 'Import selected files' }).click({ timeout: 600_000 })
  await page.getByText('Import complete').waitFor({ timeout: 900_000 })
  return projectId
}

/** Writes decisions straight into IndexedDB (the app reads them after a reload), as if made earlier. */
async function writeDecisions(page: Page, projectId: string, labels: readonly (0 | 1)[]): Promise<void> {
  // tsx names the inner helpers with a `__name` call that the page does not have.
  await page.evaluate('window.__name = (fn) => fn')
  await page.evaluate(
    async ({ projectId, labels }) => {
      const open = indexedDB.open('sift')
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error ?? new Error('open failed'))
      })
      const read = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error ?? new Error('request failed'))
        })
      const tx = db.transaction(['records', 'settings', 'decisions'], 'readwrite')
      const records = (await read(
        tx.objectStore('records').index('projectId').getAll(projectId, labels.length),
      )) as { id: string; sourceIndex: number }[]
      const active = (await read(tx.objectStore('settings').get('active-reviewer'))) as { value: string }
      const reviewerId = active.value
      records.sort((a, b) => a.sourceIndex - b.sourceIndex)
      records.forEach((record, index) => {
        tx.objectStore('decisions').put({
          id: `${record.id}:title-abstract:${reviewerId}`,
          projectId,
          recordId: record.id,
          stage: 'title-abstract',
          reviewerId,
          value: labels[index] === 1 ? 'include' : 'exclude',
          reason: '',
          decidedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, index)).toISOString(),
        })
      })
      await new Promise((resolve) => (tx.oncomplete = resolve))
      db.close()
    },
    { projectId, labels: [...labels] },
  )
}

/** The worker's reported retrain + re-rank time once the ranking has learned from `count` decisions. */
async function retrainMs(page: Page, count: number): Promise<number> {
  const pattern = new RegExp(`learned from ${count.toLocaleString('en')} decisions in ([\\d,]+) ms`)
  const relevance = page.getByRole('group', { name: 'Relevance' })
  await relevance.getByText(pattern).waitFor({ timeout: 600_000 })
  const text = (await relevance.textContent()) ?? ''
  return Number((pattern.exec(text)?.[1] ?? 'NaN').replace(/,/g, ''))
}

async function measure(page: Page, size: number, folder: string) {
  const records = benchRecords(size)
  const file = path.join(folder, `rank-${size}.ris`)
  writeFileSync(file, toRis(records))
  const projectId = await createProjectAndImport(page, file, size)
  await page.goto(`${base}#/projects/${projectId}/screen`)
  await page.getByLabel('Your name').fill('Bench')
  await page.getByRole('button', { name: 'Start screening' }).click()
  await page.locator('article h3').waitFor()
  await writeDecisions(
    page,
    projectId,
    records.slice(0, labelledCount).map((record) => record.label),
  )
  await page.reload()
  await page.locator('article h3').waitFor({ timeout: 120_000 })
  await page.evaluate(() => {
    const target = window as unknown as BenchWindow
    target.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) target.__longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: false })
  })
  const selected = Date.now()
  await page.getByLabel('Order').selectOption('relevance')
  const firstMs = await retrainMs(page, labelledCount)
  const firstRankingShownMs = Date.now() - selected
  const retrains: number[] = []
  for (let step = 1; step <= furtherDecisions; step++) {
    await page.locator('body').press(step % 4 === 0 ? 'i' : 'e')
    retrains.push(await retrainMs(page, labelledCount + step))
  }
  const longTasks = await page.evaluate(() => (window as unknown as BenchWindow).__longTasks)
  retrains.sort((a, b) => a - b)
  return {
    date: new Date().toISOString(),
    records: size,
    labelled: labelledCount,
    firstRetrainMs: firstMs,
    indexBuildPlusFirstRankingShownMs: firstRankingShownMs,
    retrainAfterDecisionMedianMs: retrains[Math.floor(retrains.length / 2)] ?? Number.NaN,
    retrainAfterDecisionMaxMs: retrains.at(-1) ?? Number.NaN,
    longestMainThreadTaskMs: Math.round(Math.max(0, ...longTasks)),
  }
}

async function main(): Promise<void> {
  const app = await startAppInChromium(4597)
  const browser = app.browser
  const folder = mkdtempSync(path.join(tmpdir(), 'sift-bench-rank-'))
  try {
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      const result = await measure(await context.newPage(), size, folder)
      console.table(result)
      mkdirSync(path.join(root, 'bench/results'), { recursive: true })
      writeFileSync(
        path.join(root, `bench/results/rank-browser-${size}.json`),
        `${JSON.stringify(result, null, 2)}\n`,
      )
      await context.close()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
    await app.close()
  }
}

await main()
