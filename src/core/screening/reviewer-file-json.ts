/** Small readers for the JSON of a reviewer file; each names the path of what is wrong. */

/** A problem at one path of the file; thrown inside the reviewer-file parser only and turned into `{ ok: false }`. */
export class FieldError extends Error {}

export type Json = Record<string, unknown>

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value)
  return 'an object'
}

export function fail(path: string, expected: string, value: unknown): never {
  throw new FieldError(`${path}: expected ${expected}, found ${describe(value)}.`)
}

export function string(row: Json, key: string, path: string, { required = false } = {}): string {
  const value = row[key]
  if (typeof value !== 'string') fail(`${path}.${key}`, 'text', value)
  if (required && value.trim() === '') fail(`${path}.${key}`, 'non-empty text', value)
  return value
}

export function timestamp(row: Json, key: string, path: string): string {
  const value = string(row, key, path, { required: true })
  if (!Number.isFinite(Date.parse(value))) fail(`${path}.${key}`, 'an ISO 8601 date and time', value)
  return value
}

export function oneOf<T extends string>(row: Json, key: string, path: string, allowed: readonly T[]): T {
  const value = row[key]
  const match = allowed.find((option) => option === value)
  if (match === undefined) fail(`${path}.${key}`, `one of ${allowed.join(', ')}`, value)
  return match
}

export function positiveInteger(row: Json, key: string, path: string): number {
  const value = row[key]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    fail(`${path}.${key}`, 'a whole number from 1', value)
  }
  return value
}

export function object(row: Json, key: string, path: string): Json {
  const value = row[key]
  if (!isObject(value)) fail(`${path}.${key}`, 'an object', value)
  return value
}

export function list<T>(file: Json, key: string, readRow: (row: Json, path: string) => T): T[] {
  const value = file[key]
  if (!Array.isArray(value)) fail(key, 'a list', value)
  return value.map((row: unknown, index) => {
    const path = `${key}[${index}]`
    if (!isObject(row)) fail(path, 'an object', row)
    return readRow(row, path)
  })
}
