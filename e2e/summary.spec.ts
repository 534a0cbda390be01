import { readFile } from 'node:fs/promises'

import type { Download } from '@playwright/test'

import { expect, test } from './fixtures'
import { ProjectListPage } from './pages/ProjectListPage'

async function text(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8')
}

test('the demo project summary: sentences, pooled rates, forest plots, evidence table CSV and PRISMA diagram', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const projects = new ProjectListPage(page)
  await projects.goto()
  await page.getByRole('button', { name: 'Open demo project' }).first().click()
  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Summarise & export' })
    .click()
  await expect(page.getByRole('heading', { name: 'Summarise & export', level: 2 })).toBeVisible()

  const summaries = page.getByRole('region', { name: /^Summary: / })
  await expect(summaries.first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/\d+ studies \(.*case series.*\), \d+ patients/).first()).toBeVisible()
  await expect(page.getByRole('img', { name: /^Forest plot: / }).first()).toBeVisible()
  await page.getByLabel('Between-study variance (random effects)').selectOption({ label: 'REML' })
  await expect(page.getByText(/pooled \d+ %, 95 % CI/).first()).toBeVisible()

  await page.getByRole('tab', { name: 'Evidence table' }).click()
  const table = page.getByRole('table', { name: 'Evidence table' })
  await expect(table).toBeVisible()
  const total = Number(/of (\d+) rows/.exec((await page.getByText(/ of \d+ rows$/).textContent()) ?? '')?.[1])
  await page.getByLabel('Modality', { exact: true }).selectOption({ label: 'Surgery' })
  await expect(page.getByText(new RegExp(`^\\d+ of ${total} rows$`))).toBeVisible()
  await expect(table.getByRole('row').nth(1)).toContainText('Surgery')
  await page.getByRole('button', { name: 'Sort by value' }).click()
  await page.getByRole('button', { name: 'Sort by value' }).click()
  await expect(table.getByRole('columnheader', { name: /value/ })).toHaveAttribute('aria-sort', 'descending')
  await page.getByLabel('Modality', { exact: true }).selectOption({ label: 'All' })
  let download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV for Excel' }).click()
  const excel = await text(await download)
  expect(excel.startsWith('\uFEFF"study_id","first_author","year"')).toBe(true)
  expect(excel).toContain('\r\n')
  download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV for R / Python' }).click()
  const raw = await text(await download)
  expect(raw.startsWith('study_id,first_author,year')).toBe(true)
  expect(raw.trim().split(/\r?\n/).length).toBeGreaterThan(5)

  await page.getByRole('tab', { name: 'PRISMA 2020' }).click()
  await expect(page.getByRole('img', { name: 'PRISMA 2020 flow diagram' })).toBeVisible()
  download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save PRISMA 2020 flow diagram as SVG' }).click()
  const svg = await text(await download)
  expect(svg).toMatch(/^<svg|^<\?xml/)
  expect(svg).toContain('Records screened')

  await page.getByRole('tab', { name: 'Exports' }).click()
  download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export HTML report' }).click()
  const report = await text(await download)
  expect(report).toContain('<h2>PRISMA 2020 flow diagram</h2>')
  expect(report).not.toMatch(/<script/i)
  await page.getByRole('button', { name: 'Print report (or save as PDF)' }).click()
  await expect(
    page
      .frameLocator('iframe[title="Report being printed"]')
      .getByRole('heading', { name: 'PRISMA 2020 flow diagram' }),
  ).toBeAttached()
})
