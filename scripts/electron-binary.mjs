// Finds the Electron binary the way the `electron` package would, without `require('electron')`, which throws
// when the binary was never downloaded (as on machines that cannot reach Electron's download host).
// Shared by `npm start` and the Electron-mode e2e spec.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
export const electronPackageDir = join(projectRoot, 'node_modules', 'electron')

/**
 * Absolute path of the Electron executable, or null when the package or its binary is missing.
 * Honours ELECTRON_OVERRIDE_DIST_PATH like the `electron` package does.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findElectronBinary(env = process.env) {
  const pathFile = join(electronPackageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  if (relative === '') return null
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronPackageDir, 'dist'), relative)
  return existsSync(binary) ? binary : null
}
