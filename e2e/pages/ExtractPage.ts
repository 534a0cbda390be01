import { expect, type Page } from '@playwright/test'

/** The Extract section of a project: form designer, extraction form and comparison. */
export class ExtractPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('button', { name: 'Extract' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'Extract', level: 2 })).toBeVisible()
  }

  /** The first reviewer on this machine says who they are (the same setup as screening). */
  async startAs(name: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name)
    await this.page.getByRole('button', { name: 'Start screening' }).click()
  }

  async addReviewer(name: string): Promise<void> {
    await this.page.getByLabel('New reviewer').fill(name)
    await this.page.getByRole('button', { name: 'Add reviewer' }).click()
    await expect(this.page.getByText(`Extracting as ${name}`)).toBeVisible()
  }

  async tab(name: 'Extract' | 'Form' | 'Compare'): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  async addSection(name: string): Promise<void> {
    await this.page.getByLabel('New section name').fill(name)
    await this.page.getByRole('button', { name: 'Add section' }).click()
    await expect(this.page.getByRole('region', { name: `Section ${name}`, exact: true })).toBeVisible()
  }

  async addField(
    label: string,
    type: string,
    options: { section?: string; help?: string } = {},
  ): Promise<void> {
    const section = this.page.getByRole('region', { name: 'Add a field' })
    if (options.section)
      await section.getByLabel('Section', { exact: true }).selectOption({ label: options.section })
    if (options.help) await section.getByLabel('Help text').fill(options.help)
    await section.getByLabel('Field label').fill(label)
    await section.getByLabel('Field type').selectOption({ label: type })
    await section.getByRole('button', { name: 'Add field' }).click()
    await expect(this.page.getByLabel(/^Label of field /).last()).toHaveValue(label)
  }

  /** Chooses an option of a select by the start of its text (titles end with the extraction's status). */
  async choose(selectLabel: string, startOfText: string): Promise<void> {
    const select = this.page.getByRole('combobox', { name: selectLabel, exact: true })
    const value = await select.locator('option', { hasText: startOfText }).first().getAttribute('value')
    await select.selectOption(value ?? '')
  }

  async study(title: string): Promise<void> {
    await this.choose('Study', title)
    await expect(this.page.getByRole('article', { name: 'Record being screened' })).toContainText(title)
  }

  saveState() {
    return this.page.getByRole('status', { name: 'Save state' })
  }
}
