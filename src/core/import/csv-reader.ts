import type { WarningCollector } from './warnings'

/** Rows of cells, with the 1-based line each row starts on. */
export type CsvTable = {
  rows: string[][]
  lines: number[]
}

/**
 * Guesses the delimiter from the first line(s): the candidate (`,` `;` TAB `|`) that occurs most often outside
 * quotes in the header row. Excel in many European locales writes `;`; WoS writes TAB.
 */
export function sniffDelimiter(head: string): string {
  const candidates = [',', ';', '\t', '|']
  const counts = new Map<string, number>(candidates.map((c) => [c, 0]))
  let inQuotes = false
  for (let i = 0; i < head.length; i++) {
    const ch = head.charAt(i)
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best = ','
  let bestCount = 0
  for (const [candidate, count] of counts) {
    if (count > bestCount) {
      best = candidate
      bestCount = count
    }
  }
  return best
}

/**
 * RFC 4180 reader: quoted fields with doubled quotes and embedded line breaks, LF / CRLF / CR row ends, ragged rows
 * kept as they are. An unterminated quote is reported with the line where the field started, and the reader
 * resumes at the next line so one bad cell cannot swallow the rest of the file.
 */
export function readCsv(text: string, delimiter: string, warnings: WarningCollector): CsvTable {
  const rows: string[][] = []
  const lines: number[] = []
  const sep = delimiter.charCodeAt(0)
  const length = text.length
  let row: string[] = []
  let rowLine = 1
  let line = 1
  let pos = 0
  let atRowStart = true
  while (pos <= length) {
    if (atRowStart) {
      rowLine = line
      atRowStart = false
    }
    let cell: string
    if (text.charCodeAt(pos) === 34) {
      const quoted = readQuoted(text, pos + 1)
      if (quoted.end < 0) {
        warnings.add(line, 'unterminated quoted field; the rest of its line was read as plain text')
        const lineEnd = nextLineEnd(text, pos)
        cell = text.slice(pos + 1, lineEnd)
        pos = lineEnd
      } else {
        cell = quoted.value
        line += quoted.newlines
        pos = quoted.end
        while (pos < length && !isCellEnd(text.charCodeAt(pos), sep)) cell += text.charAt(pos++)
      }
    } else {
      let end = pos
      while (end < length && !isCellEnd(text.charCodeAt(end), sep)) end++
      cell = text.slice(pos, end)
      pos = end
    }
    row.push(cell)
    const code = text.charCodeAt(pos)
    if (code === sep) {
      pos++
      continue
    }
    if (row.length > 1 || row[0] !== '') {
      rows.push(row)
      lines.push(rowLine)
    }
    row = []
    atRowStart = true
    if (pos >= length) break
    pos += code === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1
    line++
  }
  return { rows, lines }
}

function isCellEnd(code: number, sep: number): boolean {
  return code === sep || code === 10 || code === 13
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10 || code === 13) return i
  }
  return text.length
}

/** Reads a quoted field body starting after the opening quote; `end` is the offset after the closing quote or -1. */
function readQuoted(text: string, from: number): { value: string; end: number; newlines: number } {
  let value = ''
  let start = from
  let newlines = 0
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 34) {
      if (text.charCodeAt(i + 1) === 34) {
        value += text.slice(start, i + 1)
        start = i + 2
        i++
        continue
      }
      return { value: value + text.slice(start, i), end: i + 1, newlines }
    }
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) newlines++
  }
  return { value: '', end: -1, newlines: 0 }
}
