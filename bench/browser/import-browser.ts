// `npm run bench:import:browser [-- --records N]`: end-to-end import in headless Chromium, from a file to
// committed rows, through the real UI (file picker, worker parse, preview, commit), and in the same run the peer:
// a bare Dexie bulkAdd of the very same rows into a fresh database. Also records the longest main-thread task
// during the import and the JS heap afterwards. Results: bench/results/import-browser.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { generateRis } from '../import'
import {
  clearLongTasks,
  createProject,
  longTasksOf,
  recordLongTasks,
  recordsOption,
  startAppInChromium,
} from './app-in-chromium'

const records = recordsOption(100_000)
const root = path.resolve(import.meta.dirname, '../..')

async function createProjectAndOpenImport(page: Page): Promise<void> {
  await createProject(page, 'Import benchmark')
  await page.getByRole('heading', { name: 'Import', level: 2 }).waitFor()
}

/** Copies the committed rows into a fresh Dexie database with one bulkAdd in one transaction; returns ms. */
async function bareBulkAdd(page: Page): Promise<{ ms: number; rows: number }> {
  await page.addScriptTag({ path: path.join(root, 'node_modules/dexie/dist/dexie.min.js') })
  return page.evaluate(async () => {
    type Table = { toArray: () => Promise<unknown[]>; bulkAdd: (rows: unknown[]) => Promise<unknown> }
    type DexieDb = {
      version: (n: number) => { stores: (schema: Record<string, string>) => void }
      open: () => Promise<unknown>
      table: (name: string) => Table
      transaction: (mode: string, table: Table, work: () => Promise<unknown>) => Promise<unknown>
      close: () => void
    }
    const DexieClass = (window as unknown as { Dexie: new (name: string) => DexieDb }).Dexie
    const app = new DexieClass('sift')
    await app.open()
    const rows = await app.table('records').toArray()
    app.close()
    const peer = new DexieClass(`bench-peer-${Date.now()}`)
    peer.version(1).stores({
      records:
        'id, projectId, batchId, [projectId+titleKey], [projectId+doi], [projectId+pmid], [projectId+year]',
    })
    await peer.open()
    const table = peer.table('records')
    const start = performance.now()
    await peer.transaction('rw', table, () => table.bulkAdd(rows))
    const ms = performance.now() - start
    peer.close()
    return { ms, rows: rows.length }
  })
}

async function main(): Promise<void> {
  const app = await startAppInChromium(4599)
  const browser = app.browser
  try {
    // bypassCSP only so the benchmark can inject Dexie for the peer measurement; the app itself runs unchanged.
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await recordLongTasks(page)
    await page.goto('http://127.0.0.1:4599/')
    await createProjectAndOpenImport(page)

    const text = generateRis(records)
    const buffer = Buffer.from(text, 'utf8')
    // Playwright passes files over 50 MB only by path.
    const folder = mkdtempSync(path.join(tmpdir(), 'sift-bench-'))
    const file = path.join(folder, 'bench.ris')
    writeFileSync(file, buffer)
    console.log(
      `Generated ${records.toLocaleString('en')} RIS records, ${(buffer.length / 1e6).toFixed(1)} MB`,
    )
    await clearLongTasks(page)
    const chooser = page.waitForEvent('filechooser')
    const started = Date.now()
    await page.getByRole('button', { name: 'Choose files…' }).click()
    await (await chooser).setFiles(file)
    await page.getByRole('button', { name: 'Import selected files' }).waitFor({ timeout: 600_000 })
    const parsedMs = Date.now() - started
    const preview = page.getByRole('region', { name: 'Preview of bench.ris' })
    if (await preview.getByText('This file cannot be imported').isVisible()) {
      throw new Error(`The app refused the file: ${await preview.textContent()}`)
    }
    const commitStarted = Date.now()
    await page.getByRole('button', { name: 'Import selected files' }).click()
    await page.getByText('Import complete').waitFor({ timeout: 900_000 })
    const commitMs = Date.now() - commitStarted
    const totalMs = Date.now() - started
    // Every import is followed by a duplicate check of the whole project (long tasks are watched through it too).
    await page.getByRole('status').filter({ hasText: 'Duplicate check' }).waitFor({ timeout: 900_000 })
    const dedupCheckMs = Date.now() - commitStarted - commitMs
    const longTasks = await longTasksOf(page)
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    const countText = (await page.getByLabel('Records in project').textContent()) ?? ''

    rmSync(folder, { recursive: true, force: true })
    const peer = await bareBulkAdd(page)
    const result = {
      date: new Date().toISOString(),
      records,
      megabytes: buffer.length / 1e6,
      recordsInProject: countText,
      parseMs: parsedMs,
      commitMs,
      dedupCheckMs,
      totalMs,
      bareBulkAddMs: Math.round(peer.ms),
      bareBulkAddRows: peer.rows,
      commitVsBare: commitMs / peer.ms,
      totalVsBare: totalMs / peer.ms,
      longTasksOver100ms: longTasks.filter((ms) => ms > 100).length,
      longestMainThreadTaskMs: Math.round(Math.max(0, ...longTasks)),
      heapAfterImportMB: usedSize / 1e6,
    }
    console.table(result)
    mkdirSync(path.join(root, 'bench/results'), { recursive: true })
    writeFileSync(
      path.join(root, `bench/results/import-browser-${records}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    )
  } finally {
    await app.close()
  }
}

await main()
