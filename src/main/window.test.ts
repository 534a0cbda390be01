import { describe, expect, it, vi } from 'vitest'

const shell = vi.hoisted(() => ({ openExternal: vi.fn(() => Promise.resolve()) }))
vi.mock('electron', () => ({ app: { isPackaged: true }, BrowserWindow: vi.fn(), nativeTheme: {}, shell }))

const { attachNavigationGuards, BACKGROUND_COLORS, buildWindowOptions } = await import('./window')

type Listener = (event: { preventDefault: () => void }, url?: string) => void

/** Just enough of WebContents to capture the guards `attachNavigationGuards` installs. */
function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => unknown) | undefined
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
      openHandler = handler
    },
  }
  attachNavigationGuards(contents as unknown as Parameters<typeof attachNavigationGuards>[0])
  const fire = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() }
    listeners.get(name)?.(event, url)
    return event.preventDefault.mock.calls.length > 0
  }
  return { fire, open: (url: string) => openHandler?.({ url }) }
}

describe('buildWindowOptions (S1)', () => {
  const options = buildWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    isDark: false,
    isPackaged: true,
  })

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    })
  })

  it('loads the given preload and waits for ready-to-show', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs')
    expect(options.show).toBe(false)
  })

  it('closes devtools in a packaged app only', () => {
    expect(options.webPreferences?.devTools).toBe(false)
    const dev = buildWindowOptions({ preloadPath: 'p', isDark: false, isPackaged: false })
    expect(dev.webPreferences?.devTools).toBe(true)
  })

  it('paints the theme background before the first frame', () => {
    expect(options.backgroundColor).toBe(BACKGROUND_COLORS.light)
    const dark = buildWindowOptions({ preloadPath: 'p', isDark: true, isPackaged: true })
    expect(dark.backgroundColor).toBe(BACKGROUND_COLORS.dark)
  })
})

describe('attachNavigationGuards (S3)', () => {
  it('guards navigation, redirects, webviews and window.open on real web contents events', () => {
    const contents = fakeContents()
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.fire('will-navigate', 'app://sift/index.html')).toBe(false)
    expect(contents.fire('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(contents.fire('will-attach-webview', 'app://sift/index.html')).toBe(true)
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(contents.open('https://doi.org/10.1136/bmj.n71')).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledWith('https://doi.org/10.1136/bmj.n71')
  })
})
