import { expect, test } from './fixtures'
import { ProjectListPage } from './pages/ProjectListPage'

test('create a project, find it after a reload, open, rename and delete it', async ({ page }) => {
  const projects = new ProjectListPage(page)
  await projects.goto()

  await projects.create('NETLM treatments', 'Unresectable neuroendocrine liver metastases')
  await expect(projects.projectLink('NETLM treatments')).toBeVisible()

  await page.reload()
  await expect(projects.projectLink('NETLM treatments')).toBeVisible()

  await projects.projectLink('NETLM treatments').click()
  await expect(page.getByRole('heading', { name: 'NETLM treatments', level: 1 })).toBeVisible()
  const sections = page.getByRole('navigation', { name: 'Project sections' })
  for (const label of [
    'Import',
    'Deduplicate',
    'Screen',
    'Tag',
    'Extract',
    'Summarise & export',
    'Settings',
  ]) {
    await expect(sections.getByRole('button', { name: label })).toBeVisible()
  }
  await sections.getByRole('button', { name: 'Screen' }).click()
  await expect(page.getByRole('heading', { name: 'Screen', level: 2 })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Screen', level: 2 })).toBeVisible()

  await page.getByRole('button', { name: 'All projects' }).click()
  await projects.rename('NETLM treatments', 'NETLM liver-directed therapy')
  await expect(projects.projectLink('NETLM liver-directed therapy')).toBeVisible()

  await projects.delete('NETLM liver-directed therapy')
  await expect(page.getByText('No projects yet')).toBeVisible()
  await page.reload()
  await expect(page.getByText('No projects yet')).toBeVisible()
})

test('a project needs a name, and a cancelled delete keeps it', async ({ page }) => {
  const projects = new ProjectListPage(page)
  await projects.goto()

  await page.getByRole('button', { name: 'New project' }).click()
  const dialog = page.getByRole('dialog', { name: 'New project' })
  await dialog.getByLabel('Project name').fill('   ')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog.getByText('Give the project a name.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await projects.create('Kept project')
  await page.getByRole('button', { name: 'Delete Kept project' }).click()
  await page.getByRole('dialog', { name: 'Delete project' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(projects.projectLink('Kept project')).toBeVisible()
})
