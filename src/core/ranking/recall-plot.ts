import { recallCurve } from './stopping'

/** One curve to draw: its label and the decisions in screening order (1 = include). */
export type RecallSeries = { label: string; decisions: ArrayLike<number> }

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f']

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * A self-contained SVG of recall curves: includes found (y) against records screened (x, up to `totalRecords`),
 * one step line per series, the diagonal of screening in random order, and a dashed line at 95 % of
 * `relevantRecords`. Text only, so it works in core, the CLI and a worker alike.
 */
export function recallPlotSvg(
  series: readonly RecallSeries[],
  totalRecords: number,
  relevantRecords: number,
  title = 'Recall curve',
): string {
  const [width, height, left, bottom, top, right] = [640, 420, 60, 50, 40, 150]
  const plotWidth = width - left - right
  const plotHeight = height - top - bottom
  const x = (screened: number): number => left + (plotWidth * screened) / Math.max(1, totalRecords)
  const y = (found: number): number => top + plotHeight - (plotHeight * found) / Math.max(1, relevantRecords)
  const fixed = (value: number): string => value.toFixed(1)
  const curves = series.map((each, at) => {
    const points = recallCurve(each.decisions)
    let path = `M${fixed(x(0))},${fixed(y(0))}`
    let found = 0
    for (const point of points.slice(1)) {
      path += ` H${fixed(x(point.screened - (point.relevantFound > found ? 1 : 0)))} V${fixed(y(point.relevantFound))}`
      path += ` H${fixed(x(point.screened))}`
      found = point.relevantFound
    }
    const color = palette[at % palette.length] ?? '#000'
    const legendY = top + 16 * at
    return (
      `<path d="${path}" fill="none" stroke="${color}" stroke-width="1.5"/>` +
      `<text x="${width - right + 12}" y="${legendY + 4}" fill="${color}">${escapeXml(each.label)}</text>`
    )
  })
  const target = y(0.95 * relevantRecords)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="24" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#333"/>`,
    `<line x1="${fixed(x(0))}" y1="${fixed(y(0))}" x2="${fixed(x(totalRecords))}" y2="${fixed(y(relevantRecords))}" stroke="#aaa" stroke-dasharray="2 3"/>`,
    `<line x1="${left}" y1="${fixed(target)}" x2="${left + plotWidth}" y2="${fixed(target)}" stroke="#aaa" stroke-dasharray="6 4"/>`,
    `<text x="${left + plotWidth - 4}" y="${fixed(target - 4)}" text-anchor="end" fill="#777">95 % recall</text>`,
    `<text x="${left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">records screened (of ${totalRecords})</text>`,
    `<text x="16" y="${top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + plotHeight / 2})">includes found (of ${relevantRecords})</text>`,
    `<text x="${left}" y="${top + plotHeight + 16}" text-anchor="middle">0</text>`,
    `<text x="${left + plotWidth}" y="${top + plotHeight + 16}" text-anchor="middle">${totalRecords}</text>`,
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end">${relevantRecords}</text>`,
    ...curves,
    '</svg>',
    '',
  ].join('\n')
}
