import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'

/** A file given to the page's file picker straight from memory. */
function risUpload(name: string, text: string) {
  return { name, mimeType: 'application/x-research-info-systems', buffer: Buffer.from(text, 'utf8') }
}

/** 10,000 RIS records of which record 5,000 has lost its TY line; returns the text and that record's first line. */
function tenThousandWithOneBad(): { text: string; badLine: number } {
  const lines: string[] = []
  let badLine = 0
  for (let index = 1; index <= 10_000; index++) {
    if (index === 5_000) badLine = lines.length + 1
    else lines.push('TY  - JOUR')
    lines.push(`TI  - Bad input study ${index}`, 'PY  - 2021', 'ER  - ', '')
  }
  return { text: lines.join('\n'), badLine }
}

async function openImport(page: Page, project: string): Promise<ImportPage> {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create(project)
  await projects.projectLink(project).click()
  const importPage = new ImportPage(page)
  await importPage.open()
  return importPage
}

async function choose(page: Page, file: ReturnType<typeof risUpload>) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles(file)
}

test('one bad record among 10,000: the preview names its line; nothing or the valid rows are written, as chosen (RELIABILITY.md D1)', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const { text, badLine } = tenThousandWithOneBad()
  const file = risUpload('one-bad.ris', text)
  const importPage = await openImport(page, 'Bad record')

  await choose(page, file)
  const preview = importPage.preview('one-bad.ris')
  await expect(preview).toContainText('9,999 records', { timeout: 60_000 })
  await expect(preview.getByLabel('Warnings for one-bad.ris')).toContainText(
    `Line ${badLine}: tag TI outside a record (before TY) ignored`,
  )

  // Nothing: leave the file out (the import button is then disabled), or cancel the preview.
  await preview.getByLabel('Import this file').uncheck()
  await expect(page.getByText('No file is selected for import.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Import selected files' })).toBeDisabled()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(importPage.recordCount()).toHaveText('0 records')
  await expect(importPage.history()).toHaveCount(0)

  // The valid rows: import it.
  await choose(page, file)
  await expect(importPage.preview('one-bad.ris')).toContainText('9,999 records', { timeout: 60_000 })
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('9,999 records', { timeout: 60_000 })
})

test('markup and scripts in an imported title or abstract are shown as text and never run (RELIABILITY.md S6)', async ({
  page,
}) => {
  const title = `<script>window.__siftXss = 'title script'</script> Lanreotide <img src=x onerror="window.__siftXss = 'title img'">`
  const abstract = `Results <img src=x onerror="window.__siftXss = 'abstract img'"> and <script>window.__siftXss = 'abstract script'</script> end.`
  const ris = `TY  - JOUR\nTI  - ${title}\nAU  - Doe, Jane\nPY  - 2022\nAB  - ${abstract}\nER  - \n`
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  const importPage = await openImport(page, 'Markup in records')
  await choose(page, risUpload('xss.ris', ris))
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('1 records')

  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Records' })
    .click()
  await expect(page.getByRole('table', { name: 'Records' })).toContainText(title)

  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs('Dana')
  const record = page.getByRole('article', { name: 'Record being screened' })
  await expect(screening.recordTitle()).toContainText(title)
  await expect(record).toContainText(abstract)

  // Nothing of the payload became markup, and nothing of it ran.
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('script:not([src])')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __siftXss?: string }).__siftXss)).toBeUndefined()
  expect(dialogs).toBe(0)
})
