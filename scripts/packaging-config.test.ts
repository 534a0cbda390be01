import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

type BuilderConfig = {
  asar: boolean
  electronFuses: Record<string, boolean>
  linux: { target: unknown }
  mac: { target: unknown }
  win: { target: unknown }
}

const config = createRequire(import.meta.url)('../electron-builder.config.cjs') as BuilderConfig

describe('packaging config', () => {
  it('sets the Electron fuses of the security checklist', () => {
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('builds for Linux (AppImage, deb), macOS (dmg) and Windows (nsis)', () => {
    expect(JSON.stringify(config.linux.target)).toMatch(/AppImage/)
    expect(JSON.stringify(config.linux.target)).toMatch(/deb/)
    expect(JSON.stringify(config.mac.target)).toMatch(/dmg/)
    expect(JSON.stringify(config.win.target)).toMatch(/nsis/)
  })
})
