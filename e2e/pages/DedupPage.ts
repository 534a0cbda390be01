import { expect, type Page } from '@playwright/test'

/** The Deduplicate section of a project. */
export class DedupPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('button', { name: 'Deduplicate' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'Deduplicate', level: 2 })).toBeVisible()
  }

  async findDuplicates(): Promise<void> {
    await this.page.getByRole('button', { name: 'Find duplicates' }).click()
    await expect(this.outcome()).toBeVisible()
  }

  outcome() {
    return this.page.getByRole('status').filter({ hasText: 'Duplicates found' })
  }

  recordCount() {
    return this.page.getByLabel('Records in project')
  }

  duplicatesRemoved() {
    return this.page.getByLabel('Duplicates removed')
  }

  autoMerge() {
    return this.page.getByRole('switch', { name: 'Merge certain duplicates automatically' })
  }

  reviewQueue() {
    return this.page.getByRole('region', { name: 'Review queue' })
  }

  comparison() {
    return this.reviewQueue().getByRole('table', { name: 'Candidate records side by side' })
  }

  mergedTable() {
    return this.page.getByRole('table', { name: 'Merged duplicates' })
  }

  async undoMerge(title: RegExp): Promise<void> {
    await this.mergedTable()
      .getByRole('row', { name: title })
      .getByRole('button', { name: 'Undo merge' })
      .click()
  }
}
