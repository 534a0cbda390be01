/** The result of turning file bytes into text: the text, the encoding used, and what the user should know. */
export type DecodedText = {
  text: string
  /** `utf-8`, `utf-16le`, `utf-16be` or `windows-1252` (which also covers latin-1 / ISO-8859-1). */
  encoding: string
  warnings: string[]
}

/**
 * Decodes file bytes without silent mojibake: a BOM decides first (UTF-8, UTF-16LE/BE); UTF-16 without a BOM is
 * recognised by its NUL bytes; then strict UTF-8 is tried, and only bytes that are not valid UTF-8 fall back to
 * Windows-1252 (a superset of latin-1 for printable text), with a warning naming the encoding so the user can check.
 * The BOM is removed from the text.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3), [])
  if (b0 === 0xff && b1 === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), [])
  if (b0 === 0xfe && b1 === 0xff) return decodeWith('utf-16be', bytes.subarray(2), [])
  const utf16 = guessUtf16(bytes)
  if (utf16)
    return decodeWith(utf16, bytes, [`no byte-order mark; read as ${utf16.toUpperCase()} from its NUL bytes`])
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
      warnings: [],
    }
  } catch {
    const text = decodeWindows1252(bytes)
    return {
      text,
      encoding: 'windows-1252',
      warnings: [
        'the file is not valid UTF-8; read as Windows-1252 (Western European / latin-1): check accented names',
      ],
    }
  }
}

/** Windows-1252 code points for bytes 0x80–0x9F (the rest of the byte range maps to the same code point). */
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
]

/**
 * Decodes Windows-1252 by table. Written out because Node's small-ICU `TextDecoder('windows-1252')` decodes as
 * ISO-8859-1 and would turn the curly quotes and dashes that Word-made files are full of into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const chunk: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0
    chunk.push(byte >= 0x80 && byte < 0xa0 ? (cp1252High[byte - 0x80] ?? byte) : byte)
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk)
      chunk.length = 0
    }
  }
  return out + String.fromCharCode(...chunk)
}

function decodeWith(encoding: string, bytes: Uint8Array, warnings: string[]): DecodedText {
  try {
    return {
      text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding,
      warnings,
    }
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
    return {
      text,
      encoding,
      warnings: [...warnings, `invalid ${encoding.toUpperCase()} sequences replaced with �`],
    }
  }
}

/**
 * UTF-16 text of mostly-ASCII content has a NUL in every other byte. Samples the first 4 kB and decides by which
 * half of the byte pairs holds the NULs; binary files were already rejected by `sniffBinary`.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1
  if (length < 4) return null
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++
    if (bytes[i + 1] === 0) oddNuls++
  }
  const pairs = length / 2
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le'
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be'
  return null
}

type Signature = { bytes: readonly number[]; offset?: number; name: string }

/** Magic numbers of files people rename to `.ris` or `.txt` by mistake (RELIABILITY.md P6). */
const signatures: readonly Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a Word/Excel file)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], name: 'an empty ZIP archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x1f, 0x8b], name: 'a gzip-compressed file' },
  { bytes: [0x42, 0x5a, 0x68], name: 'a bzip2-compressed file' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Microsoft Office document (.doc/.xls)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65],
    name: 'an SQLite database (e.g. an EndNote/Zotero library file)',
  },
  { bytes: [0x49, 0x49, 0x2a, 0x00], name: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], name: 'a TIFF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'a RIFF media file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'a program (ELF executable)' },
  { bytes: [0x4d, 0x5a], name: 'a Windows program' },
]

/**
 * Rejects binary files before decoding: returns a user-facing message naming what the file really is (PDF, ZIP,
 * image, archive…), or null when the bytes may be text. Files with NUL bytes that are not UTF-16 are rejected too.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const signature of signatures) {
    if (signature.bytes.every((byte, i) => bytes[i] === byte)) {
      return `This file is ${signature.name}, not a citation export. Export the references as RIS, MEDLINE, BibTeX, CSV or XML and import that file.`
    }
  }
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (hasBom || guessUtf16(bytes)) return null
  const length = Math.min(bytes.length, 4096)
  let controls = 0
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] ?? 0
    if (byte === 0) return 'This file contains binary data (NUL bytes), not a citation export.'
    if (byte < 9 || (byte > 13 && byte < 32 && byte !== 26 && byte !== 27)) controls++
  }
  return controls > length * 0.1 ? 'This file looks like binary data, not a citation export.' : null
}
