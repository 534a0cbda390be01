/**
 * Channel names and the method each one has on `window.api`.
 *
 * Kept free of zod and of any runtime dependency because the sandboxed preload imports it: a sandboxed
 * preload cannot `require()` packages from node_modules, so everything it imports must be bundled source.
 */

/** Renderer → main request channels (`domain:verb-noun`), mapped to their `window.api` method names. */
export const INVOKE_METHODS = {
  'dialog:open-files': 'openFiles',
  'dialog:save-file': 'saveFile',
  'file:read': 'readFile',
  'file:write': 'writeFile',
  'app:get-info': 'getAppInfo',
  'shell:open-external': 'openExternal',
  'backup:write': 'writeBackup',
  'backup:list': 'listBackups',
  'backup:read': 'readBackup',
  'backup:delete': 'deleteBackup',
  'sync:save-account': 'saveSyncAccount',
  'sync:forget-account': 'forgetSyncAccount',
  'sync:relay-request': 'relaySyncRequest',
} as const

/** A renderer → main request channel. */
export type InvokeChannel = keyof typeof INVOKE_METHODS

/** Every request channel, in contract order. */
export const INVOKE_CHANNELS = Object.keys(INVOKE_METHODS) as InvokeChannel[]

/** The one main → renderer event channel: a native menu item was chosen. */
export const MENU_COMMAND_CHANNEL = 'menu:command'

/** What a native menu item asks the renderer to do. */
export const MENU_COMMANDS = [
  'new-project',
  'open-project',
  'import-citations',
  'export',
  'backup-project',
  'open-demo-project',
] as const

/** A command sent on {@link MENU_COMMAND_CHANNEL}. */
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** True when `value` is one of {@link MENU_COMMANDS}; the preload drops anything else. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}
