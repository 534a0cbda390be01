/** A cell value: strings and numbers are written, arrays joined with `; `, null/undefined written as a missing cell. */
export type CsvValue = string | number | boolean | null | undefined | readonly string[]

export type CsvOptions = {
  /**
   * Neutralise cells a spreadsheet would run as a formula (RELIABILITY.md E1): a leading `= + - @`, TAB, CR or LF,
   * or their full-width forms `＝ ＋ － ＠`, gets a `'` prefix. Numbers such as `-0.35` and `1e-5` are left alone (E3).
   */
  spreadsheetSafe?: boolean
  /** Start with a UTF-8 byte-order mark so Excel reads non-ASCII names correctly (E4). */
  bom?: boolean
  delimiter?: string
}

const formulaStart = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/
const numeric = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?$/

/**
 * RFC 4180 CSV: CRLF between rows, fields quoted when they contain the delimiter, a quote, CR or LF, quotes doubled.
 * An empty string is written as `""` and a missing value as nothing, so the two stay distinguishable (E2).
 * `columns` are the keys to write, in order; the header row uses them as they are.
 */
export function toCsv(
  rows: readonly Readonly<Record<string, CsvValue>>[],
  columns: readonly string[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ','
  const lines = [columns.map((column) => escapeCell(column, delimiter, options)).join(delimiter)]
  for (const row of rows)
    lines.push(columns.map((column) => formatCell(row[column], delimiter, options)).join(delimiter))
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n'
}

function formatCell(value: CsvValue, delimiter: string, options: CsvOptions): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = typeof value === 'string' ? value : value.join('; ')
  if (text === '') return '""'
  return escapeCell(text, delimiter, options)
}

/** Escapes one cell (with the formula guard when `spreadsheetSafe`). Exported for property tests and the CLI. */
export function escapeCell(text: string, delimiter: string, options: CsvOptions = {}): string {
  const safe = options.spreadsheetSafe && isFormulaLike(text) ? `'${text}` : text
  const needsQuotes =
    safe.includes(delimiter) || safe.includes('"') || safe.includes('\n') || safe.includes('\r')
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** True when a spreadsheet could read the cell as a formula: a trigger character first, and not a plain number. */
export function isFormulaLike(text: string): boolean {
  const trimmed = text.replace(/^[ \u00A0]+/, '')
  return formulaStart.test(trimmed) && !numeric.test(text.trim())
}
