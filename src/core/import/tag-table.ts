import type { FieldTarget, TagMap } from './draft'
import { targetOf } from './draft'

/** Codes below this are tags of one or two ASCII characters (a leading 1, then 7 bits per character). */
const shortCodes = 1 << 15

/** One tag as read from a line: its text and, when the format's tag map lists it, the field it fills. */
export type TagInfo = {
  readonly name: string
  readonly target: FieldTarget | undefined
}

/**
 * The tags seen in one parse, looked up by a number packed from their characters. The tagged parsers' hot loop
 * then neither slices a tag string per line nor hashes one for the tag-map lookup, and every record shares one
 * string per tag in `raw` (on 100,000-record files these per-line strings were a large part of the garbage).
 */
export class TagTable {
  private readonly byCode = new Map<number, TagInfo>()
  /** Tags of one or two ASCII characters (every WoS tag, most MEDLINE ones) by code, without hashing. */
  private readonly shortByCode: (TagInfo | undefined)[] = new Array<TagInfo | undefined>(shortCodes).fill(
    undefined,
  )

  constructor(private readonly tags: TagMap) {}

  /** The tag written in `text` from `start`, `length` (1 to 4) characters long. */
  read(text: string, start: number, length: number): TagInfo {
    // A leading 1 keeps lengths apart; 4 ASCII characters after it still fit a small integer (under 2^29).
    let code = 1
    for (let i = start; i < start + length; i++) {
      const char = text.charCodeAt(i)
      if (char > 127) return this.infoOf(text.slice(start, start + length))
      code = code * 128 + char
    }
    if (code < shortCodes) {
      let short = this.shortByCode[code]
      if (!short) {
        short = this.infoOf(text.slice(start, start + length))
        this.shortByCode[code] = short
      }
      return short
    }
    let info = this.byCode.get(code)
    if (!info) {
      info = this.infoOf(text.slice(start, start + length))
      this.byCode.set(code, info)
    }
    return info
  }

  private infoOf(name: string): TagInfo {
    return { name, target: targetOf(this.tags, name) }
  }
}
