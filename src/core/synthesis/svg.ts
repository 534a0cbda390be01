/** Small helpers shared by the SVG figures (PRISMA diagram, forest plot). */

/**
 * Escapes text for XML content and attribute values. Characters XML 1.0 forbids (C0 controls other than TAB, LF,
 * CR, and lone surrogates) are dropped: an imported title may carry them, and one would make the whole file
 * unreadable.
 */
export function escapeXml(text: string): string {
  let clean = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (isXmlChar(code)) clean += char
  }
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** XML 1.0 `Char`; iterating a string by code point yields a lone surrogate as itself, which is not one. */
function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true
  if (code < 0x20 || code === 0xfffe || code === 0xffff) return false
  return code < 0xd800 || code > 0xdfff
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of its own, cut
 * if it still does not fit). SVG 1.1 has no text wrapping, so the figures wrap before they lay out.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    let rest = word
    while (rest.length > width) {
      if (line !== '') lines.push(line)
      line = ''
      lines.push(rest.slice(0, width))
      rest = rest.slice(width)
    }
    if (line === '') line = rest
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line)
  return lines
}

/** A number formatted for an SVG attribute: at most two decimals, no trailing zeros. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** Shared font: system sans-serif, so the file renders the same without web fonts (the app is offline). */
export const fontFamily = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif'
