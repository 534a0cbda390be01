import { expect, test } from './fixtures'
import { writeRisRecords } from './data/make-records'
import { ExtractPage } from './pages/ExtractPage'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'

test('design a form, extract two studies, reload, then reconcile a second reviewer', async ({ page }) => {
  test.setTimeout(120_000)
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Extraction')
  await projects.projectLink('Extraction').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([writeRisRecords(3, 'extraction.ris')])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('3 records')

  const extract = new ExtractPage(page)
  await extract.open()
  await extract.startAs('Anna')
  await page.getByRole('button', { name: 'Use blank form' }).click()

  // A small form: the blank template plus arms, and a new section with a percent that has help text.
  await extract.tab('Form')
  await extract.addField('Treatment arms', 'Arms (repeating group)')
  await extract.addSection('Results')
  await extract.addField('Response rate', 'Percent', {
    section: 'Results',
    help: 'Complete or partial response.',
  })
  await page.getByRole('button', { name: 'Save form version' }).click()
  await expect(page.getByRole('status')).toHaveText('Form version 2 saved.')

  await extract.tab('Extract')
  await expect(page.getByText('No record is included yet, so every record is listed.')).toBeVisible()
  await extract.study('Record 01')
  await expect(
    page.getByRole('region', { name: 'Results', exact: true }).getByLabel('Response rate'),
  ).toHaveAccessibleDescription('Complete or partial response.')
  await page.getByLabel('Number of patients').fill('40')
  await page.getByRole('button', { name: 'Add arm' }).click()
  await page.getByRole('button', { name: 'Add arm' }).click()
  await page.getByLabel('Arm 1 label').fill('TACE')
  await page.getByLabel('Arm 1 n').fill('20')
  await page.getByLabel('Arm 2 label').fill('TARE')
  await page.getByLabel('Arm 2 n').fill('25')
  await page.getByLabel('Response rate').fill('55')
  await expect(extract.saveState()).toHaveText('Draft saved.')

  // From the keyboard: Alt+ArrowDown opens the next study, Ctrl+Enter marks it complete.
  await expect(page.getByRole('combobox', { name: 'Study', exact: true })).toHaveAttribute(
    'aria-keyshortcuts',
    'Alt+ArrowDown Alt+ArrowUp',
  )
  await page.keyboard.press('Alt+ArrowDown')
  await expect(page.getByRole('article', { name: 'Record being screened' })).toContainText('Record 02')
  await page.getByLabel('Number of patients').fill('12')
  await page.getByLabel('Response rate').fill('150')
  await expect(page.getByText('Response rate must be between 0 and 100 %.')).toBeVisible()
  await expect(extract.saveState()).toHaveText('Not saved: correct the values marked in red.')
  await page.getByLabel('Response rate').fill('30')
  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Control+Enter',
  )
  await page.keyboard.press('Control+Enter')
  await expect(extract.saveState()).toHaveText('Marked complete.')
  await page.keyboard.press('Alt+ArrowUp')
  await expect(page.getByRole('article', { name: 'Record being screened' })).toContainText('Record 01')

  // Completing needs the required fields.
  await extract.study('Record 03')
  await page.getByRole('button', { name: 'Mark complete' }).click()
  await expect(page.getByText('Number of patients is required.')).toBeVisible()

  await page.reload()
  await extract.open()
  await extract.study('Record 01')
  await expect(page.getByLabel('Number of patients')).toHaveValue('40')
  await expect(page.getByLabel('Arm 1 label')).toHaveValue('TACE')
  await expect(page.getByLabel('Arm 2 label')).toHaveValue('TARE')
  await expect(page.getByLabel('Arm 2 n')).toHaveValue('25')
  await expect(page.getByLabel('Response rate')).toHaveValue('55')
  await extract.study('Record 02')
  await expect(page.getByLabel('Number of patients')).toHaveValue('12')

  // A second reviewer extracts the same study with another number of patients.
  await extract.addReviewer('Ben')
  await extract.study('Record 02')
  await expect(page.getByLabel('Number of patients')).toHaveValue('')
  await page.getByLabel('Number of patients').fill('14')
  await page.getByLabel('Response rate').fill('30')
  await expect(extract.saveState()).toHaveText('Draft saved.')

  await extract.tab('Compare')
  await extract.choose('Record to compare', 'Record 02')
  const disagreements = page.getByRole('table', { name: 'Disagreements' })
  await expect(disagreements.getByRole('row')).toHaveCount(2)
  await page
    .getByRole('radiogroup', { name: 'Value for Number of patients' })
    .getByRole('radio', { name: 'B (Ben): 14' })
    .check()
  await page.getByRole('button', { name: 'Save consensus' }).click()
  await expect(page.getByRole('status')).toHaveText('Consensus saved.')
  await expect(page.getByText(/A consensus was saved on/)).toBeVisible()
})

test('NETLM form: outcome grid per arm with criteria and response counts, survival trend warned', async ({
  page,
}) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('NETLM extraction')
  await projects.projectLink('NETLM extraction').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([writeRisRecords(1, 'netlm-extraction.ris')])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('1 records')

  const extract = new ExtractPage(page)
  await extract.open()
  await extract.startAs('Chidi')
  await page.getByRole('button', { name: 'Use NETLM form' }).click()
  await extract.study('Record 01')
  await page.getByLabel('Number of patients').fill('30')
  await page.getByRole('button', { name: 'Add arm' }).click()
  await page.getByLabel('Arm 1 label').fill('TACE')
  await page.getByLabel('Arm 1 n').fill('40')
  await expect(page.getByText("TACE: n (40) is more than the study's number of patients (30).")).toBeVisible()
  await page.getByLabel('Arm 1 n').fill('30')
  await page.getByLabel('TACE › Objective tumour response › criteria').selectOption({ index: 1 })
  await page.getByLabel('TACE › Objective tumour response › CR', { exact: true }).fill('2')
  await page.getByLabel('TACE › Objective tumour response › PR', { exact: true }).fill('10')
  await page.getByLabel('TACE › Overall survival › 5 years › %', { exact: true }).fill('60')
  await page.getByLabel('TACE › Overall survival › 10 years › %', { exact: true }).fill('70')
  await expect(extract.saveState()).toHaveText('Draft saved.')
  await expect(page.getByRole('region', { name: 'Warnings' })).toBeVisible()
})
