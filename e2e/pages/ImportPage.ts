import { expect, type Page } from '@playwright/test'

/** The Import section of a project. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('button', { name: 'Import' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'Import', level: 2 })).toBeVisible()
  }

  /** Chooses files through the "Choose files…" button (the browser's file picker). */
  async chooseFiles(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: 'Choose files…' }).click()
    await (await chooser).setFiles(paths)
  }

  preview(fileName: string) {
    return this.page.getByRole('region', { name: `Preview of ${fileName}` })
  }

  history() {
    return this.page.getByRole('table', { name: 'Import history' })
  }

  /** The outcome of the duplicate check that follows each import. */
  duplicateCheck() {
    return this.page.getByRole('status').filter({ hasText: 'Duplicate check' })
  }

  recordCount() {
    return this.page.getByLabel('Records in project')
  }
}
