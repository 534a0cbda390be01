import type { ParseWarning } from './types'

/** Most warnings kept per file; random or badly damaged input could otherwise produce one per line. */
export const maxWarnings = 500

/** Collects warnings up to `maxWarnings`, then counts the rest and adds one summary line in `list()`. */
export class WarningCollector {
  private readonly items: ParseWarning[] = []
  private dropped = 0

  add(line: number, message: string): void {
    if (this.items.length < maxWarnings) this.items.push({ line, message })
    else this.dropped++
  }

  list(): ParseWarning[] {
    if (this.dropped === 0) return this.items
    const last = this.items[this.items.length - 1]?.line ?? 0
    return [...this.items, { line: last, message: `${this.dropped} more warnings not shown` }]
  }
}

/** Removes a leading byte-order mark that survived decoding (text pasted or decoded elsewhere). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
