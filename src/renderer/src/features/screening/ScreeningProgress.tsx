import { Group, Progress, Stack, Text } from '@mantine/core'

import type { ScreeningSession } from './useScreeningSession'
import { formatCount } from '../import/format-size'

/** "Screened N of M" for this reviewer and stage, with counts per decision. */
export function ScreeningProgress({ session }: { session: ScreeningSession }) {
  const counts = { include: 0, exclude: 0, maybe: 0 }
  let screened = 0
  for (const id of session.queue) {
    const decision = session.mine.get(id)
    if (!decision) continue
    screened++
    counts[decision.value]++
  }
  const total = session.queue.length
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600} aria-live="polite">
          Screened {formatCount(screened)} of {formatCount(total)}
        </Text>
        <Text size="sm" c="dimmed">
          {formatCount(counts.include)} included · {formatCount(counts.exclude)} excluded ·{' '}
          {formatCount(counts.maybe)} maybe
        </Text>
      </Group>
      <Progress value={total === 0 ? 0 : (screened / total) * 100} aria-label="Screening progress" />
    </Stack>
  )
}
