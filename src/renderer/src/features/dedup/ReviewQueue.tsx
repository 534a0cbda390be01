import { Alert, Badge, Button, Group, Kbd, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'

import { useDecisionsOn } from '../../db/hooks/useDedup'
import { useRecordsByIds } from '../../db/hooks/useScreening'
import { pickKeptRecord } from '../../db/repos/dedup'
import type { DuplicateCluster } from '../../db/schema'
import { ClusterComparison } from './ClusterComparison'
import { decisionConflicts } from './compare-fields'
import { useDedupActions } from './useDedupActions'
import { useDedupKeys } from './useDedupKeys'

type Props = { suggestions: DuplicateCluster[] }

/** Suggested duplicates one at a time: Merge (M), Not duplicates (N) or Skip (S / J). */
export function ReviewQueue({ suggestions }: Props) {
  const { merge, markNotDuplicates } = useDedupActions()
  const [position, setPosition] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const index = suggestions.length === 0 ? 0 : Math.min(position, suggestions.length - 1)
  const current = suggestions[index]

  const run = (action: (clusterId: string) => Promise<void>) => {
    if (!current || isBusy) return
    setIsBusy(true)
    setError(null)
    action(current.id)
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
      .finally(() => setIsBusy(false))
  }
  const handleSkip = () => setPosition(suggestions.length === 0 ? 0 : (index + 1) % suggestions.length)
  const handlers = {
    onMerge: () => run(merge),
    onNotDuplicates: () => run(markNotDuplicates),
    onSkip: handleSkip,
  }
  useDedupKeys(handlers, current !== undefined)

  return (
    <Stack component="section" aria-label="Review queue">
      <Title order={3}>Review queue</Title>
      {!current ? (
        <Text c="dimmed">No suggested duplicates are waiting for review.</Text>
      ) : (
        <Paper withBorder p="md">
          <Stack>
            <Group justify="space-between">
              <Group gap="xs">
                <Text fw={600} aria-live="polite">
                  Suggestion {index + 1} of {suggestions.length}
                </Text>
                {current.isCertain ? (
                  <Badge color="green">Certain duplicate</Badge>
                ) : (
                  <Badge color="yellow">Possible duplicate · score {current.score.toFixed(2)}</Badge>
                )}
              </Group>
              {current.reason && (
                <Text size="sm" c="dimmed">
                  {current.reason}
                </Text>
              )}
            </Group>
            {error && (
              <Alert color="red" withCloseButton onClose={() => setError(null)}>
                {error}
              </Alert>
            )}
            <Candidates cluster={current} />
            <Group>
              <Button onClick={handlers.onMerge} loading={isBusy} aria-label="Merge" aria-keyshortcuts="M">
                Merge <Kbd ml="xs">M</Kbd>
              </Button>
              <Button
                variant="default"
                onClick={handlers.onNotDuplicates}
                disabled={isBusy}
                aria-label="Not duplicates"
                aria-keyshortcuts="N"
              >
                Not duplicates <Kbd ml="xs">N</Kbd>
              </Button>
              <Button
                variant="subtle"
                onClick={handleSkip}
                disabled={isBusy}
                aria-label="Skip"
                aria-keyshortcuts="S J"
              >
                Skip <Kbd ml="xs">S</Kbd>
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}

function Candidates({ cluster }: { cluster: DuplicateCluster }) {
  const records = useRecordsByIds(cluster.recordIds)
  const decisions = useDecisionsOn(cluster.recordIds)
  if (!records) return <Loader aria-label="Loading records" />
  const conflicts = decisions ? decisionConflicts(decisions, cluster.recordIds) : []
  return (
    <Stack>
      {conflicts.length > 0 && (
        <Alert color="orange" title="Conflicting decisions">
          These records were screened differently ({conflicts.join('; ')}). Nothing is dropped: decisions on
          records merged away stay with them and come back if the merge is undone.
        </Alert>
      )}
      <ClusterComparison records={records} keepRecordId={pickKeptRecord(records)?.id ?? ''} />
    </Stack>
  )
}
