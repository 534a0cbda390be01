import { expect, type Page } from '@playwright/test'

/** The Screen section of a project. */
export class ScreeningPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('button', { name: 'Screen' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'Screen', level: 2 })).toBeVisible()
  }

  async startAs(name: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name)
    await this.page.getByRole('button', { name: 'Start screening' }).click()
    await expect(this.page.getByText(`Screening as ${name}`)).toBeVisible()
  }

  progress() {
    return this.page.getByText(/^Screened [\d,]+ of [\d,]+$/)
  }

  recordTitle() {
    return this.page
      .getByRole('article', { name: 'Record being screened' })
      .getByRole('heading', { level: 3 })
  }

  async stage(label: 'Title & abstract' | 'Full text'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Screening stage' }).getByText(label).click()
  }

  /** Presses a key with nothing focused, as a reviewer working from the keyboard would. */
  async press(key: string): Promise<void> {
    await this.page.locator('body').press(key)
  }
}
