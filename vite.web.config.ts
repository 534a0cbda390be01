import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

import { cspMetaTag } from './scripts/vite-csp-plugin'

const appVersion = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }
).version

/**
 * Team sync in browser mode: the page has no main process to hold credentials and its CSP allows only its own
 * origin, so it talks to `couchdb/` on this origin and the serving process forwards that to the team's CouchDB
 * (SIFT_SYNC_SERVER, e.g. https://couch.example.org). CouchDB's session cookie stays HttpOnly in the browser.
 */
const syncServer = process.env.SIFT_SYNC_SERVER
const syncProxy = syncServer
  ? {
      '/couchdb': {
        target: syncServer,
        changeOrigin: true,
        rewrite: (path: string) => path.replace(/^\/couchdb/, ''),
      },
    }
  : undefined

/** Browser mode: the same renderer, served on localhost without Electron (`npm run web`, e2e tests). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), cspMetaTag()],
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    // A local desktop app: one bundle read from disk, no network cost to split for.
    chunkSizeWarningLimit: 2000,
  },
  preview: { host: '127.0.0.1', proxy: syncProxy },
  server: { host: '127.0.0.1', proxy: syncProxy },
})
