/**
 * The secure window factory (RELIABILITY.md S1, S3). Every window of the app is made here.
 */
import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions, type WebContents } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY_URL } from './app-origin'
import { openExternalIfAllowed } from './external-links'
import { decideWindowOpen, guardNavigation, guardWebview } from './navigation-guard'
import { currentDevRendererUrl, currentTrustedOrigins } from './trusted-origins'

/** Window background before the first paint, matching the renderer's light and dark themes. */
export const BACKGROUND_COLORS = { dark: '#1f1f1f', light: '#ffffff' } as const

/** Inputs of {@link buildWindowOptions}. */
export type WindowOptionsInput = {
  preloadPath: string
  isDark: boolean
  isPackaged: boolean
}

/**
 * Options of the main window. Pure so a unit test can pin the security settings: context isolation,
 * sandbox and web security on; Node integration (everywhere), webviews and insecure content off.
 */
export function buildWindowOptions({
  preloadPath,
  isDark,
  isPackaged,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Sift',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    backgroundColor: isDark ? BACKGROUND_COLORS.dark : BACKGROUND_COLORS.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside a drop zone would otherwise navigate the window to file://.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: !isPackaged,
    },
  }
}

/** The built preload beside the built main bundle (`out/preload/index.cjs`; CommonJS for the sandbox). */
export function preloadPath(): string {
  return join(import.meta.dirname, '../preload/index.cjs')
}

/** Creates, guards and loads the main window: the dev server in development, `app://sift` otherwise. */
export async function createMainWindow(isPackaged: boolean): Promise<BrowserWindow> {
  const window = new BrowserWindow(
    buildWindowOptions({ preloadPath: preloadPath(), isDark: nativeTheme.shouldUseDarkColors, isPackaged }),
  )
  window.once('ready-to-show', () => window.show())
  const followTheme = (): void => {
    window.setBackgroundColor(
      nativeTheme.shouldUseDarkColors ? BACKGROUND_COLORS.dark : BACKGROUND_COLORS.light,
    )
  }
  nativeTheme.on('updated', followTheme)
  window.once('closed', () => nativeTheme.off('updated', followTheme))
  await window.loadURL(currentDevRendererUrl() ?? APP_ENTRY_URL)
  return window
}

/**
 * Applies the navigation guards to any web contents; called for every one created (`web-contents-created`),
 * so nothing escapes them, including contents the app did not expect to exist.
 */
export function attachNavigationGuards(contents: WebContents): void {
  const openExternal = (url: string): void => void openExternalIfAllowed(url)
  contents.on('will-navigate', (event, url) =>
    guardNavigation(event, url, currentTrustedOrigins(), openExternal),
  )
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, currentTrustedOrigins()))
  contents.on('will-attach-webview', (event) => guardWebview(event))
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url, openExternal))
}
