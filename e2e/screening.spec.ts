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
})
