import { Group, Paper, Text } from '@mantine/core'

import type { ScreeningStage } from '../../../../core/screening/types'
import { useProjectReviewers } from '../../db/hooks/useScreening'
import type { Decision } from '../../db/schema'

type Props = { decisions: Decision[]; recordId: string; stage: ScreeningStage; me: string }

/** Teammates' decisions on this record; shown only when the project is not screened blind. */
export function OtherReviewers({ decisions, recordId, stage, me }: Props) {
  const others = decisions.filter(
    (decision) => decision.recordId === recordId && decision.stage === stage && decision.reviewerId !== me,
  )
  const reviewers = useProjectReviewers(others[0]?.projectId ?? '')
  if (others.length === 0) return null
  const nameOf = (id: string) =>
    reviewers?.find((reviewer) => reviewer.id.endsWith(`:${id}`))?.name ?? 'Teammate'
  return (
    <Paper withBorder p="sm" aria-label="Other reviewers' decisions">
      <Group gap="md">
        <Text size="sm" fw={600}>
          Other reviewers:
        </Text>
        {others.map((decision) => (
          <Text size="sm" key={decision.id}>
            {nameOf(decision.reviewerId)} — {decision.value}
            {decision.reason ? ` (${decision.reason})` : ''}
          </Text>
        ))}
      </Group>
    </Paper>
  )
}
