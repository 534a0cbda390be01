/**
 * The one bridge between the sandboxed renderer and the main process. It exposes exactly the IPC
 * contract as `window.api` and nothing else: never `ipcRenderer` itself, never an event object.
 *
 * Only `electron` and bundled source may be imported here: a sandboxed preload cannot load packages from
 * node_modules, which is why the zod schemas stay out of this file (types are erased at build time).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  type InvokeChannel,
  type MenuCommand,
} from '../shared/ipc/channels'
import type { InvokeArgs, InvokeResult, SiftApi } from '../shared/ipc/contract'

/** A typed `ipcRenderer.invoke` for one contract channel; the main process validates the arguments. */
function invoker<C extends InvokeChannel>(channel: C) {
  return (...args: InvokeArgs<C>): Promise<InvokeResult<C>> =>
    ipcRenderer.invoke(channel, ...args) as Promise<InvokeResult<C>>
}

/** Calls `listener` for each valid menu command until the returned function is called. */
function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const forward = (_event: IpcRendererEvent, command: unknown): void => {
    if (isMenuCommand(command)) listener(command)
  }
  ipcRenderer.on(MENU_COMMAND_CHANNEL, forward)
  return () => {
    ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward)
  }
}

/** `window.api`; `satisfies` fails the build if a channel is missing or an extra one slips in. */
export const api = {
  openFiles: invoker('dialog:open-files'),
  saveFile: invoker('dialog:save-file'),
  readFile: invoker('file:read'),
  writeFile: invoker('file:write'),
  getAppInfo: invoker('app:get-info'),
  openExternal: invoker('shell:open-external'),
  writeBackup: invoker('backup:write'),
  listBackups: invoker('backup:list'),
  readBackup: invoker('backup:read'),
  deleteBackup: invoker('backup:delete'),
  saveSyncAccount: invoker('sync:save-account'),
  forgetSyncAccount: invoker('sync:forget-account'),
  relaySyncRequest: invoker('sync:relay-request'),
  onMenuCommand,
} satisfies SiftApi

contextBridge.exposeInMainWorld('api', api)
