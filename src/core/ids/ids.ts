const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'

let lastTime = 0
let sequence = 0

/**
 * A sortable, collision-resistant string id: base-36 milliseconds, a counter that keeps ids made in the same
 * millisecond in creation order (records of one import keep their file order), then random characters.
 * Uses `crypto.getRandomValues`, which exists in browsers, workers and Node 20 alike.
 */
export function newId(prefix = ''): string {
  const now = Date.now()
  sequence = now === lastTime ? sequence + 1 : 0
  lastTime = now
  const time = now.toString(36).padStart(9, '0')
  const counter = sequence.toString(36).padStart(4, '0')
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  let random = ''
  for (const byte of bytes) random += alphabet[byte % alphabet.length]
  return `${prefix}${time}${counter}${random}`
}
