import { readFile } from 'node:fs/promises'

import { migrations } from '../src/renderer/src/db/migrations'
import { expect, test } from './fixtures'
import { ProjectListPage } from './pages/ProjectListPage'

type Stores = Record<string, string>

/**
 * In the page: creates the database an older Sift left behind, at schema version 1 (IndexedDB version 10, as
 * Dexie numbers them), with one project and two records. Written with IndexedDB itself, so no app code runs.
 */
async function seedVersionOneDatabase(stores: Stores): Promise<void> {
  const indexOf = (spec: string) => {
    const name = spec.trim()
    const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name
    return { name, keyPath }
  }
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('sift', 10)
    request.onupgradeneeded = () => {
      const db = request.result
      for (const [table, schema] of Object.entries(stores)) {
        const [primary = 'id', ...indexes] = schema.split(',')
        const store = db.createObjectStore(table, { keyPath: primary.trim() })
        for (const spec of indexes) {
          const { name, keyPath } = indexOf(spec)
          store.createIndex(name, keyPath)
        }
      }
      const at = '2026-01-01T00:00:00.000Z'
      const tx = request.transaction
      if (!tx) throw new Error('no upgrade transaction')
      tx.objectStore('projects').add({
        id: 'p_old',
        name: 'Review from last year',
        description: '',
        createdAt: at,
        updatedAt: at,
      })
      for (const id of ['r1', 'r2']) {
        tx.objectStore('records').add({
          id,
          projectId: 'p_old',
          batchId: 'b1',
          title: `Old record ${id}`,
          titleKey: `old record ${id}`,
          doi: '',
          pmid: '',
          year: 2020,
        })
      }
    }
    request.onsuccess = () => {
      request.result.close()
      resolve()
    }
    request.onerror = () => reject(request.error ?? new Error('open failed'))
  })
}

test('a database from an older version is backed up before the upgrade, then opens with its project', async ({
  page,
}) => {
  const v1 = migrations[0]
  if (!v1) throw new Error('no migrations')
  // A blank page on the app's origin, so the app does not open (and create) its database first.
  await page.route('**/seed', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  )
  await page.goto('/seed')
  await page.evaluate(seedVersionOneDatabase, v1.stores)

  const download = page.waitForEvent('download')
  await page.goto('/')
  const backup = await download
  expect(backup.suggestedFilename()).toMatch(
    /^before-upgrade-v1-to-v\d+-Review-from-last-year-.*\.sift-backup$/,
  )
  const envelope = JSON.parse(await readFile(await backup.path(), 'utf8')) as {
    schemaVersion: number
    projectName: string
    counts: Record<string, number>
  }
  expect(envelope).toMatchObject({ schemaVersion: 1, projectName: 'Review from last year' })
  expect(envelope.counts).toMatchObject({ projects: 1, records: 2 })

  // After the backup the upgrade runs and the project is there with its records.
  const projects = new ProjectListPage(page)
  await expect(projects.projectLink('Review from last year')).toBeVisible()
  await projects.projectLink('Review from last year').click()
  await expect(page.getByLabel('Records in project')).toHaveText('2 records')

  // The next start finds nothing to upgrade and backs up nothing.
  let downloads = 0
  page.on('download', () => downloads++)
  await page.reload()
  await expect(page.getByLabel('Records in project')).toHaveText('2 records')
  expect(downloads).toBe(0)
})
