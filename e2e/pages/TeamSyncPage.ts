import { expect, type Page } from '@playwright/test'

/** The sync server of the e2e run: playwright.config.ts serves it on the port after the app's. */
export function syncServerBase(): string {
  return `http://127.0.0.1:${Number(process.env.SIFT_E2E_PORT ?? 4517) + 1}`
}

/** Settings ▸ Team sync of a project. */
export class TeamSyncPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'Team sync', level: 3 })).toBeVisible()
  }

  async connect(database: string, user: string, password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Database' }).fill(database)
    await this.page.getByRole('textbox', { name: 'User name' }).fill(user)
    await this.page.getByRole('textbox', { name: 'Password' }).fill(password)
    await this.page.getByRole('button', { name: 'Connect' }).click()
    await expect(this.page.getByText(`Connected to ${database} as ${user}`)).toBeVisible()
  }

  status() {
    return this.page.getByRole('status', { name: 'Sync status' })
  }

  async waitUntilUpToDate(): Promise<void> {
    await expect(this.status()).toContainText('Status: Up to date', { timeout: 20_000 })
    await expect(this.status()).toContainText('Waiting to send: 0 events')
  }
}
