import { parseAuthor } from '../records/normalise'
import type { Author, RawField } from '../records/record'

/** Values longer than this are rarely repeated (titles, abstracts) and are not worth hashing. */
const maxPooledLength = 64

/** Distinct values (and distinct verbatim fields) kept per parse, so a file of unique values cannot grow the pool without bound. */
const maxPooledValues = 8192

/** Lookups of one tag's values before deciding whether they repeat enough to keep pooling them. */
const trialLookups = 256

/** Verbatim fields of one tag: their shared objects by value, and how often a lookup found one. */
type TagFields = { byValue: Map<string, RawField>; lookups: number; hits: number; isPooled: boolean }

/**
 * Shares one string per distinct short value within one parse. On a 100,000-record export the same journal,
 * language, publication types, keywords, MeSH headings and author names recur in most records; every record kept
 * its own copy, and those copies survived into the old generation, where copying and marking them was a large part
 * of the garbage collector's time.
 */
export class StringPool {
  private readonly values = new Map<string, string>()
  /** Verbatim fields by tag. */
  private readonly fields = new Map<string, TagFields>()
  private fieldCount = 0
  /** Parsed authors by the name exactly as the file wrote it (`null` for a name that is only punctuation). */
  private readonly authors = new Map<string, Readonly<Author> | null>()

  /** The pooled string equal to `value` (`value` itself the first time, or when it is long or the pool is full). */
  intern(value: string): string {
    if (value.length === 0 || value.length > maxPooledLength) return value
    const pooled = this.values.get(value)
    if (pooled !== undefined) return pooled
    if (this.values.size < maxPooledValues) this.values.set(value, value)
    return value
  }

  /**
   * One shared, frozen verbatim field per distinct short tag and value (`PT J`, `OWN NLM`, `STAT MEDLINE`, `LA
   * English`, a publisher, a page count): most of a tagged record's unmapped lines repeat across the file, and each
   * kept as its own object was the largest share of what a parse left for the garbage collector. Call it only on a
   * finished draft: a shared field must never be extended by a later continuation line. A tag whose values
   * rarely repeat (accession numbers, addresses, reference lists) stops being looked up after a trial.
   */
  field(raw: RawField): RawField {
    if (raw.value.length > maxPooledLength) return raw
    let tag = this.fields.get(raw.tag)
    if (tag === undefined) {
      tag = { byValue: new Map(), lookups: 0, hits: 0, isPooled: true }
      this.fields.set(raw.tag, tag)
    }
    if (!tag.isPooled) return raw
    const pooled = tag.byValue.get(raw.value)
    if (++tag.lookups === trialLookups) tag.isPooled = tag.hits * 4 >= trialLookups
    if (pooled !== undefined) {
      tag.hits++
      return pooled
    }
    if (this.fieldCount < maxPooledValues) {
      this.fieldCount++
      tag.byValue.set(raw.value, Object.freeze(raw))
    }
    return raw
  }

  /**
   * The author `name` parses to, one shared frozen object per distinct name: the same people write many of a
   * topic's papers, and this parses each name once and keeps one object for all its records.
   */
  author(name: string): Author | null {
    const known = this.authors.get(name)
    if (known !== undefined) return known
    const author = parseAuthor(name)
    if (author) {
      author.family = this.intern(author.family)
      author.given = this.intern(author.given)
    }
    if (this.authors.size < maxPooledValues && name.length <= maxPooledLength)
      this.authors.set(name, author && Object.freeze(author))
    return author
  }
}
