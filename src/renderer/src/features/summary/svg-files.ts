import type { Platform } from '../../platform/types'

/** An SVG string as an image URL (shown with <img>, so nothing in it can run). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/\bwidth="([\d.]+)"/.exec(svg)?.[1] ?? 800)
  const height = Number(/\bheight="([\d.]+)"/.exec(svg)?.[1] ?? 600)
  return { width, height }
}

/** Renders an SVG to PNG bytes at twice its size (sharp in documents), through an offscreen canvas. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { width, height } = svgSize(svg)
  const image = new Image()
  image.src = svgDataUrl(svg)
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = width * 2
  canvas.height = height * 2
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This browser cannot draw images.')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('The image could not be converted to PNG.')
  return new Uint8Array(await blob.arrayBuffer())
}

/** Saves a figure as SVG or PNG through the platform seam. */
export async function saveFigure(
  platform: Platform,
  svg: string,
  baseName: string,
  format: 'svg' | 'png',
): Promise<void> {
  if (format === 'svg') {
    await platform.saveFile({ suggestedName: `${baseName}.svg`, data: svg, mimeType: 'image/svg+xml' })
    return
  }
  await platform.saveFile({
    suggestedName: `${baseName}.png`,
    data: await svgToPng(svg),
    mimeType: 'image/png',
  })
}
