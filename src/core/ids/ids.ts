const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * A sortable, collision-resistant string id: base-36 milliseconds followed by random characters.
 * Uses `crypto.getRandomValues`, which exists in browsers, workers and Node 20 alike.
 */
export function newId(prefix = ''): string {
  const time = Date.now().toString(36).padStart(9, '0')
  const bytes = new Uint8Array(10)
  globalThis.crypto.getRandomValues(bytes)
  let random = ''
  for (const byte of bytes) random += alphabet[byte % alphabet.length]
  return `${prefix}${time}${random}`
}
