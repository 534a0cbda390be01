import type { ProgressCallback } from './types'

/** Called once per line with the line's text (without its terminator), its 1-based number and start offset. */
export type LineVisitor = (line: string, lineNo: number, offset: number) => void

/**
 * Called once per line with the offsets of its text in the input (`end` excludes the terminator) and its 1-based
 * number. Parsers that read tags with `charCodeAt` use this to slice only the values they keep.
 */
export type LineSpanVisitor = (start: number, end: number, lineNo: number) => void

/**
 * Calls `visit` for every line of `text`, treating LF, CRLF and a lone CR (classic Mac, e.g. EBSCOhost ERIC RIS and
 * WoS BIOSIS tab-delimited exports) as line ends. A final empty line after a trailing terminator is not visited.
 * Single pass with `indexOf`, no intermediate array and no substring per line: this is the hot loop of the tagged
 * parsers, and a slice per line was most of their garbage on 100,000-record files.
 */
export function forEachLineSpan(text: string, visit: LineSpanVisitor): void {
  const length = text.length
  let start = 0
  let lineNo = 1
  let nextLf = text.indexOf('\n')
  let nextCr = text.indexOf('\r')
  if (nextCr < 0) {
    while (start < length) {
      const end = nextLf < 0 ? length : nextLf
      visit(start, end, lineNo++)
      start = end + 1
      nextLf = text.indexOf('\n', start)
    }
    return
  }
  while (start < length) {
    if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start)
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start)
    let end = length
    if (nextLf >= 0) end = nextLf
    if (nextCr >= 0 && nextCr < end) end = nextCr
    visit(start, end, lineNo++)
    start = end + (end === nextCr && text.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
}

/** Characters between two progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const progressStep = 1 << 20

/**
 * Wraps a line visitor so that `onProgress` hears about every further MiB of `total` characters read. Without a
 * callback the visitor is returned as it is, so the hot loop pays nothing when nobody listens.
 */
export function reportingProgress(
  visit: LineSpanVisitor,
  total: number,
  onProgress?: ProgressCallback,
): LineSpanVisitor {
  if (!onProgress) return visit
  let nextReport = progressStep
  return (start, end, lineNo) => {
    if (start > nextReport) {
      onProgress(start, total)
      nextReport = start + progressStep
    }
    visit(start, end, lineNo)
  }
}

/** `forEachLineSpan` with each line sliced out, for parsers whose lines are few or need the whole text anyway. */
export function forEachLine(text: string, visit: LineVisitor): void {
  forEachLineSpan(text, (start, end, lineNo) => visit(text.slice(start, end), lineNo, start))
}

/** True for the characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimmedSpace(code: number): boolean {
  if (code > 32 && code < 160) return false
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * `text.slice(start, end).trim()` without the untrimmed intermediate string. `start` past `end` gives `''`, like
 * slicing a line shorter than its tag.
 */
export function sliceTrimmed(text: string, start: number, end: number): string {
  let from = start
  let to = end
  while (from < to && isTrimmedSpace(text.charCodeAt(from))) from++
  while (to > from && isTrimmedSpace(text.charCodeAt(to - 1))) to--
  return from < to ? text.slice(from, to) : ''
}

/** Calls `onProgress` at most every `step` lines, so progress reporting stays off the hot path. */
export function progressReporter(
  total: number,
  onProgress: ((done: number, total: number) => void) | undefined,
  step = 50_000,
): (done: number) => void {
  if (!onProgress) return () => undefined
  let count = 0
  return (done) => {
    if (++count % step === 0) onProgress(done, total)
  }
}

/** The 1-based line of an offset in `text` (only called for warnings, so a linear count is fine). */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}
