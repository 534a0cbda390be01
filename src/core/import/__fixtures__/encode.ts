// Test helper (not a fixture file): builds UTF-16 bytes from a string, since Node's TextEncoder only writes UTF-8.

/** UTF-16 bytes of `text`, little- or big-endian, with a BOM unless `hasBom` is false. */
export function encodeUtf16(text: string, isLittleEndian: boolean, hasBom = true): Uint8Array {
  const bytes = new Uint8Array((text.length + (hasBom ? 1 : 0)) * 2)
  const view = new DataView(bytes.buffer)
  let offset = 0
  if (hasBom) {
    view.setUint16(0, 0xfeff, isLittleEndian)
    offset = 2
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), isLittleEndian)
  return bytes
}
