import { expect, test } from './fixtures'
import { writeRisRecords } from './data/make-records'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'

test('screen 20 records with the keyboard only, undo, and exclude at full text with a reason', async ({
  page,
}) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Keyboard screening')
  await projects.projectLink('Keyboard screening').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([writeRisRecords(20)])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('20 records')

  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs('Anna Lindqvist')
  await expect(screening.progress()).toHaveText('Screened 0 of 20')
  await expect(screening.recordTitle()).toContainText('Record 01')

  // Records 1–5 included, 6–8 maybe, the rest excluded: I, M and E from the keyboard.
  const keys = [...'IIIIIMMM', ...'EEEEEEEEEEEE']
  for (const [index, key] of keys.entries()) {
    await expect(screening.recordTitle()).toContainText(`Record ${String(index + 1).padStart(2, '0')}`)
    await screening.press(key.toLowerCase())
  }
  await expect(screening.progress()).toHaveText('Screened 20 of 20')

  await screening.press('u')
  await expect(screening.progress()).toHaveText('Screened 19 of 20')
  await expect(screening.recordTitle()).toContainText('Record 20')
  await screening.press('i')
  await expect(screening.progress()).toHaveText('Screened 20 of 20')

  // K goes back; the buttons show the decision made.
  await screening.press('k')
  await expect(screening.recordTitle()).toContainText('Record 19')
  await expect(page.getByRole('button', { name: 'Exclude' })).toHaveAttribute('aria-pressed', 'true')

  await screening.stage('Full text')
  await expect(screening.progress()).toHaveText('Screened 0 of 9')
  await expect(screening.recordTitle()).toContainText('Record 01')
  await screening.press('e')
  await expect(page.getByRole('group', { name: 'Exclusion reason' })).toBeVisible()
  await screening.press('2')
  await expect(screening.progress()).toHaveText('Screened 1 of 9')
  await screening.press('k')
  await expect(page.getByText('Excluded: Wrong intervention')).toBeVisible()

  // The records list filters by screening outcome, and a bulk action decides every record listed.
  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Records' })
    .click()
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Excluded' })
  await expect(page.getByText('11 records match')).toBeVisible()
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Any decision' })
  await page.getByLabel('Year to').fill('2005')
  await expect(page.getByText('5 records match')).toBeVisible()
  await page.getByRole('button', { name: 'Apply to 5 records' }).click()
  await page
    .getByRole('dialog', { name: 'Decide for all listed records' })
    .getByRole('button', { name: 'Apply' })
    .click()
  await expect(page.getByRole('status')).toHaveText('5 records marked exclude at title & abstract.')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Excluded' })
  await expect(page.getByText('16 records match')).toBeVisible()
})

test('highlight terms from Settings, notes, and a full-text PDF shown beside the record', async ({
  page,
}) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Full text')
  await projects.projectLink('Full text').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([writeRisRecords(5, 'fulltext.ris')])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('5 records')

  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByLabel('Highlight as inclusion terms (green)').fill('"case series" radioembol*')
  await page.getByLabel('Highlight as exclusion terms (red)').fill('resection')
  await page.getByRole('button', { name: 'Save screening settings' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved.')

  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs('Chidi')
  await expect(screening.recordTitle()).toContainText('Record 01: radioembolization')
  const article = page.getByRole('article', { name: 'Record being screened' })
  await expect(article.locator('mark[data-term="include"]').first()).toHaveText('radioembolization')
  await expect(article.locator('mark[data-term="include"]', { hasText: 'case series' })).toHaveCount(1)

  await page.getByLabel('Note on this record').fill('Check overlap with the 2019 cohort')
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByText('Check overlap with the 2019 cohort')).toBeVisible()
  await page.getByLabel('Add a label').fill('ask statistician')
  await page.getByLabel('Add a label').press('Enter')
  await expect(page.getByRole('button', { name: 'Remove label ask statistician' })).toBeVisible()
  await page.getByLabel('Add a label').press('Escape')

  await screening.press('i')
  await screening.stage('Full text')
  await expect(screening.progress()).toHaveText('Screened 0 of 1')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Attach PDF…' }).click()
  await (
    await chooser
  ).setFiles({ name: 'not-a-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello') })
  await expect(page.getByText('not-a-pdf.pdf is not a PDF file.')).toBeVisible()
  const again = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Attach PDF…' }).click()
  await (
    await again
  ).setFiles({ name: 'lindqvist-2019.pdf', mimeType: 'application/pdf', buffer: minimalPdf() })
  await expect(page.getByText('Full text: lindqvist-2019.pdf')).toBeVisible()
  await expect(page.getByTitle('Full text of the record: lindqvist-2019.pdf')).toBeVisible()

  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Records' })
    .click()
  await page.getByLabel('Label', { exact: true }).selectOption({ label: 'ask statistician' })
  await expect(page.getByText('1 records match')).toBeVisible()
  await page.getByLabel('Label', { exact: true }).selectOption({ label: 'Any label' })
  await page.getByLabel('Has PDF').check()
  await expect(page.getByText('1 records match')).toBeVisible()
})

/** A one-page PDF, enough for a viewer to open. */
function minimalPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  )
}
