import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core'

import type { DedupRunProgress } from '../../workers/dedup-protocol'

const phaseLabels: Record<DedupRunProgress['phase'], string> = {
  loading: 'Reading records',
  keys: 'Building match keys',
  candidates: 'Finding candidate pairs',
  scoring: 'Comparing candidate pairs',
  clustering: 'Grouping duplicates',
  saving: 'Saving duplicate clusters',
}

/** Core's phases in order, so one bar moves forward across all of them. */
const phases: DedupRunProgress['phase'][] = [
  'loading',
  'keys',
  'candidates',
  'scoring',
  'clustering',
  'saving',
]

function percentOf(progress: DedupRunProgress | null): number {
  if (!progress) return 0
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0
  return Math.round(((phases.indexOf(progress.phase) + share) / phases.length) * 100)
}

type Props = { progress: DedupRunProgress | null; onCancel: () => void; title?: string }

/** Progress of "Find duplicates", with Cancel; the comparison runs in a worker, so the window stays usable. */
export function DedupProgressPanel({ progress, onCancel, title = 'Finding duplicates' }: Props) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        <Progress value={percentOf(progress)} aria-label="Deduplication progress" animated size="lg" />
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            {progress ? `${phaseLabels[progress.phase]}…` : 'Starting…'}
          </Text>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
