import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'

import type { OutcomeDefinition, OutcomeGridField, OutcomeKind } from '../../../../core/extraction/form'
import { newOutcome, timepointsFromText, timepointsText, withTimepoints } from './designer-edits'
import { outcomeKindLabels, outcomeKinds } from './designer-fields'

type Props = {
  field: OutcomeGridField
  onChange: (change: (outcomes: OutcomeDefinition[]) => OutcomeDefinition[]) => void
}

const kindOptions = outcomeKinds.map((value) => ({ value, label: outcomeKindLabels[value] }))

/**
 * The outcomes of an outcome grid in the designer: label, kind and timepoints of each, add and remove. Outcome
 * and timepoint ids stay as they are, so values entered under an earlier version keep their place.
 */
export function OutcomeGridEditor({ field, onChange }: Props) {
  const [label, setLabel] = useState('')
  const [kind, setKind] = useState<OutcomeKind>('proportion')
  const update = (id: string, change: Partial<OutcomeDefinition>) =>
    onChange((outcomes) =>
      outcomes.map((outcome) => (outcome.id === id ? { ...outcome, ...change } : outcome)),
    )

  const handleAdd = () => {
    if (label.trim() === '') return
    onChange((outcomes) => [...outcomes, newOutcome(outcomes, label, kind)])
    setLabel('')
  }

  return (
    <Stack gap="xs" pl="md" role="group" aria-label={`Outcomes of ${field.label}`}>
      {field.outcomes.map((outcome) => (
        <Group key={outcome.id} align="flex-end" wrap="nowrap" gap="xs">
          <TextInput
            label={`Outcome ${outcome.id} label`}
            value={outcome.label}
            onChange={(event) => update(outcome.id, { label: event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <NativeSelect
            label={`Outcome ${outcome.id} kind`}
            value={outcome.kind}
            data={kindOptions}
            onChange={(event) => update(outcome.id, { kind: event.currentTarget.value as OutcomeKind })}
          />
          <TextInput
            // Applied when the input is left: a half-typed "5 ye" should not become a timepoint.
            key={timepointsText(outcome.timepoints)}
            label={`Outcome ${outcome.id} timepoints`}
            description="Comma-separated, e.g. 1 year, 5 years"
            defaultValue={timepointsText(outcome.timepoints)}
            onBlur={(event) => {
              const timepoints = timepointsFromText(event.currentTarget.value, outcome.timepoints)
              onChange((outcomes) =>
                outcomes.map((other) =>
                  other.id === outcome.id ? withTimepoints(other, timepoints) : other,
                ),
              )
            }}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove outcome ${outcome.label}`}
            disabled={field.outcomes.length === 1}
            onClick={() => onChange((outcomes) => outcomes.filter((other) => other.id !== outcome.id))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group align="flex-end" gap="xs">
        <TextInput
          label={`New outcome of ${field.label}`}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
        />
        <NativeSelect
          label={`Kind of the new outcome of ${field.label}`}
          value={kind}
          data={kindOptions}
          onChange={(event) => setKind(event.currentTarget.value as OutcomeKind)}
        />
        <Button variant="default" onClick={handleAdd} disabled={label.trim() === ''}>
          Add outcome
        </Button>
      </Group>
      {field.outcomes.length === 1 && (
        <Text size="xs" c="dimmed">
          A grid keeps at least one outcome; remove the field to remove the grid.
        </Text>
      )}
    </Stack>
  )
}
