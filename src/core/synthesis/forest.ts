import { isValidStudy, logitStudy, type PooledProportion, type ProportionStudy } from './meta-analysis'
import { escapeXml, fontFamily, num } from './svg'

/** One row of a forest plot: a label (e.g. "Müller 2004") and the study's n/N. */
export type ForestStudy = ProportionStudy & { label: string }

export type ForestOptions = {
  title: string
}

const rowHeight = 22
const top = 64
const labelX = 12
const plotX = 240
const plotWidth = 320
const textX = plotX + plotWidth + 16
/** SVG collapses runs of spaces, so n/N and the percent are separate columns. */
const percentX = textX + 64
const width = percentX + 150

const x = (proportion: number): number => plotX + Math.min(1, Math.max(0, proportion)) * plotWidth
const percent = (proportion: number): string => String(Math.round(proportion * 1000) / 10)

function interval(point: number, low: number, high: number): string {
  return `${percent(point)} % [${percent(low)}–${percent(high)}]`
}

/**
 * A forest plot of proportions as a standalone SVG document: one row per study with its label, observed
 * proportion (square, area by total) and 95 % CI (logit Wald interval, as pooled), a diamond for the pooled
 * estimate when there is one, and an axis from 0 to 100 %. Invalid studies (total ≤ 0 or events outside 0…total)
 * are listed without a marker so the reader sees them. Labels and the title are XML-escaped.
 */
export function forestPlotSvg(
  studies: readonly ForestStudy[],
  pooled: PooledProportion | null,
  options: ForestOptions,
): string {
  const parts: string[] = []
  const maxTotal = Math.max(1, ...studies.map((study) => (Number.isFinite(study.total) ? study.total : 0)))
  studies.forEach((study, index) => {
    const y = top + index * rowHeight + rowHeight / 2
    parts.push(`<text x="${labelX}" y="${num(y + 4)}">${escapeXml(study.label)}</text>`)
    if (!isValidStudy(study)) {
      parts.push(`<text x="${percentX}" y="${num(y + 4)}">not a proportion</text>`)
      return
    }
    const logit = logitStudy(study)
    const side = 4 + 6 * Math.sqrt(study.total / maxTotal)
    parts.push(
      `<line x1="${num(x(logit.ciLow))}" y1="${num(y)}" x2="${num(x(logit.ciHigh))}" y2="${num(y)}" stroke="#333"/>`,
      `<rect x="${num(x(logit.proportion) - side / 2)}" y="${num(y - side / 2)}" width="${num(side)}" height="${num(side)}" fill="#1f4e79"/>`,
      `<text x="${textX}" y="${num(y + 4)}">${escapeXml(`${study.events}/${study.total}`)}</text>`,
      `<text x="${percentX}" y="${num(y + 4)}">${escapeXml(interval(logit.proportion, logit.ciLow, logit.ciHigh))}</text>`,
    )
  })
  let y = top + studies.length * rowHeight + rowHeight / 2
  if (pooled !== null) {
    const points = [
      [x(pooled.ciLow), y],
      [x(pooled.proportion), y - 7],
      [x(pooled.ciHigh), y],
      [x(pooled.proportion), y + 7],
    ]
      .map(([px = 0, py = 0]) => `${num(px)},${num(py)}`)
      .join(' ')
    const label = `Random effects (${pooled.method === 'reml' ? 'REML' : 'DL'}), I² ${Math.round(pooled.i2)} %`
    parts.push(
      `<text x="${labelX}" y="${num(y + 4)}" font-weight="bold">${escapeXml(label)}</text>`,
      `<polygon points="${points}" fill="#c00000"/>`,
      `<text x="${percentX}" y="${num(y + 4)}" font-weight="bold">${escapeXml(interval(pooled.proportion, pooled.ciLow, pooled.ciHigh))}</text>`,
    )
    y += rowHeight
  }
  const axisY = y
  parts.push(
    `<line x1="${plotX}" y1="${num(axisY)}" x2="${plotX + plotWidth}" y2="${num(axisY)}" stroke="#333"/>`,
  )
  for (let tick = 0; tick <= 100; tick += 20) {
    const tx = x(tick / 100)
    parts.push(
      `<line x1="${num(tx)}" y1="${num(axisY)}" x2="${num(tx)}" y2="${num(axisY + 5)}" stroke="#333"/>`,
      `<text x="${num(tx)}" y="${num(axisY + 18)}" text-anchor="middle">${tick}</text>`,
    )
  }
  parts.push(
    `<text x="${plotX + plotWidth / 2}" y="${num(axisY + 36)}" text-anchor="middle">Proportion (%)</text>`,
  )
  if (pooled !== null) {
    const px = x(pooled.proportion)
    parts.push(
      `<line x1="${num(px)}" y1="${top}" x2="${num(px)}" y2="${num(axisY)}" stroke="#c00000" stroke-dasharray="3 3"/>`,
    )
  }
  const height = axisY + 50
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${num(height)}" viewBox="0 0 ${width} ${num(height)}" font-family="${escapeXml(fontFamily)}" font-size="12" role="img">`,
    `<title>${escapeXml(options.title)}</title>`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<text x="${labelX}" y="24" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
    `<text x="${labelX}" y="${top - 10}" font-weight="bold">Study</text>`,
    `<text x="${textX}" y="${top - 10}" font-weight="bold">n/N</text>`,
    `<text x="${percentX}" y="${top - 10}" font-weight="bold">% [95 % CI]</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n')
}
