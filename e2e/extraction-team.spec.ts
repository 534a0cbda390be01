import path from 'node:path'

import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { writeRisRecords } from './data/make-records'
import { ExtractPage } from './pages/ExtractPage'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'

/** One reviewer's machine: their own project with the same records and the blank form, extracting as `name`. */
async function setUpReviewer(page: Page, file: string, name: string): Promise<ExtractPage> {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Team extraction')
  await projects.projectLink('Team extraction').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([file])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('2 records')
  const extract = new ExtractPage(page)
  await extract.open()
  await extract.startAs(name)
  await page.getByRole('button', { name: 'Use blank form' }).click()
  return extract
}

async function openTeamTab(page: Page): Promise<void> {
  await new ScreeningPage(page).open()
  await page.getByRole('tab', { name: 'Team & agreement' }).click()
}

async function importWork(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import a teammate’s work' }).click()
  await (await chooser).setFiles(file)
}

test('a teammate’s extraction travels in their work file and shows up in Compare', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const file = writeRisRecords(2, 'extraction-team.ris')
  const anna = await setUpReviewer(page, file, 'Anna')
  await anna.study('Record 01')
  await page.getByLabel('Number of patients').fill('40')
  await expect(anna.saveState()).toHaveText('Draft saved.')

  // Ben extracts the same study on another machine: a separate browser profile with its own IndexedDB.
  const benContext = await browser.newContext()
  const benPage = await benContext.newPage()
  const ben = await setUpReviewer(benPage, file, 'Ben')
  await ben.study('Record 01')
  await benPage.getByLabel('Number of patients').fill('42')
  await benPage.getByRole('button', { name: 'Mark complete' }).click()
  await expect(ben.saveState()).toHaveText('Marked complete.')
  await openTeamTab(benPage)
  const download = benPage.waitForEvent('download')
  await benPage.getByRole('button', { name: 'Export my work' }).click()
  await expect(benPage.getByRole('status')).toContainText('Exported 0 decisions and 1 extraction of Ben.')
  // The file must outlive Ben's browser context (its downloads are deleted with it).
  const benFile = path.join(path.dirname(file), 'ben-extraction-work.json')
  await (await download).saveAs(benFile)
  await benContext.close()

  await openTeamTab(page)
  await importWork(page, benFile)
  await expect(page.getByRole('status')).toContainText('Merged 0 new decisions and 1 extraction of Ben.')
  // Importing the same file again changes nothing.
  await importWork(page, benFile)
  await expect(page.getByRole('status')).toContainText('Merged 0 new decisions of Ben.')

  await anna.open()
  await anna.tab('Compare')
  await anna.choose('Record to compare', 'Record 01')
  const disagreements = page.getByRole('table', { name: 'Disagreements' })
  await expect(disagreements.getByRole('row')).toHaveCount(2)
  await expect(
    page
      .getByRole('radiogroup', { name: 'Value for Number of patients' })
      .getByRole('radio', { name: /\(Ben\): 42/ }),
  ).toBeVisible()
})
