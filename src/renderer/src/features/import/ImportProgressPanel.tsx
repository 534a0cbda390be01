import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core'

import type { ImportProgress } from '../../workers/import-protocol'
import { formatCount, formatSize } from './format-size'

type Props = {
  title: string
  progress: ImportProgress | null
  onCancel: () => void
}

function describe(progress: ImportProgress | null): string {
  if (!progress) return 'Starting…'
  if (progress.unit === 'bytes') {
    return `Reading ${progress.fileName}: ${formatSize(progress.done)} of ${formatSize(progress.total)}`
  }
  return `Saving ${progress.fileName}: ${formatCount(progress.done)} of ${formatCount(progress.total)} records`
}

/** Progress of reading or saving, with Cancel; the work runs in a worker, so the window stays usable. */
export function ImportProgressPanel({ title, progress, onCancel }: Props) {
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        <Progress value={percent} aria-label="Import progress" animated={!progress} size="lg" />
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            {describe(progress)}
          </Text>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
