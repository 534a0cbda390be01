import type { Page } from '@playwright/test'

import { createUser, setupReviewDatabase } from '../couchdb/setup'
import { testAdminUrl } from '../test/sync/server'
import { expect, test } from './fixtures'
import { writeRisRecords } from './data/make-records'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'
import { syncServerBase, TeamSyncPage } from './pages/TeamSyncPage'

/** One reviewer's machine: their own project with the same search results, screening `keys` in order. */
async function reviewer(page: Page, file: string, name: string, keys: string): Promise<ScreeningPage> {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Synced review')
  await projects.projectLink('Synced review').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([file])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('5 records')
  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs(name)
  for (const [index, key] of [...keys].entries()) {
    await expect(screening.recordTitle()).toContainText(`Record 0${index + 1}`)
    await screening.press(key)
  }
  return screening
}

async function agreementOf(page: Page) {
  await new ScreeningPage(page).open()
  await page.getByRole('tab', { name: 'Team & agreement' }).click()
  return page.getByRole('table', { name: 'Agreement between reviewers' })
}

test('two reviewers sync live through the CouchDB-protocol server; blind mode holds', async ({
  page,
  browser,
  consoleGuard,
}) => {
  test.setTimeout(120_000)
  // PouchDB asks for its replication checkpoint before the first one exists; Chromium logs that 404.
  consoleGuard.allow(/Failed to load resource: the server responded with a status of 404/)
  const database = `e2e-${Date.now()}`
  const admin = testAdminUrl(syncServerBase())
  await createUser(admin, 'anna', 'anna-pw')
  await createUser(admin, 'ben', 'ben-pw')
  await setupReviewDatabase(admin, database, ['anna', 'ben'])
  const file = writeRisRecords(5, 'synced.ris')

  await reviewer(page, file, 'Anna', 'iieee')
  const annaSync = new TeamSyncPage(page)
  await annaSync.open()
  await annaSync.connect(database, 'anna', 'anna-pw')
  await annaSync.waitUntilUpToDate()

  // Ben works on another machine (its own browser profile) and leaves record 05, which Anna decided, open.
  const benContext = await browser.newContext()
  const benPage = await benContext.newPage()
  const ben = await reviewer(benPage, file, 'Ben', 'ieee')
  const benSync = new TeamSyncPage(benPage)
  await benSync.open()
  await benSync.connect(database, 'ben', 'ben-pw')
  await benSync.waitUntilUpToDate()

  // Anna's decisions are on Ben's machine now (agreement is computed from them), yet blind mode hides them.
  await expect((await agreementOf(benPage)).getByRole('row', { name: /Anna/ })).toContainText('75.0%')
  await benPage.getByRole('tab', { name: 'Screen records' }).click()
  await expect(ben.recordTitle()).toContainText('Record 05')
  await expect(benPage.getByLabel("Other reviewers' decisions")).toHaveCount(0)

  // Anna's app, still connected, received Ben's work live; the one disagreement is listed once.
  await expect((await agreementOf(page)).getByRole('row', { name: /Ben/ })).toContainText('75.0%', {
    timeout: 20_000,
  })
  await page.getByRole('tab', { name: 'Conflicts' }).click()
  await expect(page.getByRole('heading', { name: 'Conflicts (1)' })).toBeVisible()

  // While both are connected, Ben excludes the record he left open: it reaches Anna as he decides (4 of 5 agree).
  await ben.press('e')
  await expect((await agreementOf(page)).getByRole('row', { name: /Ben/ })).toContainText('80.0%', {
    timeout: 20_000,
  })
  await benContext.close()
})
