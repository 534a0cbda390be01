import { existsSync } from 'node:fs'

/** Debian's Chromium where installed (CI and these machines), or `SIFT_CHROMIUM`; else Playwright's own browser. */
export const chromiumExecutable: string | undefined =
  process.env.SIFT_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

/** Switches for headless runs here: no sandbox (CI runs as root), no GPU, and no traffic of Chromium's own. */
export const chromiumSwitches: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
