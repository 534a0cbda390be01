import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { expect, test } from './fixtures'
import { writeRisRecords } from './data/make-records'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'

test('back up a project with a PDF, delete it, restore it; a damaged backup is refused', async ({ page }) => {
  const file = writeRisRecords(3, 'backup.ris')
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Backed up review')
  await projects.projectLink('Backed up review').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([file])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('3 records')

  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs('Dana')
  await screening.press('i')
  await screening.stage('Full text')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Attach PDF…' }).click()
  await (
    await chooser
  ).setFiles({ name: 'study.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
  await expect(page.getByText('Full text: study.pdf')).toBeVisible()

  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up project…' }).click()
  const backup = path.join(path.dirname(file), 'review.sift-backup')
  await (await download).saveAs(backup)

  await page.getByRole('button', { name: 'All projects' }).click()
  await projects.delete('Backed up review')
  await expect(page.getByText('No projects yet')).toBeVisible()

  const damaged = path.join(path.dirname(file), 'damaged.sift-backup')
  await writeFile(damaged, (await readFile(backup, 'utf8')).replace('Record 01', 'Record 99'))
  let picker = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Restore from backup…' }).click()
  await (await picker).setFiles(damaged)
  await expect(page.getByRole('status')).toContainText('Nothing was restored')
  await expect(page.getByText('No projects yet')).toBeVisible()

  picker = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Restore from backup…' }).click()
  await (await picker).setFiles(backup)
  const dialog = page.getByRole('dialog', { name: 'Restore project' })
  await expect(dialog).toContainText('with 3 records')
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByRole('status')).toContainText('Restored “Backed up review”')

  await projects.projectLink('Backed up review').click()
  await expect(importPage.recordCount()).toHaveText('3 records')
  await screening.open()
  await expect(screening.progress()).toHaveText('Screened 1 of 3')
  await screening.stage('Full text')
  await expect(page.getByText('Full text: study.pdf')).toBeVisible()
  await expect(page.getByTitle('Full text of the record: study.pdf')).toBeVisible()
})

test('the number of automatic backups kept is a setting that refuses nonsense and survives a reload', async ({
  page,
}) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Backup settings')
  await projects.projectLink('Backup settings').click()
  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  const kept = page.getByLabel('Automatic backups kept per project')
  await expect(kept).toHaveValue('7')
  await kept.fill('0')
  await kept.blur()
  await expect(page.getByText('Keep between 1 and 60 automatic backups per project.')).toBeVisible()
  await kept.fill('3')
  await kept.blur()
  await expect(page.getByText('Keep between 1 and 60 automatic backups per project.')).toBeHidden()
  await page.reload()
  await expect(page.getByLabel('Automatic backups kept per project')).toHaveValue('3')
})
