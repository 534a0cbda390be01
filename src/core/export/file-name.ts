/**
 * A name made safe for a file: runs of anything but letters and digits (any script) become one `-`, with none at
 * either end; `fallback` when nothing is left.
 */
export function safeFileName(text: string, fallback: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || fallback
}
