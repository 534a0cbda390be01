import { Table, Title } from '@mantine/core'
import { useMemo } from 'react'

import { prismaScreeningCounts } from '../../../../core/screening/progress'
import { useProjectDecisions, useRecordIds, useResolutions } from '../../db/hooks/useScreening'
import { formatCount } from '../import/format-size'

/** The screening boxes of the PRISMA 2020 flow diagram, from the team's settled decisions. */
export function PrismaNumbers({ projectId }: { projectId: string }) {
  const recordIds = useRecordIds(projectId)
  const decisions = useProjectDecisions(projectId)
  const resolutions = useResolutions(projectId)
  const counts = useMemo(
    () =>
      recordIds && decisions && resolutions
        ? prismaScreeningCounts({ recordIds, decisions, resolutions })
        : null,
    [recordIds, decisions, resolutions],
  )
  if (!counts) return null
  const rows: [string, number][] = [
    ['Records screened (title & abstract)', counts.recordsScreened],
    ['Records excluded', counts.recordsExcluded],
    ['Records awaiting screening or in conflict', counts.recordsAwaitingScreening],
    ['Reports sought for retrieval', counts.reportsSought],
    ['Reports assessed for eligibility', counts.reportsAssessed],
    ['Reports excluded', counts.reportsExcluded],
    ...Object.entries(counts.reportsExcludedByReason).map(([reason, n]): [string, number] => [
      `  — ${reason}`,
      n,
    ]),
    ['Reports awaiting classification (maybe)', counts.reportsAwaitingClassification],
    ['Studies included', counts.included],
  ]
  return (
    <>
      <Title order={3}>PRISMA 2020 screening numbers</Title>
      <Table aria-label="PRISMA screening numbers" maw={560}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={label.startsWith('  ') ? 400 : 600}>
                {label}
              </Table.Th>
              <Table.Td>{formatCount(value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
