import { beforeEach, describe, expect, it, vi } from 'vitest'
import { INVOKE_METHODS, MENU_COMMAND_CHANNEL } from '../shared/ipc/channels'

type Listener = (event: unknown, ...args: unknown[]) => void

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>()
  const exposed = new Map<string, unknown>()
  return {
    listeners,
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
    ipcRenderer: {
      invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args })),
      on: (channel: string, listener: Listener) => {
        const set = listeners.get(channel) ?? new Set<Listener>()
        set.add(listener)
        listeners.set(channel, set)
      },
      removeListener: (channel: string, listener: Listener) => void listeners.get(channel)?.delete(listener),
    },
  }
})
vi.mock('electron', () => electron)

await import('./index')

function emit(channel: string, ...args: unknown[]): void {
  electron.listeners.get(channel)?.forEach((listener) => listener({ sender: 'ipcRenderer' }, ...args))
}

describe('preload', () => {
  const api = electron.exposed.get('api') as Record<string, unknown>

  beforeEach(() => electron.ipcRenderer.invoke.mockClear())

  it('exposes only window.api, with exactly the contract methods', () => {
    expect([...electron.exposed.keys()]).toEqual(['api'])
    const expected = [...Object.values(INVOKE_METHODS), 'onMenuCommand'].sort()
    expect(Object.keys(api).sort()).toEqual(expected)
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
  })

  it('never hands out ipcRenderer', () => {
    expect(Object.values(api)).not.toContain(electron.ipcRenderer)
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke)
  })

  it.each(Object.entries(INVOKE_METHODS))(
    '%s is invoked by api.%s with the arguments as given',
    async (channel, method) => {
      const call = api[method] as (...args: unknown[]) => Promise<unknown>
      await expect(call('a', 2)).resolves.toEqual({ channel, args: ['a', 2] })
    },
  )

  it('forwards menu commands without the event, drops unknown ones, and unsubscribes', () => {
    const onMenuCommand = api['onMenuCommand'] as (listener: (command: string) => void) => () => void
    const received: unknown[][] = []
    const unsubscribe = onMenuCommand((...args) => received.push(args))
    emit(MENU_COMMAND_CHANNEL, 'import-citations')
    emit(MENU_COMMAND_CHANNEL, 'format-disk')
    emit(MENU_COMMAND_CHANNEL, { command: 'export' })
    unsubscribe()
    emit(MENU_COMMAND_CHANNEL, 'export')
    expect(received).toEqual([['import-citations']])
  })
})
