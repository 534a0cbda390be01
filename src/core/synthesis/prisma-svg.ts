import type { PrismaCounts } from './prisma'
import { escapeXml, fontFamily, num, wrapText } from './svg'

/** Layout constants (px). Two columns as in the PRISMA 2020 template: the flow on the left, removals on the right. */
const lineHeight = 16
const padding = 10
const gap = 28
const phaseWidth = 28
const mainX = 50
const mainWidth = 330
const sideX = 430
const sideWidth = 330
// About 6.5 px per character at 13 px in a sans-serif font, inside a 330 px box with padding.
const charsPerLine = 46
const width = sideX + sideWidth + 20

type Box = { x: number; y: number; width: number; height: number; lines: string[] }

function box(x: number, y: number, boxWidth: number, texts: readonly string[]): Box {
  const lines = texts.flatMap((text) => wrapText(text, charsPerLine))
  return { x, y, width: boxWidth, height: lines.length * lineHeight + 2 * padding, lines }
}

function drawBox(b: Box): string {
  const text = b.lines
    .map(
      (line, index) =>
        `<tspan x="${num(b.x + padding)}" y="${num(b.y + padding + (index + 0.8) * lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('')
  return (
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" ` +
    `fill="#fff" stroke="#333"/><text font-size="13">${text}</text>`
  )
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="#333" marker-end="url(#arrow)"/>`
}

function phase(label: string, top: number, bottom: number): string {
  const middle = (top + bottom) / 2
  return (
    `<rect x="10" y="${num(top)}" width="${phaseWidth}" height="${num(bottom - top)}" fill="#cfe2f3" stroke="#333"/>` +
    `<text font-size="13" font-weight="bold" text-anchor="middle" transform="translate(${num(10 + phaseWidth / 2 + 4)} ${num(middle)}) rotate(-90)">${escapeXml(label)}</text>`
  )
}

const n = (value: number): string => `(n = ${value})`

/** The texts of each row of the diagram: the flow box and the removal box beside it (none for "included"). */
function rowTexts(counts: PrismaCounts): [string[], string[] | null][] {
  const optional = (count: number, text: string): string[] => (count > 0 ? [`${text} ${n(count)}`] : [])
  return [
    [
      [
        `Records identified from databases ${n(counts.recordsIdentified)}:`,
        ...counts.sources.map(({ source, records }) => `${source} ${n(records)}`),
      ],
      [
        'Records removed before screening:',
        `Duplicate records removed ${n(counts.duplicatesRemoved)}`,
        ...optional(counts.otherRemoved, 'Removed for other reasons'),
      ],
    ],
    [
      [
        `Records screened ${n(counts.recordsScreened)}`,
        ...optional(counts.recordsAwaitingScreening, 'Awaiting screening'),
      ],
      [`Records excluded ${n(counts.recordsExcluded)}`],
    ],
    [
      [`Reports sought for retrieval ${n(counts.reportsSought)}`],
      [`Reports not retrieved ${n(counts.reportsNotRetrieved)}`],
    ],
    [
      [
        `Reports assessed for eligibility ${n(counts.reportsAssessed)}`,
        ...optional(counts.reportsAwaitingClassification, 'Awaiting classification'),
      ],
      [
        `Reports excluded ${n(counts.reportsExcluded)}:`,
        ...counts.reportsExcludedByReason.map(({ reason, reports }) => `${reason} ${n(reports)}`),
      ],
    ],
    [[`Studies included in review ${n(counts.studiesIncluded)}`], null],
  ]
}

type Row = { main: Box; side: Box | null; bottom: number }

/** Places the rows top to bottom; a row is as tall as its taller box. */
function layout(counts: PrismaCounts): Row[] {
  let y = 40
  return rowTexts(counts).map(([mainTexts, sideTexts]) => {
    const main = box(mainX, y, mainWidth, mainTexts)
    const side = sideTexts === null ? null : box(sideX, y, sideWidth, sideTexts)
    const bottom = y + Math.max(main.height, side?.height ?? 0)
    y = bottom + gap
    return { main, side, bottom }
  })
}

/**
 * The PRISMA 2020 flow diagram (new systematic reviews, databases and registers) as a standalone SVG document:
 * identification, screening and included phases, boxes with counts, arrows down the flow and across to the
 * removals. Every piece of text (source names, exclusion reasons) is XML-escaped.
 */
export function prismaSvg(counts: PrismaCounts, title = 'PRISMA 2020 flow diagram'): string {
  const rows = layout(counts)
  const [identification, screening, , assessment, included] = rows as [Row, Row, Row, Row, Row]
  // The rotated "Included" label needs more height than a one-line box has.
  const includedBottom = included.main.y + Math.max(included.main.height, 80)
  const height = includedBottom + 20
  const parts = [
    phase('Identification', identification.main.y, identification.bottom),
    phase('Screening', screening.main.y, assessment.bottom),
    phase('Included', included.main.y, includedBottom),
  ]
  const centre = mainX + mainWidth / 2
  rows.forEach((row, index) => {
    parts.push(drawBox(row.main))
    const next = rows[index + 1]
    if (next) parts.push(arrow(centre, row.main.y + row.main.height, centre, next.main.y))
    if (row.side) {
      // Boxes of a row share their top; the middle of the shorter one keeps the arrow horizontal.
      const middle = row.main.y + Math.min(row.main.height, row.side.height) / 2
      parts.push(drawBox(row.side), arrow(row.main.x + row.main.width, middle, row.side.x, middle))
    }
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeXml(fontFamily)}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#333"/></marker></defs>',
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${num(mainX)}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n')
}
