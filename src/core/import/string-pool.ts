/** Values longer than this are rarely repeated (titles, abstracts) and are not worth hashing. */
const maxPooledLength = 64

/** Distinct values kept per parse, so a file of unique keywords cannot grow the pool without bound. */
const maxPooledValues = 8192

/**
 * Shares one string per distinct short value within one parse. On a 100,000-record export the same journal,
 * language, publication types, keywords, MeSH headings and author names recur in most records; every record kept
 * its own copy, and those copies survived into the old generation, where copying and marking them was a large part
 * of the garbage collector's time.
 */
export class StringPool {
  private readonly values = new Map<string, string>()

  /** The pooled string equal to `value` (`value` itself the first time, or when it is long or the pool is full). */
  intern(value: string): string {
    if (value.length === 0 || value.length > maxPooledLength) return value
    const pooled = this.values.get(value)
    if (pooled !== undefined) return pooled
    if (this.values.size < maxPooledValues) this.values.set(value, value)
    return value
  }
}
