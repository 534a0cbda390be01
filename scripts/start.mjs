// `npm start`: opens the desktop app. Electron's binary is not fetched during `npm install` (package.json's
// allowScripts skips its download so installs work offline); the first start fetches it, and where that is
// impossible we say so and point to the browser mode.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { electronPackageDir, findElectronBinary, projectRoot } from './electron-binary.mjs'

function installElectronBinary() {
  console.log('Sift: the Electron binary is not installed yet; downloading it once (about 100 MB)…')
  const result = spawnSync(process.execPath, [join(electronPackageDir, 'install.js')], {
    cwd: electronPackageDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  })
  if (result.status !== 0) {
    const reason = (result.stderr ?? '').split('\n').find((line) => line.trim().length > 0) ?? 'unknown error'
    console.error(`Sift: the download failed: ${reason.trim()}`)
  }
  return result.status === 0 && findElectronBinary() !== null
}

if (!findElectronBinary() && !installElectronBinary()) {
  console.error(
    [
      '',
      'Sift: the Electron binary is not available on this machine and could not be downloaded.',
      'You can still use Sift in your browser: run "npm run web" and open the address it prints.',
      "To run the desktop app, install on a machine that can reach Electron's downloads, or set",
      'ELECTRON_OVERRIDE_DIST_PATH to a folder that holds an Electron 41 build.',
    ].join('\n'),
  )
  process.exit(1)
}

const viteBin = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const result = spawnSync(process.execPath, [viteBin, 'preview'], { cwd: projectRoot, stdio: 'inherit' })
process.exit(result.status ?? 1)
