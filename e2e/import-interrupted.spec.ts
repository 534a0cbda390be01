import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'

function bigRis(count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) {
    text += `TY  - JOUR\nTI  - Interrupted import study ${index}\nAU  - Rossi, Marco\nPY  - 2020\nAB  - ${'Abstract text. '.repeat(40)}\nER  - \n\n`
  }
  return text
}

test('an import cut off by a reload keeps none of its records and shows as interrupted', async ({ page }) => {
  test.setTimeout(180_000)
  const folder = mkdtempSync(path.join(tmpdir(), 'sift-e2e-'))
  const file = path.join(folder, 'large.ris')
  writeFileSync(file, bigRis(60_000))
  try {
    const projects = new ProjectListPage(page)
    await projects.goto()
    await projects.create('Interrupted import')
    await projects.projectLink('Interrupted import').click()
    const importPage = new ImportPage(page)
    await importPage.open()
    await importPage.chooseFiles([file])
    await expect(importPage.preview('large.ris')).toContainText('60,000 records', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Import selected files' }).click()
    // Wait until part of the file is written inside the (still open) transaction, then leave the page.
    await expect(page.getByText(/Saving large\.ris: [1-9][\d,]* of 60,000 records/)).toBeVisible({
      timeout: 60_000,
    })
    await page.reload()

    await expect(importPage.recordCount()).toHaveText('0 records')
    const row = importPage.history().getByRole('row', { name: /large\.ris/ })
    await expect(row).toContainText('Interrupted')
    await row.getByRole('button', { name: 'Dismiss' }).click()
    await expect(importPage.history()).toHaveCount(0)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
