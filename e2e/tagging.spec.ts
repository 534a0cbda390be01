import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'

const data = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url))

/** A design's evidence level as stored in the app's database (read in the page). */
async function storedEvidenceLevel(label: string): Promise<number | undefined> {
  const request = <T>(r: IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'))
    })
  const db = await request(indexedDB.open('sift'))
  const taxonomies = (await request(db.transaction('taxonomies').objectStore('taxonomies').getAll())) as {
    terms: { label: string; evidenceLevel?: number }[]
  }[]
  db.close()
  return taxonomies.flatMap((taxonomy) => taxonomy.terms).find((term) => term.label === label)?.evidenceLevel
}

test('tag by modality and design: accept suggestions by key, bulk-accept, see the matrix, filter by a tag', async ({
  page,
}) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Tagging')
  await projects.projectLink('Tagging').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([data('netlm-sample.ris'), data('netlm-sample.nbib')])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('5 records')

  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Tag' })
    .click()
  await page.getByRole('button', { name: 'Use NETLM template' }).click()
  await page.getByLabel('Records to tag').selectOption({ label: 'All records' })
  await expect(page.getByText('Record 1 of 5')).toBeVisible()

  // Record 1: TACE in a retrospective cohort; the reason names the words that revealed it.
  const suggestions = page.getByRole('list', { name: 'Suggested tags' })
  await expect(suggestions).toContainText('“Transarterial chemoembolization” in title; “TACE” in abstract')
  await expect(suggestions).toContainText('Retrospective cohort')
  await page.locator('body').press('a')
  await expect(suggestions).toHaveCount(0)
  const tags = page.getByLabel('Tags on this record')
  await expect(tags.getByRole('button', { name: /Remove tag Transarterial chemoembolization/ })).toBeVisible()
  await expect(tags.getByRole('button', { name: 'Remove tag Retrospective cohort' })).toBeVisible()

  // Record 2: reject the design suggestion, keep the modality.
  await page.locator('body').press('j')
  await expect(page.getByText('Record 2 of 5')).toBeVisible()
  await expect(suggestions).toContainText('Radioembolization')
  await suggestions.getByRole('button', { name: 'Reject Case series' }).click()
  await expect(suggestions).not.toContainText('Case series')

  await page.getByLabel('Minimum confidence (%)').fill('60')
  await page.getByRole('button', { name: 'Accept suggestions for all 5 records' }).click()
  await expect(page.getByRole('status')).toContainText('Accepted')

  await page.getByRole('tab', { name: 'Modality × design' }).click()
  const matrix = page.getByRole('table', { name: 'Modality by study design' })
  const cell = matrix.getByRole('button', {
    name: /^Transarterial chemoembolization.*, Retrospective cohort: 1 records$/,
  })
  // Record 2's design was rejected, so the bulk run did not add it back: radioembolization has no design cell.
  await expect(matrix.getByRole('button', { name: /^Radioembolization/ })).toHaveCount(0)
  await cell.click()
  await expect(page.getByRole('list', { name: 'Records in the chosen cell' })).toContainText(
    'Transarterial chemoembolization for neuroendocrine liver metastases',
  )

  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Records' })
    .click()
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Randomised controlled trial' })
  await expect(page.getByText('1 records match')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Records' })).toContainText('177Lu-DOTATATE')

  const csv = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const text = await readFile(await (await csv).path(), 'utf8')
  expect(text.split('\r\n')[0]).toMatch(/,modality,design$/)
  expect(text).toContain('Peptide receptor radionuclide therapy')
  expect(text).toMatch(/Randomised controlled trial\r\n$/)

  // Taxonomies are editable: a design's evidence level and a new modality synonym, kept across a reload.
  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Tag' })
    .click()
  await page.getByRole('tab', { name: 'Taxonomies' }).click()
  await page.getByLabel('Evidence level of Case series').fill('8')
  await page.getByLabel('Evidence level of Case series').blur()
  // The edit is saved in the background; a reload at once could come before it is written.
  await expect.poll(() => page.evaluate(storedEvidenceLevel, 'Case series')).toBe(8)
  await page.reload()
  await page.getByRole('tab', { name: 'Taxonomies' }).click()
  await expect(page.getByLabel('Evidence level of Case series')).toHaveValue('8')
})
