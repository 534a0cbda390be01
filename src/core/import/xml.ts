/** An element of the small XML tree built by `parseXml`. Qualified names keep their prefix (`dc:title`). */
export type XmlElement = {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  /** False when the document ended before this element's end tag (a cut-off file). */
  closed: boolean
  /** Offset of the start tag in the source text; turn it into a line with `lineAt`. */
  offset: number
}

export type XmlNode = XmlElement | string

/** Deepest element nesting kept; deeper elements become siblings. Real citation XML nests fewer than 20 levels. */
const maxDepth = 200

const predefined: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * Decodes the five predefined entities and numeric character references. Any other `&name;` is left verbatim:
 * DTD entities are never expanded, so external entities and billion-laughs documents stay inert.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) !== 35) return predefined[body] ?? whole
    const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/**
 * A tolerant, non-validating XML reader for citation exports: no DOM (core runs in workers and Node), no DTD
 * processing (the DOCTYPE and its internal subset are skipped), mismatched end tags close up to the nearest matching
 * open element or are ignored, and elements still open at the end are marked `closed: false`. Never throws.
 * Returns a synthetic root whose children are the document's top-level elements.
 */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], closed: true, offset: 0 }
  const stack: XmlElement[] = [root]
  const length = text.length
  let pos = 0
  while (pos < length) {
    const lt = text.indexOf('<', pos)
    const top = stack[stack.length - 1] ?? root
    if (lt < 0) {
      addText(top, text.slice(pos))
      break
    }
    if (lt > pos) addText(top, text.slice(pos, lt))
    pos = readMarkup(text, lt, stack)
  }
  for (let i = 1; i < stack.length; i++) {
    const open = stack[i]
    if (open) open.closed = false
  }
  return root
}

function addText(parent: XmlElement, raw: string): void {
  if (parent.name === '#root') return
  // Indentation between elements is dropped; a single space between inline elements is kept.
  if (raw.trim() === '' && (raw.includes('\n') || raw.includes('\r'))) return
  parent.children.push(decodeEntities(raw))
}

function readMarkup(text: string, lt: number, stack: XmlElement[]): number {
  const next = text.charCodeAt(lt + 1)
  if (next === 33) return readDeclaration(text, lt, stack)
  if (next === 63) return skipPast(text, '?>', lt + 2)
  if (next === 47) {
    const gt = text.indexOf('>', lt)
    const end = gt < 0 ? text.length : gt
    closeElement(stack, text.slice(lt + 2, end).trim())
    return end + 1
  }
  return readStartTag(text, lt, stack)
}

function readDeclaration(text: string, lt: number, stack: XmlElement[]): number {
  if (text.startsWith('<!--', lt)) return skipPast(text, '-->', lt + 4)
  if (text.startsWith('<![CDATA[', lt)) {
    const end = text.indexOf(']]>', lt + 9)
    const stop = end < 0 ? text.length : end
    const top = stack[stack.length - 1]
    if (top && top.name !== '#root') top.children.push(text.slice(lt + 9, stop))
    return stop + 3
  }
  // <!DOCTYPE …> possibly with an internal subset [ … ] holding <!ENTITY …> declarations: skipped, never read.
  let depth = 0
  for (let i = lt + 2; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 91) depth++
    else if (code === 93) depth--
    else if (code === 62 && depth <= 0) return i + 1
  }
  return text.length
}

function skipPast(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from)
  return end < 0 ? text.length : end + marker.length
}

function closeElement(stack: XmlElement[], name: string): void {
  for (let i = stack.length - 1; i > 0; i--) {
    if (stack[i]?.name === name) {
      stack.length = i
      return
    }
  }
}

function readStartTag(text: string, lt: number, stack: XmlElement[]): number {
  let i = lt + 1
  while (i < text.length && !isNameEnd(text.charCodeAt(i))) i++
  const name = text.slice(lt + 1, i)
  const element: XmlElement = { name, attrs: {}, children: [], closed: true, offset: lt }
  i = readAttributes(text, i, element.attrs)
  const isSelfClosing = text.charCodeAt(i - 2) === 47
  const parent = stack[stack.length - 1]
  if (!name) return i
  parent?.children.push(element)
  // Depth is capped so hostile input cannot make the recursive helpers overflow the stack.
  if (!isSelfClosing && stack.length < maxDepth) stack.push(element)
  return i
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47
}

/** Reads `name="value"` pairs up to the closing `>`; returns the offset after it. Quotes may hide `>`. */
function readAttributes(text: string, from: number, attrs: Record<string, string>): number {
  let i = from
  const length = text.length
  while (i < length) {
    const code = text.charCodeAt(i)
    if (code === 62) return i + 1
    if (code === 60) return i
    const eq = code === 61 ? i : -1
    if (eq >= 0 || isNameEnd(code) || code === 47) {
      i++
      continue
    }
    let end = i
    while (end < length && !isNameEnd(text.charCodeAt(end)) && text.charCodeAt(end) !== 61) end++
    const name = text.slice(i, end)
    i = end
    while (
      i < length &&
      (text.charCodeAt(i) === 32 ||
        text.charCodeAt(i) === 10 ||
        text.charCodeAt(i) === 13 ||
        text.charCodeAt(i) === 9)
    )
      i++
    if (text.charCodeAt(i) !== 61) {
      attrs[name] = ''
      continue
    }
    i++
    while (
      i < length &&
      (text.charCodeAt(i) === 32 ||
        text.charCodeAt(i) === 10 ||
        text.charCodeAt(i) === 13 ||
        text.charCodeAt(i) === 9)
    )
      i++
    const quote = text.charCodeAt(i)
    if (quote === 34 || quote === 39) {
      const close = text.indexOf(quote === 34 ? '"' : "'", i + 1)
      const stop = close < 0 ? length : close
      attrs[name] = decodeEntities(text.slice(i + 1, stop))
      i = stop + 1
    }
  }
  return length
}

/** Child elements of `parent` with this name (direct children only). */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const child of parent.children) if (typeof child !== 'string' && child.name === name) out.push(child)
  return out
}

/** The first direct child element with this name, following a `/`-separated path (`Journal/Title`). */
export function child(parent: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = parent
  for (const name of path.split('/')) {
    if (!current) return undefined
    let found: XmlElement | undefined
    for (const node of current.children) {
      if (typeof node !== 'string' && node.name === name) {
        found = node
        break
      }
    }
    current = found
  }
  return current
}

/** All text inside `element` and its descendants, concatenated (markup such as `<i>` or EndNote's `<style>` drops away). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return ''
  let out = ''
  for (const node of element.children) out += typeof node === 'string' ? node : textOf(node)
  return out
}

/** Every descendant element with this name, in document order, not descending into matches. */
export function findAll(parent: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const node of parent.children) {
    if (typeof node === 'string') continue
    if (node.name === name) out.push(node)
    else findAll(node, name, out)
  }
  return out
}
