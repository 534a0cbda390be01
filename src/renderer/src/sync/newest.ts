/**
 * Sets `key` in `map` as its newest entry (a map keeps insertion order), then drops the oldest entries beyond
 * `limit`: a memory of the last `limit` things heard, where what is heard again counts as new.
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key)
  map.set(key, value)
  for (const oldest of map.keys()) {
    if (map.size <= limit) return
    map.delete(oldest)
  }
}
