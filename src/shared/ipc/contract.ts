/**
 * The one typed IPC contract between the renderer and the main process.
 *
 * Each request channel maps to a zod tuple for its arguments and a zod schema for its result. Main registers
 * handlers only through `handle()` (src/main/ipc/handle.ts), which validates arguments against this file;
 * the preload exposes exactly these channels as {@link SiftApi}, checked with `satisfies`.
 */
import { z } from 'zod'
import type { INVOKE_METHODS, InvokeChannel, MenuCommand } from './channels'

export * from './channels'

/** Longest path string accepted from the renderer (PATH_MAX on Linux). */
const MAX_PATH_LENGTH = 4096

const bytes = z.instanceof(Uint8Array)

/** A native dialog filter: `{ name: 'RIS', extensions: ['ris'] }`; `'*'` means any extension. */
export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without dot, or *')).max(50),
})

/** A file picked in a native dialog, with its full contents. */
export const pickedFileSchema = z.object({
  name: z.string(),
  path: z.string(),
  bytes,
})

/** Options of `dialog:open-files`; all optional, filters default to {@link CITATION_FILE_FILTERS}. */
export const openFilesOptionsSchema = z.strictObject({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(20).optional(),
  isMultiple: z.boolean().optional(),
})

/** A file name without any directory part, used as the save dialog's suggestion. */
const suggestedNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/, 'a file name without directory separators')

/** Request of `dialog:save-file`: ask where to save, then write `data` there. */
export const saveFileRequestSchema = z.strictObject({
  suggestedName: suggestedNameSchema,
  filters: z.array(fileFilterSchema).max(20).optional(),
  data: z.union([z.string(), bytes]),
})

/** Outcome of `dialog:save-file`: `saved` is false when the user cancelled. */
export const saveFileResultSchema = z.object({ saved: z.boolean(), path: z.string().optional() })

/** A path the renderer got from a dialog earlier in this session. */
const pickedPathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((path) => !path.includes('\0'), 'a path without NUL bytes')

/** Versions and locations shown in About and diagnostics. */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string(),
  chrome: z.string(),
  node: z.string(),
  userDataPath: z.string(),
  isPackaged: z.boolean(),
})

/** Windows refuses these names whatever the extension, so a backup must never be called that. */
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

/**
 * A backup file name inside the app's backups folder: letters, digits, `.`, `_`, `-`, starting with a
 * letter or digit, no `..`. Paths are never accepted, so a name cannot leave the folder.
 */
export const backupNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
    'letters, digits, ".", "_" or "-", starting with a letter or digit',
  )
  .refine((name) => !name.includes('..'), 'no ".."')
  .refine((name) => !WINDOWS_RESERVED_NAME.test(name), 'not a reserved device name')

/** One backup on disk; `modifiedAt` is an ISO 8601 string. */
export const backupEntrySchema = z.object({
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  modifiedAt: z.string(),
})

/** Longest URL `shell:open-external` accepts; the policy refuses longer ones anyway. */
const urlSchema = z.string().max(2048)

/** Default filters of `dialog:open-files`: the formats the importers read. */
export const CITATION_FILE_FILTERS: readonly z.infer<typeof fileFilterSchema>[] = [
  { name: 'Citation files', extensions: ['ris', 'nbib', 'txt', 'bib', 'csv', 'tsv', 'xml', 'enw', 'ciw'] },
  { name: 'All files', extensions: ['*'] },
]

/** A team-sync server's base URL: http(s) only, no credentials in it (they are sent separately, once). */
export const syncServerUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
    } catch {
      return false
    }
  }, 'an http(s) address without a user name or password in it')

/** A CouchDB database name (CouchDB's own rule). */
export const syncDatabaseSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_$()+-]{0,237}$/,
    'a CouchDB database name: lower-case letters, digits and _$()+-, starting with a letter',
  )

/** Where a project syncs and as whom; the password travels only in `sync:save-account`, to main. */
export const syncAccountSchema = z.strictObject({
  serverUrl: syncServerUrlSchema,
  database: syncDatabaseSchema,
  user: z.string().min(1).max(200),
})

/** How main keeps passwords: encrypted by the OS keychain, or only as plain text (the UI warns). */
export const credentialStorageSchema = z.enum(['encrypted', 'plain-text'])

/** One HTTP request of PouchDB's http adapter, relayed by main to the sync server with the credentials added. */
export const syncRelayRequestSchema = z.strictObject({
  url: syncServerUrlSchema,
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']),
  headers: z.record(z.string().max(100), z.string().max(4096)),
  body: z.union([z.string(), bytes]).nullable(),
})

/** The server's answer, relayed back. */
export const syncRelayResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: bytes,
})

/** Argument tuple and result schema of every request channel. */
export const IPC_CONTRACT = {
  'dialog:open-files': {
    args: z.tuple([openFilesOptionsSchema.optional()]),
    result: z.array(pickedFileSchema),
  },
  'dialog:save-file': { args: z.tuple([saveFileRequestSchema]), result: saveFileResultSchema },
  'file:read': { args: z.tuple([pickedPathSchema]), result: bytes },
  'file:write': { args: z.tuple([pickedPathSchema, z.union([z.string(), bytes])]), result: z.void() },
  'app:get-info': { args: z.tuple([]), result: appInfoSchema },
  'shell:open-external': { args: z.tuple([urlSchema]), result: z.boolean() },
  'backup:write': { args: z.tuple([backupNameSchema, z.string()]), result: z.string() },
  'backup:list': { args: z.tuple([]), result: z.array(backupEntrySchema) },
  'backup:read': { args: z.tuple([backupNameSchema]), result: z.string() },
  'backup:delete': { args: z.tuple([backupNameSchema]), result: z.void() },
  'sync:save-account': {
    args: z.tuple([syncAccountSchema, z.string().min(1).max(1024)]),
    result: credentialStorageSchema,
  },
  'sync:forget-account': { args: z.tuple([syncAccountSchema]), result: z.void() },
  'sync:relay-request': { args: z.tuple([syncRelayRequestSchema]), result: syncRelayResponseSchema },
} as const satisfies Record<InvokeChannel, { args: z.ZodTuple; result: z.ZodType }>

type Contract = typeof IPC_CONTRACT

/** What the renderer passes to a request channel, as a tuple. */
export type InvokeArgs<C extends InvokeChannel> = z.input<Contract[C]['args']>

/** What a request channel resolves to. */
export type InvokeResult<C extends InvokeChannel> = z.output<Contract[C]['result']>

export type FileFilter = z.infer<typeof fileFilterSchema>
export type PickedFile = z.infer<typeof pickedFileSchema>
export type OpenFilesOptions = z.infer<typeof openFilesOptionsSchema>
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>
export type SaveFileResult = z.infer<typeof saveFileResultSchema>
export type AppInfo = z.infer<typeof appInfoSchema>
export type BackupEntry = z.infer<typeof backupEntrySchema>
export type SyncAccount = z.infer<typeof syncAccountSchema>
export type CredentialStorage = z.infer<typeof credentialStorageSchema>
export type SyncRelayRequest = z.infer<typeof syncRelayRequestSchema>
export type SyncRelayResponse = z.infer<typeof syncRelayResponseSchema>

/** Request methods of {@link SiftApi}: one promise-returning method per channel, named by `INVOKE_METHODS`. */
export type SiftInvokeApi = {
  readonly [C in InvokeChannel as (typeof INVOKE_METHODS)[C]]: (
    ...args: InvokeArgs<C>
  ) => Promise<InvokeResult<C>>
}

/**
 * `window.api`: everything the renderer may ask of the main process, and nothing else.
 * `onMenuCommand` returns a function that removes the listener.
 */
export type SiftApi = SiftInvokeApi & {
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void
}
