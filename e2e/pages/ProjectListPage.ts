import { expect, type Page } from '@playwright/test'

/** The project list, driven through roles and labels only. */
export class ProjectListPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/')
    await expect(this.page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible()
  }

  projectsTable() {
    return this.page.getByRole('table', { name: 'Projects' })
  }

  projectLink(name: string) {
    return this.projectsTable().getByRole('button', { name, exact: true })
  }

  async create(name: string, description = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'New project' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New project' })
    await dialog.getByLabel('Project name').fill(name)
    if (description) await dialog.getByLabel('Description (optional)').fill(description)
    await dialog.getByRole('button', { name: 'Create' }).click()
    await expect(dialog).toBeHidden()
  }

  async rename(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${from}` }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Rename project' })
    await dialog.getByLabel('Project name').fill(to)
    await dialog.getByRole('button', { name: 'Save name' }).click()
    await expect(dialog).toBeHidden()
  }

  async delete(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${name}` }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Delete project' })
    await expect(dialog).toContainText(name)
    await dialog.getByRole('button', { name: 'Delete project' }).click()
    await expect(dialog).toBeHidden()
  }
}
