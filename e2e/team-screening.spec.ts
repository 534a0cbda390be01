import path from 'node:path'

import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { writeRisRecords } from './data/make-records'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'

/** One reviewer's machine: their own project with the same search results imported. */
async function setUpReviewer(page: Page, file: string, name: string): Promise<ScreeningPage> {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Team review')
  await projects.projectLink('Team review').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([file])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('20 records')
  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs(name)
  return screening
}

async function screenAll(screening: ScreeningPage, keys: string): Promise<void> {
  for (const [index, key] of [...keys].entries()) {
    await expect(screening.recordTitle()).toContainText(`Record ${String(index + 1).padStart(2, '0')}`)
    await screening.press(key)
  }
  await expect(screening.progress()).toHaveText('Screened 20 of 20')
}

test('two reviewers screen blind, exchange work files, see kappa and resolve the conflict', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const file = writeRisRecords(20, 'team.ris')
  const anna = await setUpReviewer(page, file, 'Anna')
  await screenAll(anna, 'iiiiimmmeeeeeeeeeeee')

  // Ben works on another machine: a separate browser profile with its own IndexedDB.
  const benContext = await browser.newContext()
  const benPage = await benContext.newPage()
  const ben = await setUpReviewer(benPage, file, 'Ben')
  await screenAll(ben, 'iiiiemmmeeeeeeeeeeee')
  // Blind mode: Ben sees nothing of Anna's decisions (they are not even on his machine yet).
  await expect(benPage.getByLabel("Other reviewers' decisions")).toHaveCount(0)
  await benPage.getByRole('tab', { name: 'Team & agreement' }).click()
  const download = benPage.waitForEvent('download')
  await benPage.getByRole('button', { name: 'Export my work' }).click()
  // The file must outlive Ben's browser context (its downloads are deleted with it).
  const benFile = path.join(path.dirname(file), 'ben-work.json')
  await (await download).saveAs(benFile)
  await benContext.close()

  await page.getByRole('tab', { name: 'Team & agreement' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import a teammate’s work' }).click()
  await (await chooser).setFiles(benFile)
  await expect(page.getByRole('status')).toContainText('Merged 20 new decisions of Ben.')

  const agreement = page.getByRole('table', { name: 'Agreement between reviewers' })
  await expect(
    agreement.getByRole('row', { name: /Title & abstract.*Anna & Ben|Title & abstract.*Ben & Anna/ }),
  ).toContainText('95.0%')
  await expect(agreement).toContainText('0.91 (95% CI')

  // Importing the same file again changes nothing.
  const again = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import a teammate’s work' }).click()
  await (await again).setFiles(benFile)
  await expect(page.getByRole('status')).toContainText('Merged 0 new decisions of Ben.')

  await page.getByRole('tab', { name: 'Conflicts' }).click()
  await expect(page.getByRole('heading', { name: 'Conflicts (1)' })).toBeVisible()
  const conflict = page.getByRole('region', { name: /Conflict: Record 05/ })
  await expect(conflict).toContainText('Anna: include')
  await expect(conflict).toContainText('Ben: exclude')
  await conflict.getByRole('button', { name: 'Resolve as include' }).click()
  await expect(page.getByRole('heading', { name: 'Conflicts (0)' })).toBeVisible()

  // Settled: 5 included + 3 maybe go on to full text; 12 excluded.
  await page.getByRole('tab', { name: 'Team & agreement' }).click()
  const prisma = page.getByRole('table', { name: 'PRISMA screening numbers' })
  await expect(prisma.getByRole('row', { name: 'Records screened (title & abstract) 20' })).toBeVisible()
  await expect(prisma.getByRole('row', { name: 'Records excluded 12' })).toBeVisible()
  await expect(prisma.getByRole('row', { name: 'Reports sought for retrieval 8' })).toBeVisible()
})

test('a file that is not a reviewer file is refused with a reason', async ({ page }) => {
  const screening = await setUpReviewer(page, writeRisRecords(20, 'refuse.ris'), 'Anna')
  await expect(screening.progress()).toHaveText('Screened 0 of 20')
  await page.getByRole('tab', { name: 'Team & agreement' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import a teammate’s work' }).click()
  await (
    await chooser
  ).setFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') })
  await expect(page.getByRole('status')).toContainText('This is not a Sift reviewer file Sift can read')
})
