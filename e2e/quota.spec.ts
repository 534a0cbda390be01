import { expect, test } from './fixtures'
import { writeRisRecords } from './data/make-records'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'

test('an import that exceeds the storage quota is rolled back and explained (RELIABILITY.md D4)', async ({
  page,
  baseURL,
}) => {
  // Shrink this origin's quota below what the import needs, as a full disk would (set before the database opens).
  const origin = new URL(baseURL ?? '').origin
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 400_000 })
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Quota')
  await projects.projectLink('Quota').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([writeRisRecords(4000, 'quota.ris')])
  await expect(importPage.preview('quota.ris')).toContainText('4,000 records')

  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(page.getByText('Import stopped')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/storage quota is used up, so nothing was saved/)).toBeVisible()
  await expect(importPage.recordCount()).toHaveText('0 records')

  await cdp.send('Storage.overrideQuotaForOrigin', { origin })
  await page.reload()
  await expect(importPage.recordCount()).toHaveText('0 records')
  await expect(page.getByText('Quota', { exact: true })).toBeVisible()
})
