/**
 * Main-process entry: lifecycle only. Order matters: the `app:` scheme is declared before `ready`; after
 * `ready` the session is hardened, the protocol and IPC handlers are registered, and only then is the
 * window created, so the renderer's first request and first IPC call find everything in place.
 */
import { app, BrowserWindow, dialog, session } from 'electron'
import { join } from 'node:path'
import { registerIpcHandlers } from './ipc/register-handlers'
import { installApplicationMenu } from './menu'
import { registerAppProtocol, registerAppScheme } from './protocol'
import { hardenSession } from './session-policy'
import { currentDevRendererUrl, currentTrustedOrigins } from './trusted-origins'
import { attachNavigationGuards, createMainWindow } from './window'

/** The built renderer, beside the built main bundle. */
const RENDERER_ROOT = join(import.meta.dirname, '../renderer')

registerAppScheme()
// Belt and braces: sandbox every renderer even if some window forgot to ask for it.
app.enableSandbox()

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusExistingWindow)
  app.on('web-contents-created', (_event, contents) => attachNavigationGuards(contents))
  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until the user quits explicitly.
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) void openWindow()
  })
  app.whenReady().then(start).catch(fail)
} else {
  // Two instances would write the same IndexedDB profile; the first one gets focus instead.
  app.quit()
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, currentTrustedOrigins)
  registerAppProtocol(RENDERER_ROOT)
  registerIpcHandlers()
  installApplicationMenu(currentDevRendererUrl() !== null)
  await openWindow()
}

async function openWindow(): Promise<void> {
  try {
    await createMainWindow(app.isPackaged)
  } catch (error) {
    fail(error)
  }
}

function focusExistingWindow(): void {
  const window = BrowserWindow.getAllWindows()[0]
  if (window === undefined) return
  if (window.isMinimized()) window.restore()
  window.focus()
}

function fail(error: unknown): void {
  console.error('[main] start-up failed:', error)
  dialog.showErrorBox('Sift could not start', error instanceof Error ? error.message : String(error))
  app.exit(1)
}
