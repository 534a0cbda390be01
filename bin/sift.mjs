#!/usr/bin/env node
// Launcher for the `sift` command line. The CLI is bundled to out/cli by `npm run build:cli`, which
// `npm install` runs through the `prepare` script.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = fileURLToPath(new URL('../out/cli/sift.mjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write(
    'sift: the command line is not built yet. Run "npm run build:cli" in the Sift folder.\n',
  )
  process.exit(1)
}
await import(bundle)
