/** Marks a Sift project backup; any other JSON (another app's, a reviewer file) is refused by it. */
export const backupFormat = 'sift-project-backup'
/** Version of the envelope layout itself (not of the database schema). */
export const backupFormatVersion = 1

/** Rows of every table of one project, by table name; values must be JSON (blobs encoded by the caller). */
export type BackupTables = Record<string, unknown[]>

/** What the file says about itself; everything here is checked before anything is restored. */
export type BackupEnvelope = {
  format: typeof backupFormat
  formatVersion: number
  /** Database schema version the rows were written under. */
  schemaVersion: number
  createdAt: string
  app: { name: string; version: string }
  projectId: string
  projectName: string
  /** Rows per table, to detect a truncated or edited payload even if the checksum were recomputed. */
  counts: Record<string, number>
  /** Lower-case hex SHA-256 of `payload`'s UTF-8 bytes. */
  sha256: string
  /** The tables as JSON text. Kept as text so the checksum covers exactly the bytes that were written. */
  payload: string
}

export type OpenedBackup =
  { ok: true; envelope: BackupEnvelope; tables: BackupTables } | { ok: false; error: string }

/** Lower-case hex SHA-256 of a string's UTF-8 bytes (WebCrypto: browsers, workers and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  )
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

export type SealInput = Omit<BackupEnvelope, 'format' | 'formatVersion' | 'counts' | 'sha256' | 'payload'> & {
  tables: BackupTables
}

/** Builds the backup file text: the envelope with counts and checksum around the tables. */
export async function sealBackup(input: SealInput): Promise<string> {
  const { tables, ...meta } = input
  const payload = JSON.stringify(tables)
  const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]))
  const envelope: BackupEnvelope = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    ...meta,
    counts,
    sha256: await sha256Hex(payload),
    payload,
  }
  return JSON.stringify(envelope)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkHeader(value: unknown, maxSchemaVersion: number): string | null {
  if (!isRecord(value) || value.format !== backupFormat) return 'This is not a Sift project backup.'
  if (typeof value.formatVersion !== 'number' || value.formatVersion > backupFormatVersion) {
    return 'This backup was written by a newer Sift; update Sift to restore it.'
  }
  if (typeof value.schemaVersion !== 'number' || value.schemaVersion > maxSchemaVersion) {
    return `This backup comes from a newer database (version ${String(value.schemaVersion)}); update Sift to restore it.`
  }
  if (typeof value.payload !== 'string' || typeof value.sha256 !== 'string' || !isRecord(value.counts)) {
    return 'The backup is incomplete: its contents or checksum are missing.'
  }
  if (typeof value.projectId !== 'string' || !value.projectId)
    return 'The backup does not say which project it holds.'
  return null
}

/**
 * Opens and verifies a backup file: format, versions, checksum and row counts, all before anything is written.
 * Never throws; a truncated, altered, newer or foreign file comes back as `{ ok: false, error }`.
 */
export async function openBackup(text: string, maxSchemaVersion: number): Promise<OpenedBackup> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, error: 'The backup file is damaged or cut off (it is not complete JSON).' }
  }
  const problem = checkHeader(value, maxSchemaVersion)
  if (problem) return { ok: false, error: problem }
  const envelope = value as BackupEnvelope
  if ((await sha256Hex(envelope.payload)) !== envelope.sha256) {
    return { ok: false, error: 'The backup has been altered or damaged: its checksum does not match.' }
  }
  let tables: unknown
  try {
    tables = JSON.parse(envelope.payload)
  } catch {
    return { ok: false, error: 'The backup contents are damaged.' }
  }
  if (!isRecord(tables)) return { ok: false, error: 'The backup contents are damaged.' }
  for (const [name, count] of Object.entries(envelope.counts)) {
    const rows = tables[name]
    if (!Array.isArray(rows) || rows.length !== count) {
      return {
        ok: false,
        error: `The backup is incomplete: table ${name} should have ${String(count)} rows.`,
      }
    }
  }
  return { ok: true, envelope, tables: tables as BackupTables }
}
