import { Table, Text } from '@mantine/core'

import { reviewerAgreement, type Agreement } from '../../../../core/screening/agreement'
import type { ScreeningStage } from '../../../../core/screening/types'
import type { Decision, Reviewer } from '../../db/schema'

type Props = { decisions: Decision[]; reviewers: Reviewer[] }

const stageLabels: Record<ScreeningStage, string> = {
  'title-abstract': 'Title & abstract',
  'full-text': 'Full text',
}

function reviewerId(row: Reviewer): string {
  return row.id.slice(row.projectId.length + 1)
}

function kappaText(agreement: Agreement): string {
  if (!agreement.kappa) return 'not defined (one category only)'
  const { kappa, lower, upper } = agreement.kappa
  return `${kappa.toFixed(2)} (95% CI ${lower.toFixed(2)} to ${upper.toFixed(2)})`
}

/** Percent agreement and Cohen's kappa with its 95 % CI, per stage and pair of reviewers. */
export function AgreementTable({ decisions, reviewers }: Props) {
  const rows: { key: string; stage: string; pair: string; agreement: Agreement }[] = []
  for (const stage of ['title-abstract', 'full-text'] as const) {
    reviewers.forEach((a, index) => {
      for (const b of reviewers.slice(index + 1)) {
        const agreement = reviewerAgreement(decisions, stage, reviewerId(a), reviewerId(b))
        if (agreement)
          rows.push({
            key: `${stage}-${a.id}-${b.id}`,
            stage: stageLabels[stage],
            pair: `${a.name} & ${b.name}`,
            agreement,
          })
      }
    })
  }
  if (rows.length === 0) {
    return <Text c="dimmed">Agreement appears once two reviewers have screened the same records.</Text>
  }
  return (
    <Table aria-label="Agreement between reviewers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Stage</Table.Th>
          <Table.Th>Reviewers</Table.Th>
          <Table.Th>Records both screened</Table.Th>
          <Table.Th>Agreement</Table.Th>
          <Table.Th>Cohen’s κ</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ key, stage, pair, agreement }) => (
          <Table.Tr key={key}>
            <Table.Td>{stage}</Table.Td>
            <Table.Td>{pair}</Table.Td>
            <Table.Td>{agreement.n}</Table.Td>
            <Table.Td>{agreement.percentAgreement.toFixed(1)}%</Table.Td>
            <Table.Td>{kappaText(agreement)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
