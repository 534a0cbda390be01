import { writeFile } from 'node:fs/promises'

import { expect, test } from './fixtures'
import { DedupPage } from './pages/DedupPage'
import { ImportPage } from './pages/ImportPage'
import { ProjectListPage } from './pages/ProjectListPage'
import { ScreeningPage } from './pages/ScreeningPage'

// Two exports sharing papers: the radioembolization paper has the same DOI in other capitals and a shorter page
// range in Embase (certain); the cholangiocarcinoma paper has no DOI and slightly different titles (uncertain).
const pubmedRis = `TY  - JOUR
TI  - Radioembolization with yttrium-90 microspheres for colorectal liver metastases
AU  - Okafor, Chidi
AU  - Lindqvist, Anna
PY  - 2020
JO  - Journal of Vascular and Interventional Radiology
VL  - 31
IS  - 2
SP  - 210
EP  - 218
DO  - 10.1000/sift.dedup.0001
AB  - Background: Radioembolization for unresectable colorectal liver metastases. Methods: 88 patients.
ER  - 

TY  - JOUR
TI  - Hepatic arterial infusion chemotherapy in unresectable intrahepatic cholangiocarcinoma
AU  - Moreau, Lucie
AU  - Tanaka, Hiroshi
PY  - 2019
JO  - Annals of Surgical Oncology
VL  - 26
SP  - 1001
EP  - 1009
AB  - Hepatic arterial infusion of floxuridine in 41 patients with intrahepatic cholangiocarcinoma.
ER  - 

TY  - JOUR
TI  - Stereotactic body radiotherapy for small pancreatic tumours: early outcomes
AU  - Novak, Petr
PY  - 2018
JO  - Radiotherapy and Oncology
DO  - 10.1000/sift.dedup.0003
ER  - 
`

const embaseRis = `TY  - JOUR
TI  - RADIOEMBOLIZATION WITH YTTRIUM-90 MICROSPHERES FOR COLORECTAL LIVER METASTASES
AU  - Okafor, C.
AU  - Lindqvist, A.
PY  - 2020
JO  - J Vasc Interv Radiol
VL  - 31
SP  - 210
DO  - 10.1000/SIFT.DEDUP.0001
ER  - 

TY  - JOUR
TI  - Hepatic artery infusion chemotherapy for unresectable intrahepatic cholangiocarcinoma
AU  - Moreau, Lucie
AU  - Garcia, Elena
PY  - 2019
JO  - Annals of Surgical Oncology
AB  - Hepatic arterial infusion of floxuridine in 41 patients with intrahepatic cholangiocarcinoma.
ER  - 

TY  - JOUR
TI  - Irreversible electroporation of the pancreas: a systematic review
AU  - Weber, Klaus
PY  - 2021
JO  - HPB
DO  - 10.1000/sift.dedup.0006
ER  - 
`

test('each import is checked for duplicates: the certain one merges with its decision carried over, review and undo', async ({
  page,
}, testInfo) => {
  const pubmedPath = testInfo.outputPath('pubmed.ris')
  const embasePath = testInfo.outputPath('embase.ris')
  await writeFile(pubmedPath, pubmedRis)
  await writeFile(embasePath, embaseRis)

  const projects = new ProjectListPage(page)
  await projects.goto()
  await projects.create('Dedup flow')
  await projects.projectLink('Dedup flow').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  await importPage.chooseFiles([embasePath])
  await importPage.preview('embase.ris').getByLabel('Source database for embase.ris').fill('Embase')
  await page.getByRole('button', { name: 'Import selected files' }).click()
  await expect(importPage.recordCount()).toHaveText('3 records')
  await expect(importPage.duplicateCheck()).toContainText(
    '0 certain duplicate clusters and 0 possible duplicates',
  )

  // A decision on the Embase copy of the radioembolization paper, which the fuller PubMed copy will replace.
  const screening = new ScreeningPage(page)
  await screening.open()
  await screening.startAs('Ana')
  await expect(screening.recordTitle()).toHaveText(/RADIOEMBOLIZATION WITH YTTRIUM-90/)
  await screening.press('i')
  await expect(screening.progress()).toHaveText('Screened 1 of 3')

  await importPage.open()
  await importPage.chooseFiles([pubmedPath])
  await importPage.preview('pubmed.ris').getByLabel('Source database for pubmed.ris').fill('PubMed')
  await page.getByRole('button', { name: 'Import selected files' }).click()
  const check = importPage.duplicateCheck()
  await expect(check).toContainText('1 certain duplicate cluster (1 merged automatically)')
  await expect(check).toContainText('1 possible duplicate to review')
  await expect(importPage.recordCount()).toHaveText('5 records')
  await check.getByRole('link', { name: 'Review duplicates' }).click()

  const dedup = new DedupPage(page)
  await expect(page.getByRole('heading', { name: 'Deduplicate', level: 2 })).toBeVisible()
  await expect(dedup.autoMerge()).toBeChecked()
  await expect(dedup.recordCount()).toHaveText('5 records')
  await expect(dedup.duplicatesRemoved()).toHaveText('1 duplicate removed')
  const merged = dedup.mergedTable().getByRole('row', { name: /Radioembolization with yttrium-90/ })
  await expect(merged).toContainText('Embase, PubMed')
  await expect(merged).toContainText('Carried over to the kept record: 1 decision')

  // The kept (PubMed) record carries Ana's decision: the screening count still says one screened.
  await screening.open()
  await expect(screening.progress()).toHaveText('Screened 1 of 5')
  await dedup.open()

  // The uncertain pair, side by side, with the differing fields marked.
  const queue = dedup.reviewQueue()
  await expect(queue).toContainText('Suggestion 1 of 1')
  await expect(dedup.comparison().getByRole('rowheader', { name: 'Title differs' })).toBeVisible()
  await expect(dedup.comparison().getByRole('rowheader', { name: 'Year', exact: true })).toBeVisible()
  await expect(dedup.comparison()).toContainText('Hepatic artery infusion chemotherapy for unresectable')
  await page.keyboard.press('m')
  await expect(queue).toContainText('No suggested duplicates are waiting for review.')
  await expect(dedup.recordCount()).toHaveText('4 records')
  await expect(dedup.duplicatesRemoved()).toHaveText('2 duplicates removed')

  // Undo the automatic merge: both records are back, and the pair returns to the queue.
  await dedup.undoMerge(/Radioembolization with yttrium-90/)
  await expect(dedup.recordCount()).toHaveText('5 records')
  await expect(dedup.duplicatesRemoved()).toHaveText('1 duplicate removed')
  await expect(queue).toContainText('Certain duplicate')
  await queue.getByRole('button', { name: 'Not duplicates', exact: true }).click()
  await expect(queue).toContainText('No suggested duplicates are waiting for review.')

  // "Not duplicates" is remembered: another run does not bring the pair back.
  await dedup.findDuplicates()
  await expect(dedup.outcome()).toContainText('0 certain duplicate clusters and 0 possible duplicates')
  await expect(dedup.recordCount()).toHaveText('5 records')

  // Every list leaves the merged-away record out.
  await importPage.open()
  await expect(importPage.recordCount()).toHaveText('5 records')
  await page
    .getByRole('navigation', { name: 'Project sections' })
    .getByRole('button', { name: 'Records' })
    .click()
  await expect(page.getByText(/Hepatic art\w+ infusion chemotherapy/)).toHaveCount(1)
})
