import { ActionIcon, Group, Paper, Stack, Text, TextInput } from '@mantine/core'

import type { FormField, FormSection } from '../../../../core/extraction/form'
import { updateOutcomes, withHelp } from './designer-edits'
import { fieldTypeLabels } from './designer-fields'
import { OutcomeGridEditor } from './OutcomeGridEditor'

type Props = {
  section: FormSection
  onRename: (label: string) => void
  onRemove: () => void
  onFieldChange: (fieldId: string, change: (field: FormField) => FormField | null) => void
}

/** One section in the designer: its name, and each field's label, help text (and outcomes, for a grid). */
export function DesignerSection({ section, onRename, onRemove, onFieldChange }: Props) {
  return (
    <Paper withBorder p="md" component="section" aria-label={`Section ${section.label}`}>
      <Group align="flex-end" wrap="nowrap" mb="sm">
        <TextInput
          label={`Name of section ${section.id}`}
          value={section.label}
          onChange={(event) => onRename(event.currentTarget.value)}
          style={{ flex: 1 }}
          fw={600}
        />
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Remove section ${section.label}`}
          title="Remove the section and its fields (values entered in them are kept)"
          onClick={onRemove}
        >
          ×
        </ActionIcon>
      </Group>
      <Stack gap="md">
        {section.fields.length === 0 && (
          <Text size="sm" c="dimmed">
            No fields yet: add one below.
          </Text>
        )}
        {section.fields.map((field) => (
          <Stack key={field.id} gap={4}>
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={`Label of field ${field.id}`}
                value={field.label}
                onChange={(event) => {
                  const label = event.currentTarget.value
                  onFieldChange(field.id, (f) => ({ ...f, label }))
                }}
                style={{ flex: 1 }}
              />
              <TextInput
                label={`Help of field ${field.id}`}
                value={field.help ?? ''}
                onChange={(event) => {
                  const help = event.currentTarget.value
                  onFieldChange(field.id, (f) => withHelp(f, help))
                }}
                style={{ flex: 1 }}
              />
              <Text size="sm" c="dimmed" w={180}>
                {fieldTypeLabels[field.type]}
                {field.required ? ', required' : ''}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove field ${field.label}`}
                onClick={() => onFieldChange(field.id, () => null)}
              >
                ×
              </ActionIcon>
            </Group>
            {field.type === 'outcomeGrid' && (
              <OutcomeGridEditor
                field={field}
                onChange={(change) => onFieldChange(field.id, (f) => updateOutcomes(f, change))}
              />
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}
