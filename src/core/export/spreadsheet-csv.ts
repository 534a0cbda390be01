import type { CsvValue } from './csv'

/**
 * Spreadsheet-safe CSV for Excel, LibreOffice and Numbers (RELIABILITY.md E1–E4). It differs from `toCsv`'s
 * `spreadsheetSafe` mode, which quotes only when needed and looks at the first line of a cell only: here every
 * field with a value is quoted (so no reader can split a cell at an embedded line break), a cell is neutralised
 * when any of its lines starts with a formula trigger (a multi-line cell whose second line is `=HYPERLINK(…)`
 * becomes a formula once a tool splits it), and the half-width "small form" variants `﹦ ﹢ ﹣ ﹫` count as
 * triggers along with the full-width `＝ ＋ － ＠`.
 */

/** Characters a spreadsheet may read as the start of a formula (ASCII, full-width and small-form variants). */
const triggers = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE66\\uFE62\\uFE63\\uFE6B'
const leadingTrigger = new RegExp(`^[ \\u00A0\\u3000]*[${triggers}\\t\\r\\n]`)
const lineTrigger = new RegExp(`[\\r\\n][ \\t\\u00A0\\u3000]*[${triggers}]`)
/** A plain number (`-0.35`, `1e-5`, `+3`, `12%`): Excel reads it as a number, never as a formula (E3). */
const plainNumber = /^ *[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%? *$/

/**
 * True when a spreadsheet could run the cell as a formula: it starts (after spaces) with `= + - @`, TAB, CR, LF or
 * a full-width / small-form trigger, or any later line starts with one — unless the whole cell is a plain number.
 */
export function isSpreadsheetFormula(text: string): boolean {
  if (plainNumber.test(text)) return false
  return leadingTrigger.test(text) || lineTrigger.test(text)
}

/** The text of one cell as written: formula-like text gets a leading `'`, which spreadsheets show as text. */
export function neutraliseFormula(text: string): string {
  return isSpreadsheetFormula(text) ? `'${text}` : text
}

function spreadsheetCell(value: CsvValue): string {
  // A missing value stays an empty, unquoted field; there is nothing a spreadsheet could misread in it.
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    // Non-finite numbers are not data a spreadsheet can hold; `String(n)` keeps `-0.35` and `1e-5` as numbers.
    return Number.isFinite(value) ? `"${String(value)}"` : ''
  }
  const text =
    typeof value === 'boolean' ? String(value) : typeof value === 'string' ? value : value.join('; ')
  return `"${neutraliseFormula(text).replace(/"/g, '""')}"`
}

/**
 * CSV for spreadsheets: UTF-8 byte-order mark (Excel otherwise guesses a legacy code page and garbles "Müller",
 * E4), CRLF row ends, every field quoted, formula triggers neutralised (E1), numbers written as numbers with no
 * prefix (E3; Excel, R and pandas all read a quoted `"-0.35"` as a number). Missing values are empty fields.
 */
export function spreadsheetCsv(
  rows: readonly Readonly<Record<string, CsvValue>>[],
  columns: readonly string[],
): string {
  const lines = [columns.map((column) => spreadsheetCell(column)).join(',')]
  for (const row of rows) lines.push(columns.map((column) => spreadsheetCell(row[column])).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
