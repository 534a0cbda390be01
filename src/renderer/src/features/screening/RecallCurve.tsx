import type { RecallPoint } from '../../../../core/ranking/stopping'

type Props = { points: RecallPoint[]; total: number }

const width = 260
const height = 110
const pad = 24

/** The recall curve so far: relevant records found (up) against records screened (across), as a step line. */
export function RecallCurve({ points, total }: Props) {
  const last = points.at(-1) ?? { screened: 0, relevantFound: 0 }
  const maxX = Math.max(1, total, last.screened)
  const maxY = Math.max(1, last.relevantFound)
  const x = (value: number) => pad + (value / maxX) * (width - pad - 8)
  const y = (value: number) => height - pad - (value / maxY) * (height - pad - 8)
  let path = `M ${x(0)} ${y(0)}`
  let found = 0
  for (const point of points) {
    path += ` H ${x(point.screened)} V ${y(point.relevantFound)}`
    found = point.relevantFound
  }
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`Recall curve: ${found} relevant found in ${last.screened} of ${total} records screened`}
    >
      <line x1={pad} y1={height - pad} x2={width - 8} y2={height - pad} stroke="currentColor" opacity={0.4} />
      <line x1={pad} y1={8} x2={pad} y2={height - pad} stroke="currentColor" opacity={0.4} />
      <line
        x1={x(0)}
        y1={y(0)}
        x2={x(maxX)}
        y2={y(maxY)}
        stroke="currentColor"
        strokeDasharray="3 3"
        opacity={0.3}
      />
      <path d={path} fill="none" stroke="var(--mantine-color-teal-6)" strokeWidth={2} />
      <text x={pad} y={height - 6} fontSize={10} fill="currentColor">
        screened →
      </text>
      <text x={2} y={14} fontSize={10} fill="currentColor">
        found
      </text>
    </svg>
  )
}
