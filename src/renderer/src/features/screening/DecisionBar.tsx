import { Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core'

import type { DecisionValue } from '../../../../core/screening/types'

type Props = {
  current: DecisionValue | null
  currentReason: string
  isFullText: boolean
  exclusionReasons: string[]
  isPickingReason: boolean
  canUndo: boolean
  onDecide: (value: DecisionValue) => void
  onReason: (index: number) => void
  onUndo: () => void
  onMove: (step: 1 | -1) => void
}

const buttons: { value: DecisionValue; label: string; key: string; color: string }[] = [
  { value: 'include', label: 'Include', key: 'I', color: 'teal' },
  { value: 'exclude', label: 'Exclude', key: 'E', color: 'red' },
  { value: 'maybe', label: 'Maybe', key: 'M', color: 'yellow' },
]

/** Include / Exclude / Maybe with their keys, the full-text exclusion reasons, and moving through the queue. */
export function DecisionBar(props: Props) {
  const { current, currentReason, isFullText, exclusionReasons, isPickingReason, canUndo } = props
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="xs">
          {buttons.map(({ value, label, key, color }) => (
            <Button
              key={value}
              color={color}
              variant={current === value ? 'filled' : 'light'}
              aria-pressed={current === value}
              aria-keyshortcuts={key}
              onClick={() => props.onDecide(value)}
              rightSection={<Kbd size="xs">{key}</Kbd>}
            >
              {label}
            </Button>
          ))}
          <Button variant="default" onClick={() => props.onMove(-1)} aria-keyshortcuts="K">
            Previous
          </Button>
          <Button variant="default" onClick={() => props.onMove(1)} aria-keyshortcuts="J">
            Next
          </Button>
          <Button variant="subtle" disabled={!canUndo} onClick={props.onUndo} aria-keyshortcuts="U">
            Undo
          </Button>
        </Group>
        {current === 'exclude' && currentReason && (
          <Text size="sm">
            Excluded: <strong>{currentReason}</strong>
          </Text>
        )}
        {isFullText && isPickingReason && (
          <Stack gap={4} role="group" aria-label="Exclusion reason">
            <Text size="sm" fw={600}>
              Why is it excluded? Press 1–9 or choose:
            </Text>
            <Group gap={6}>
              {exclusionReasons.map((reason, index) => (
                <Button
                  key={reason}
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => props.onReason(index)}
                >
                  {index < 9 ? `${index + 1}. ` : ''}
                  {reason}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
