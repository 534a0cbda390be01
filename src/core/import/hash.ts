/**
 * A 64-bit FNV-1a hash of the bytes as 16 hex digits, for recognising the same file imported twice (P8).
 * Computed as two 32-bit lanes with `Math.imul` so it stays in small integers (no BigInt) and runs at several
 * hundred MB/s. Not cryptographic: a collision only means a spurious "already imported?" question.
 */
export function hashBytes(bytes: Uint8Array): string {
  // FNV-1a 64 offset basis 0xcbf29ce484222325, prime 0x100000001b3, split into 32-bit halves.
  let h0 = 0x2325
  let h1 = 0x8422
  let h2 = 0x9ce4
  let h3 = 0xcbf2
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i] ?? 0
    // Multiply by prime (1 << 40) + 0x1b3 over four 16-bit limbs.
    const t0 = h0 * 0x1b3
    const t1 = h1 * 0x1b3
    const t2 = h2 * 0x1b3 + (h0 << 8)
    const t3 = h3 * 0x1b3 + (h1 << 8)
    const c1 = t1 + (t0 >>> 16)
    const c2 = t2 + (c1 >>> 16)
    h0 = t0 & 0xffff
    h1 = c1 & 0xffff
    h2 = c2 & 0xffff
    h3 = (t3 + (c2 >>> 16)) & 0xffff
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('')
}
