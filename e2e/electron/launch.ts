import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Starts the built app (`out/main/index.js`) with a fresh profile, as production would run it: the
 * renderer from app://sift, not a dev server.
 */
export async function launchSift(binary: string, projectRoot: string): Promise<ElectronApplication> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sift-e2e-profile-'))
  // No dev server URL (the app would load it instead of app://sift) and no run-as-node.
  const dropped = new Set(['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE'])
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !dropped.has(entry[0]),
    ),
  )
  // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer stays JS-sandboxed.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  return electron.launch({
    executablePath: binary,
    args: [...rootArgs, join(projectRoot, 'out/main/index.js'), `--user-data-dir=${userDataDir}`],
    cwd: projectRoot,
    env,
  })
}
