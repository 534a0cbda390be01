import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'

import type { FieldType, FormField, FormSection, OutcomeKind } from '../../../../core/extraction/form'
import {
  availableFieldTypes,
  buildField,
  fieldTypeLabels,
  outcomeKindLabels,
  outcomeKinds,
  type NewFieldInput,
} from './designer-fields'

type Props = { sections: FormSection[]; onAdd: (sectionId: string, field: FormField) => void }

const emptyInput: NewFieldInput = {
  label: '',
  type: 'text',
  help: '',
  unit: '',
  isRequired: false,
  min: '',
  max: '',
  options: '',
  outcomeLabel: '',
  outcomeKind: 'proportion',
}

/** Adds one field to a section of the form being designed. */
export function AddFieldForm({ sections, onAdd }: Props) {
  const [input, setInput] = useState<NewFieldInput>(emptyInput)
  const [chosenSectionId, setSectionId] = useState(sections[0]?.id ?? '')
  // The chosen section may have been removed (or renamed away) since; fall back to the first.
  const sectionId = sections.some((section) => section.id === chosenSectionId)
    ? chosenSectionId
    : (sections[0]?.id ?? '')
  const [error, setError] = useState<string | null>(null)
  const types = availableFieldTypes(sections)
  const type = types.includes(input.type) ? input.type : 'text'
  const set = (change: Partial<NewFieldInput>) => setInput((current) => ({ ...current, ...change }))
  const isNumber = type === 'integer' || type === 'number' || type === 'percent'
  const isChoice = type === 'select' || type === 'multiSelect'

  const handleAdd = () => {
    if (input.label.trim() === '') {
      setError('Give the field a label.')
      return
    }
    setError(null)
    onAdd(sectionId, buildField({ ...input, type }, sections))
    setInput(emptyInput)
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Add a field">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Add a field
        </Title>
        <Group align="flex-start" grow>
          <NativeSelect
            label="Section"
            value={sectionId}
            data={sections.map((section) => ({ value: section.id, label: section.label }))}
            onChange={(event) => setSectionId(event.currentTarget.value)}
          />
          <TextInput
            label="Field label"
            value={input.label}
            error={error}
            onChange={(event) => set({ label: event.currentTarget.value })}
          />
          <NativeSelect
            label="Field type"
            value={type}
            data={types.map((value) => ({ value, label: fieldTypeLabels[value] }))}
            onChange={(event) => set({ type: event.currentTarget.value as FieldType })}
          />
        </Group>
        <TextInput
          label="Help text"
          description="Shown under the input while extracting"
          value={input.help}
          onChange={(event) => set({ help: event.currentTarget.value })}
        />
        <Group align="flex-start" grow>
          <TextInput
            label="Unit"
            value={input.unit}
            onChange={(event) => set({ unit: event.currentTarget.value })}
          />
          {isNumber && (
            <TextInput
              label="Minimum"
              inputMode="decimal"
              value={input.min}
              onChange={(event) => set({ min: event.currentTarget.value })}
            />
          )}
          {isNumber && (
            <TextInput
              label="Maximum"
              inputMode="decimal"
              value={input.max}
              onChange={(event) => set({ max: event.currentTarget.value })}
            />
          )}
        </Group>
        {isChoice && (
          <Textarea
            label="Options (one per line)"
            value={input.options}
            onChange={(event) => set({ options: event.currentTarget.value })}
          />
        )}
        {type === 'outcomeGrid' && (
          <Group grow>
            <TextInput
              label="Outcome"
              value={input.outcomeLabel}
              onChange={(event) => set({ outcomeLabel: event.currentTarget.value })}
            />
            <NativeSelect
              label="Outcome kind"
              value={input.outcomeKind}
              data={outcomeKinds.map((value) => ({ value, label: outcomeKindLabels[value] }))}
              onChange={(event) => set({ outcomeKind: event.currentTarget.value as OutcomeKind })}
            />
          </Group>
        )}
        <Checkbox
          label="Required"
          checked={input.isRequired}
          onChange={(event) => set({ isRequired: event.currentTarget.checked })}
        />
        <Group>
          <Button variant="default" onClick={handleAdd} disabled={sectionId === ''}>
            Add field
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
