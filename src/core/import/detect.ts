import { importFormats } from './formats'
import type { ImportFormat } from './types'

/** Characters of decoded text that detection looks at. */
export const detectHeadLength = 8192

/** The detected format of a file and how sure detection is (0..1). `format` is null when nothing matched. */
export type Detection = {
  format: ImportFormat | null
  confidence: number
}

/**
 * Detects the import format of `text` by content: every format scores the first 8 kB, the best score wins, and the
 * file extension only breaks near-ties (within 0.05) — so a WoS plain-text file named `.ris` is still read as WoS.
 */
export function detectFormat(text: string, fileName: string): Detection {
  const head = text.slice(0, detectHeadLength).replace(/^\uFEFF/, '')
  const extension = extensionOf(fileName)
  let best: ImportFormat | null = null
  let bestScore = 0
  for (const format of importFormats) {
    const confidence = format.detect(head)
    if (confidence <= 0) continue
    const score = confidence + (format.extensions.includes(extension) ? 0.05 : 0)
    if (score > bestScore) {
      best = format
      bestScore = score
    }
  }
  if (!best) return { format: null, confidence: 0 }
  return { format: best, confidence: Math.min(1, best.detect(head)) }
}

/** The lower-case extension of a file name without the dot (`'ris'`), or `''`. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'))
  return dot > slash + 1 ? fileName.slice(dot + 1).toLowerCase() : ''
}
