import { defineConfig } from '@playwright/test'

import { chromiumExecutable, chromiumSwitches } from './e2e/chromium'
const port = Number(process.env.SIFT_E2E_PORT ?? 4517)
/** The in-process CouchDB-protocol server of the team-sync spec; vite preview forwards `/couchdb` to it. */
const syncPort = port + 1

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumExecutable, args: [...chromiumSwitches] },
  },
  projects: [
    { name: 'browser', testIgnore: /electron\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
  webServer: [
    {
      command: `npx tsx test/sync/serve.ts ${syncPort}`,
      url: `http://127.0.0.1:${syncPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Serves the browser build (`npm run build:web` must have run; `npm test` builds first).
      command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      env: { SIFT_SYNC_SERVER: `http://127.0.0.1:${syncPort}` },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})
