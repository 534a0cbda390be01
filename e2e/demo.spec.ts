import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'

const demoName = 'Demo: NETLM treatment review (invented data)'

test('open the demo project from the empty project list: records imported, the tag matrix counts filled, loaded once', async ({
  page,
}) => {
  const projects = new ProjectListPage(page)
  await projects.goto()
  await page
    .getByRole('region', { name: 'No projects yet' })
    .getByRole('button', { name: 'Open demo project' })
    .click()

  await expect(page.getByRole('heading', { name: demoName })).toBeVisible()
  const importPage = new ImportPage(page)
  await importPage.open()
  await expect(importPage.recordCount()).toHaveText('16 records')
  await expect(importPage.history()).toContainText('demo-pubmed-export.nbib')
  await expect(importPage.history()).toContainText('demo-embase-export.ris')

  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Tag' })
    .click()
  await page.getByRole('tab', { name: 'Modality × design' }).click()
  const matrix = page.getByRole('table', { name: 'Modality by study design' })
  await expect(
    matrix.getByRole('button', { name: /^Transarterial chemoembolization.*, Case series: 2 records$/ }),
  ).toBeVisible()
  await expect(
    matrix.getByRole('button', { name: /^Surgery, Retrospective cohort: 2 records$/ }),
  ).toBeVisible()
  await expect(
    matrix.getByRole('button', {
      name: /^Peptide receptor radionuclide therapy, Randomised controlled trial: 1 records$/,
    }),
  ).toBeVisible()

  // A second request opens the same demo instead of making another one.
  await projects.goto()
  await expect(projects.projectLink(demoName)).toBeVisible()
  await page.getByRole('button', { name: 'Open demo project' }).click()
  await expect(page.getByRole('heading', { name: demoName })).toBeVisible()
  await projects.goto()
  await expect(projects.projectsTable().getByRole('row')).toHaveCount(2)
})
