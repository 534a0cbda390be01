// Finds the Electron binary the way the `electron` package would, without `require('electron')`, which throws
// when the binary was never downloaded (as on machines that cannot reach Electron's download host).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
export const electronPackageDir = join(projectRoot, 'node_modules', 'electron')

/** Absolute path of the Electron executable, or null when the package or its binary is missing. */
export function findElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    )
    return existsSync(overridden) ? overridden : null
  }
  const pathFile = join(electronPackageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronPackageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
