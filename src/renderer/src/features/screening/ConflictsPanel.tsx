import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'

import {
  computeScreeningStatus,
  openConflicts,
  type ScreeningConflict,
} from '../../../../core/screening/status'
import type { DecisionValue } from '../../../../core/screening/types'
import {
  useProjectDecisions,
  useProjectReviewers,
  useRecordsByIds,
  useResolutions,
} from '../../db/hooks/useScreening'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import type { Reviewer, ScreeningSettings } from '../../db/schema'
import { useTeamActions } from './useTeamActions'

type Props = { projectId: string; reviewer: ReviewerProfile; settings: ScreeningSettings }

/** Every open disagreement between reviewers, each settled here by the pair or a third reviewer. */
export function ConflictsPanel({ projectId, reviewer, settings }: Props) {
  const decisions = useProjectDecisions(projectId)
  const resolutions = useResolutions(projectId)
  const reviewers = useProjectReviewers(projectId)
  const conflicts = useMemo(
    () => openConflicts(computeScreeningStatus(decisions ?? [], resolutions ?? [])),
    [decisions, resolutions],
  )
  const records = useRecordsByIds(conflicts.map((conflict) => conflict.recordId))
  const titleOf = (id: string) => records?.find((record) => record.id === id)?.title || '(no title)'

  return (
    <Stack>
      <Title order={3}>Conflicts ({conflicts.length})</Title>
      {conflicts.length === 0 ? (
        <Text c="dimmed">
          No open conflicts: every record two reviewers decided has the same decision, or is resolved.
        </Text>
      ) : (
        conflicts.map((conflict) => (
          <ConflictCard
            key={`${conflict.recordId}-${conflict.stage}`}
            conflict={conflict}
            title={titleOf(conflict.recordId)}
            reviewers={reviewers ?? []}
            exclusionReasons={settings.exclusionReasons}
            projectId={projectId}
            resolverId={reviewer.id}
          />
        ))
      )}
    </Stack>
  )
}

type CardProps = {
  conflict: ScreeningConflict
  title: string
  reviewers: Reviewer[]
  exclusionReasons: string[]
  projectId: string
  resolverId: string
}

function ConflictCard({ conflict, title, reviewers, exclusionReasons, projectId, resolverId }: CardProps) {
  const { resolve } = useTeamActions()
  const [reason, setReason] = useState(exclusionReasons[0] ?? '')
  const [error, setError] = useState<string | null>(null)
  const isFullText = conflict.stage === 'full-text'
  const nameOf = (id: string) => reviewers.find((row) => row.id === `${projectId}:${id}`)?.name ?? 'Reviewer'

  const handleResolve = (value: DecisionValue) =>
    resolve(projectId, {
      recordId: conflict.recordId,
      stage: conflict.stage,
      value,
      reason: value === 'exclude' && isFullText ? reason : '',
      resolvedBy: resolverId,
    }).catch((cause: unknown) => setError(String(cause)))

  return (
    <Paper withBorder p="md" component="section" aria-label={`Conflict: ${title}`}>
      <Stack gap="xs">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {isFullText ? 'Full text' : 'Title & abstract'} ·{' '}
          {conflict.decisions
            .map(
              (decision) =>
                `${nameOf(decision.reviewerId)}: ${decision.value}${decision.reason ? ` (${decision.reason})` : ''}`,
            )
            .join(' · ')}
        </Text>
        <Group gap="xs" align="flex-end">
          <Button size="xs" color="teal" onClick={() => void handleResolve('include')}>
            Resolve as include
          </Button>
          <Button size="xs" color="red" onClick={() => void handleResolve('exclude')}>
            Resolve as exclude
          </Button>
          <Button size="xs" color="yellow" onClick={() => void handleResolve('maybe')}>
            Resolve as maybe
          </Button>
          {isFullText && (
            <NativeSelect
              size="xs"
              label="Exclusion reason"
              data={exclusionReasons}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
          )}
        </Group>
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  )
}
