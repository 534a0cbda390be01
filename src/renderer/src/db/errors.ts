/** Dexie wraps IndexedDB failures (`AbortError` around `QuotaExceededError`); look through the chain. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current: unknown = error
  while (current && chain.length < 5) {
    chain.push(current)
    current =
      (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause
  }
  return chain
}

/** A message a reviewer can act on for a failed database write; nothing was written when this is shown. */
export function describeStorageError(error: unknown): string {
  const names = causes(error).map((cause) => (cause as { name?: string }).name ?? '')
  if (names.includes('QuotaExceededError')) {
    return 'The disk is full or the storage quota is used up, so nothing was saved. Free some space and try again.'
  }
  const message = error instanceof Error ? error.message : String(error)
  return `Saving failed and nothing was written: ${message}`
}
