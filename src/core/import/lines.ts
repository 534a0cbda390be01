/** Called once per line with the line's text (without its terminator), its 1-based number and start offset. */
export type LineVisitor = (line: string, lineNo: number, offset: number) => void

/**
 * Calls `visit` for every line of `text`, treating LF, CRLF and a lone CR (classic Mac, e.g. EBSCOhost ERIC RIS and
 * WoS BIOSIS tab-delimited exports) as line ends. A final empty line after a trailing terminator is not visited.
 * Single pass with `indexOf`, no intermediate array: this is the hot loop of the tagged-format parsers.
 */
export function forEachLine(text: string, visit: LineVisitor): void {
  const length = text.length
  let start = 0
  let lineNo = 1
  let nextLf = text.indexOf('\n')
  let nextCr = text.indexOf('\r')
  if (nextCr < 0) {
    while (start < length) {
      const end = nextLf < 0 ? length : nextLf
      visit(text.slice(start, end), lineNo++, start)
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
    visit(text.slice(start, end), lineNo++, start)
    start = end + (end === nextCr && text.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
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
