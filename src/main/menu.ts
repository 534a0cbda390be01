/**
 * Native menus. File items do not act in main: they send a `menu:command` to the focused window and the
 * renderer decides (it knows which project is open and owns every dialog flow).
 */
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron'
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipc/channels'
import { openExternalIfAllowed } from './external-links'

/** The PRISMA 2020 statement (Page et al., BMJ 2021;372:n71), reached through doi.org like any citation. */
export const REPORTING_GUIDELINE_URL = 'https://doi.org/10.1136/bmj.n71'

/** What the menu template needs from the outside world; injected so the template is a pure function. */
export type MenuDeps = {
  appName: string
  isMac: boolean
  isPackaged: boolean
  isDev: boolean
  sendCommand: (command: MenuCommand) => void
  openExternal: (url: string) => void
  showAbout: () => void
}

/** The application menu template: File, Edit, View, Help (and the app menu on macOS). */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = deps.isMac ? [macAppMenu(deps.appName)] : []
  return [...appMenu, fileMenu(deps), { role: 'editMenu' }, viewMenu(deps), helpMenu(deps)]
}

function macAppMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
}

function fileMenu({ isMac, sendCommand }: MenuDeps): MenuItemConstructorOptions {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => sendCommand(name),
    ...(accelerator === undefined ? {} : { accelerator }),
  })
  return {
    label: '&File',
    submenu: [
      command('New project', 'new-project', 'CmdOrCtrl+N'),
      command('Open project', 'open-project', 'CmdOrCtrl+O'),
      command('Open demo project', 'open-demo-project'),
      { type: 'separator' },
      command('Import citations…', 'import-citations', 'CmdOrCtrl+I'),
      command('Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      command('Back up project…', 'backup-project', 'CmdOrCtrl+Shift+B'),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }
}

function viewMenu({ isDev, isPackaged }: MenuDeps): MenuItemConstructorOptions {
  const devItems: MenuItemConstructorOptions[] = [
    ...(isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const] : []),
    ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
  ]
  return {
    label: '&View',
    submenu: [
      ...devItems,
      ...(devItems.length > 0 ? [{ type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
}

function helpMenu({ appName, isMac, openExternal, showAbout }: MenuDeps): MenuItemConstructorOptions {
  return {
    role: 'help',
    label: '&Help',
    submenu: [
      {
        label: 'Reporting guideline: PRISMA 2020 (doi.org)',
        click: () => openExternal(REPORTING_GUIDELINE_URL),
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: `About ${appName}`, click: showAbout }]),
    ],
  }
}

/** Sends `command` to the focused window, or to the first window when none has focus (macOS menu bar). */
export function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  target?.webContents.send(MENU_COMMAND_CHANNEL, command)
}

/** Builds and installs the application menu. */
export function installApplicationMenu(isDev: boolean): void {
  app.setAboutPanelOptions({
    applicationName: app.getName(),
    applicationVersion: app.getVersion(),
    copyright: 'MIT License',
  })
  const template = buildMenuTemplate({
    appName: app.getName(),
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    isDev,
    sendCommand: sendMenuCommand,
    openExternal: (url) => void openExternalIfAllowed(url),
    showAbout: () => app.showAboutPanel(),
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
