/**
 * A strict RFC 4180 reader that is the exact inverse of `toCsv` (raw mode): it keeps the difference between an
 * empty string (written `""`) and a missing value (written as nothing), which the import reader in
 * `core/import/csv-reader.ts` does not need to and therefore does not keep.
 */

/** One cell: its text, or null for a missing value (an empty field without quotes). */
export type CsvCell = string | null

/**
 * Splits CSV text into rows of cells. A leading UTF-8 BOM is skipped; rows end at CRLF, LF or CR; quoted fields may
 * hold the delimiter, doubled quotes and line breaks. A final line break does not start another row. Never throws:
 * an unterminated quote runs to the end of the text, and a quote inside an unquoted field is kept as a character.
 */
export function readCsvCells(text: string, delimiter = ','): CsvCell[][] {
  const rows: CsvCell[][] = []
  const length = text.length
  let pos = text.startsWith('\uFEFF') ? 1 : 0
  if (pos >= length) return rows
  let row: CsvCell[] = []
  for (;;) {
    let cell: CsvCell
    if (text[pos] === '"') {
      let value = ''
      pos++
      for (;;) {
        const quote = text.indexOf('"', pos)
        if (quote < 0) {
          value += text.slice(pos)
          pos = length
          break
        }
        value += text.slice(pos, quote)
        pos = quote + 1
        if (text[pos] !== '"') break
        value += '"'
        pos++
      }
      // Text between a closing quote and the next delimiter is malformed; keep it rather than lose it.
      const end = fieldEnd(text, pos, delimiter)
      cell = value + text.slice(pos, end)
      pos = end
    } else {
      const end = fieldEnd(text, pos, delimiter)
      cell = end === pos ? null : text.slice(pos, end)
      pos = end
    }
    row.push(cell)
    if (pos >= length) {
      rows.push(row)
      return rows
    }
    if (text.startsWith(delimiter, pos)) {
      pos += delimiter.length
      continue
    }
    // A line break ends the row: CRLF counts once.
    pos += text[pos] === '\r' && text[pos + 1] === '\n' ? 2 : 1
    rows.push(row)
    row = []
    if (pos >= length) return rows
  }
}

function fieldEnd(text: string, from: number, delimiter: string): number {
  for (let index = from; index < text.length; index++) {
    const ch = text[index]
    if (ch === '\r' || ch === '\n' || text.startsWith(delimiter, index)) return index
  }
  return text.length
}
