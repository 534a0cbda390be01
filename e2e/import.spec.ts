import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import type { Download } from '@playwright/test'

import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'

async function readDownload(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8')
}

const data = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url))

test('import two files of different formats, preview, commit, see counts, undo one batch', async ({
  page,
}) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Import flow')
  await projects.projectLink('Import flow').click()
  const importPage = new ImportPage(page)
  await importPage.open()

  await importPage.chooseFiles([
    data('netlm-sample.ris'),
    data('netlm-sample.nbib'),
    data('not-citations.ris'),
  ])

  const ris = importPage.preview('netlm-sample.ris')
  await expect(ris).toContainText('RIS')
  await expect(ris).toContainText('3 records')
  const medline = importPage.preview('netlm-sample.nbib')
  await expect(medline).toContainText('2 records')
  await expect(medline.getByLabel('Source database for netlm-sample.nbib')).toHaveValue('PubMed')
  await expect(importPage.preview('not-citations.ris')).toContainText('This file cannot be imported')
  await expect(importPage.preview('not-citations.ris')).toContainText('PDF')

  await ris.getByLabel('Source database for netlm-sample.ris').fill('Embase')
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(page.getByText('5 records from 2 files.')).toBeVisible()
  await expect(importPage.recordCount()).toHaveText('5 records')

  const history = importPage.history()
  await expect(history.getByRole('row', { name: /netlm-sample\.ris.*Embase/ })).toBeVisible()
  await expect(history.getByRole('row', { name: /netlm-sample\.nbib.*PubMed/ })).toBeVisible()

  // The same file again is recognised and not ticked for import.
  await importPage.chooseFiles([data('netlm-sample.ris')])
  await expect(importPage.preview('netlm-sample.ris')).toContainText('Already imported')
  await expect(importPage.preview('netlm-sample.ris').getByLabel('Import this file')).not.toBeChecked()
  await page.getByRole('button', { name: 'Cancel' }).click()

  await history
    .getByRole('row', { name: /netlm-sample\.ris/ })
    .getByRole('button', { name: 'Undo import' })
    .click()
  await page
    .getByRole('dialog', { name: 'Undo import' })
    .getByRole('button', { name: 'Remove records' })
    .click()
  await expect(importPage.recordCount()).toHaveText('2 records')
  await expect(history.getByRole('row', { name: /netlm-sample\.ris/ })).toHaveCount(0)

  // Imported text is shown as text: markup in a title never runs (RELIABILITY.md S6).
  await page.reload()
  await expect(importPage.recordCount()).toHaveText('2 records')
})

test('records list searches and sorts, and shows markup in titles as text', async ({ page }) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Records list')
  await projects.projectLink('Records list').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([data('netlm-sample.ris'), data('netlm-sample.nbib')])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('5 records')

  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Records' })
    .click()
  const table = page.getByRole('table', { name: 'Records' })
  await expect(table.getByRole('row')).toHaveCount(6)
  await expect(table).toContainText('<img src=x onerror=alert(1)>')
  expect(dialogs).toBe(0)

  await page.getByLabel('Search records').fill('neuroendocrine liver')
  await expect(page.getByText('2 records match')).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(3)

  await page.getByLabel('Search records').fill('')
  await page.getByLabel('Sort by').selectOption({ label: 'Year, newest first' })
  await expect(table.getByRole('row').nth(1)).toContainText('Yttrium-90')

  const ris = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export RIS' }).click()
  const risText = await readDownload(await ris)
  expect(risText.match(/^TY {2}- /gm)).toHaveLength(5)

  await page.getByLabel('Search records').fill('neuroendocrine liver')
  await expect(page.getByText('2 records match')).toBeVisible()
  const csv = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csvText = await readDownload(await csv)
  expect(csvText.startsWith('\uFEFFtitle,authors,year')).toBe(true)
  expect(csvText.trim().split('\r\n')).toHaveLength(3)
})

test('a CSV column the automatic mapping missed can be mapped by hand before importing', async ({ page }) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('CSV mapping')
  await projects.projectLink('CSV mapping').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([data('custom-columns.csv')])

  const preview = importPage.preview('custom-columns.csv')
  await expect(preview).toContainText('2 records')
  await expect(preview).toContainText('First: (no title)')
  await preview.getByText(/Columns \(\d of 5 mapped\)/).click()
  const mapping = preview.getByRole('table', { name: 'Column mapping for custom-columns.csv' })
  await expect(mapping.getByLabel('Field for column DOI')).toHaveValue('doi')
  await mapping.getByLabel('Field for column Article name').selectOption({ label: 'Title' })
  await expect(preview).toContainText('First: Everolimus for advanced pancreatic neuroendocrine tumors')

  await preview.getByLabel('Source database for custom-columns.csv').fill('Lens')
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('2 records')
  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Records' })
    .click()
  await expect(page.getByRole('table', { name: 'Records' })).toContainText(
    'Sunitinib malate for pancreatic NETs',
  )
})
