import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { MenuCommand } from '../shared/ipc/channels'

vi.mock('electron', () => ({ app: {}, BrowserWindow: {}, Menu: {}, shell: {} }))

const { buildMenuTemplate, REPORTING_GUIDELINE_URL } = await import('./menu')

function build(overrides: { isMac?: boolean; isPackaged?: boolean; isDev?: boolean } = {}) {
  const deps = {
    appName: 'Sift',
    isMac: false,
    isPackaged: true,
    isDev: false,
    sendCommand: vi.fn<(command: MenuCommand) => void>(),
    openExternal: vi.fn<(url: string) => void>(),
    showAbout: vi.fn<() => void>(),
    ...overrides,
  }
  return { deps, template: buildMenuTemplate(deps) }
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label)
  return Array.isArray(menu?.submenu) ? menu.submenu : []
}

function click(item: MenuItemConstructorOptions | undefined): void {
  ;(item?.click as (() => void) | undefined)?.()
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help', () => {
    const { template } = build()
    expect(template.map((item) => item.label ?? item.role)).toEqual(['&File', 'editMenu', '&View', '&Help'])
  })

  it('sends each File command to the renderer', () => {
    const { deps, template } = build()
    const file = submenu(template, '&File')
    const labels = file.filter((item) => item.label !== undefined).map((item) => item.label)
    expect(labels).toEqual([
      'New project',
      'Open project',
      'Open demo project',
      'Import citations…',
      'Export…',
      'Back up project…',
    ])
    file.filter((item) => item.click !== undefined).forEach(click)
    expect(deps.sendCommand.mock.calls.map(([command]) => command)).toEqual([
      'new-project',
      'open-project',
      'open-demo-project',
      'import-citations',
      'export',
      'backup-project',
    ])
    expect(file.at(-1)?.role).toBe('quit')
  })

  it('offers reload only in dev and devtools only when not packaged', () => {
    const roles = (template: MenuItemConstructorOptions[]) =>
      submenu(template, '&View').map((item) => item.role)
    const packaged = roles(build().template)
    expect(packaged).not.toContain('reload')
    expect(packaged).not.toContain('toggleDevTools')
    expect(packaged).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']))
    expect(roles(build({ isPackaged: false }).template)).toContain('toggleDevTools')
    expect(roles(build({ isPackaged: false, isDev: true }).template)).toContain('reload')
  })

  it('opens the reporting guideline through the external-link policy and shows About', () => {
    const { deps, template } = build()
    const help = submenu(template, '&Help')
    help.forEach(click)
    expect(deps.openExternal).toHaveBeenCalledWith(REPORTING_GUIDELINE_URL)
    expect(deps.showAbout).toHaveBeenCalledOnce()
  })

  it('puts About and Quit in the app menu on macOS', () => {
    const { template } = build({ isMac: true })
    expect(template[0]?.label).toBe('Sift')
    expect(submenu(template, 'Sift').map((item) => item.role)).toEqual(
      expect.arrayContaining(['about', 'quit']),
    )
    expect(submenu(template, '&File').map((item) => item.role)).not.toContain('quit')
  })
})
