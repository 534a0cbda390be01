import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'

const relevantTopic = 'Radioembolization with yttrium-90 microspheres for neuroendocrine liver metastases'
const otherTopic = 'Statin therapy and cardiovascular outcomes in older adults'

/** 12 records on the review's question interleaved with 28 on something else, so file order mixes them. */
function mixedRis(): string {
  let text = ''
  for (let index = 1; index <= 40; index++) {
    const isRelevant = index % 3 === 1 && index <= 34
    const title = isRelevant ? `${relevantTopic}: cohort ${index}` : `${otherTopic}: cohort ${index}`
    const abstract = isRelevant
      ? 'Hepatic neuroendocrine tumour metastases treated with selective internal radiation therapy using yttrium microspheres.'
      : 'Cholesterol lowering with statins and the risk of myocardial infarction and stroke.'
    text += `TY  - JOUR\nTI  - ${title}\nAU  - Author${index}, A\nPY  - 2020\nAB  - ${abstract}\nER  - \n\n`
  }
  return text
}

test('relevance order learns from decisions: records like the included ones come first, with the words why; the stopping panel updates', async ({
  page,
}) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sift-e2e-')), 'mixed.ris')
  writeFileSync(file, mixedRis())
  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Prioritised review')
  await projects.projectLink('Prioritised review').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([file])
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('40 records')

  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs('Rae')
  await page.getByLabel('Order').selectOption('relevance')
  await expect(page.getByText(/Relevance order starts once you have one relevant/)).toBeVisible()

  // Cold start (random order): decide as a reviewer would until there is one include and one exclude.
  let decided = 0
  const seen = new Set<string>()
  let relevantDecided = 0
  while (!(seen.has('relevant') && seen.has('other'))) {
    const title = (await screening.recordTitle().textContent()) ?? ''
    const isRelevant = title.startsWith(relevantTopic)
    seen.add(isRelevant ? 'relevant' : 'other')
    if (isRelevant) relevantDecided++
    await screening.press(isRelevant ? 'i' : 'e')
    decided++
    await expect(screening.progress()).toHaveText(`Screened ${decided} of 40`)
  }

  // The record already on screen came from the random order; decide it, and from then on the next record always
  // comes from the latest ranking: the records on the review's question come first, with the words behind them.
  const relevance = page.getByRole('group', { name: 'Relevance' })
  await expect(relevance).toContainText(`learned from ${decided} decisions`)
  let relevantLeft = 12 - relevantDecided
  const current = (await screening.recordTitle().textContent()) ?? ''
  if (current.startsWith(relevantTopic)) relevantLeft--
  await screening.press(current.startsWith(relevantTopic) ? 'i' : 'e')
  decided++
  for (let step = 0; step < Math.min(5, relevantLeft); step++) {
    await expect(relevance).toContainText(`learned from ${decided} decisions`)
    await expect(screening.recordTitle()).toHaveText(new RegExp(`^${relevantTopic}`))
    // Its rank comes from the newest ranking, which may have finished after this record was picked. The records
    // on the question score almost alike, so the order among them can change from one retrain to the next: what
    // holds is that they all come before the others.
    const rank = Number((await relevance.textContent())?.match(/Relevance rank (\d+) of/)?.[1])
    expect(rank).toBeGreaterThanOrEqual(1)
    expect(rank).toBeLessThanOrEqual(relevantLeft - step)
    await expect(relevance.getByRole('group', { name: 'Words that raised its rank' })).toContainText(
      /yttrium|microspheres|radioembolization|neuroendocrine|hepatic/,
    )
    await screening.press('i')
    decided++
    await expect(screening.progress()).toHaveText(`Screened ${decided} of 40`)
  }

  const stopping = page.getByRole('region', { name: 'When to stop' })
  await expect(
    stopping.getByRole('img', { name: /Recall curve: \d+ relevant found in \d+ of 40/ }),
  ).toBeVisible()
  await stopping.getByRole('button', { name: 'Start a stopping check' }).click()
  const check = stopping.getByRole('status', { name: 'Stopping check' })
  await expect(check).toContainText('Random sample: 0 of')
  await expect(page.getByLabel('Order')).toBeDisabled()
  await screening.press('e')
  await expect(check).toContainText('Random sample: 1 of')
  await expect(check).toContainText(/Keep screening the sample|You can stop/)
  await stopping.getByRole('button', { name: 'End the stopping check' }).click()
  await expect(page.getByLabel('Order')).toBeEnabled()
})
