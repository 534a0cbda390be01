import { ActionIcon, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'

import type { ExtractionForm, FormField, FormSection } from '../../../../core/extraction/form'
import { reviseForm } from '../../../../core/extraction/versioning'
import { AddFieldForm } from './AddFieldForm'
import { fieldTypeLabels } from './designer-fields'
import { useExtractionActions } from './useExtractionActions'

type Props = {
  projectId: string
  form: ExtractionForm
  actor: string
  /** What the last save said; kept by the page because saving remounts the designer on the new version. */
  message: string | null
  onMessage: (message: string | null) => void
}

/**
 * The form designer: rename, remove and add fields, then save as a new version. Earlier versions stay, and values
 * entered under them are migrated when next opened (nothing is lost: see core `migrateValues`).
 */
export function FormDesigner({ projectId, form, actor, message, onMessage }: Props) {
  const { saveFormVersion } = useExtractionActions()
  const [sections, setSections] = useState<FormSection[]>(form.sections)
  const [errors, setErrors] = useState<string[]>([])

  const updateField = (
    sectionId: string,
    fieldId: string,
    change: (field: FormField) => FormField | null,
  ) => {
    onMessage(null)
    setSections((current) =>
      current.map((section) =>
        section.id !== sectionId
          ? section
          : {
              ...section,
              fields: section.fields.flatMap((field) => {
                if (field.id !== fieldId) return [field]
                const changed = change(field)
                return changed ? [changed] : []
              }),
            },
      ),
    )
  }

  const handleAdd = (sectionId: string, field: FormField) => {
    onMessage(null)
    setSections((current) =>
      current.map((section) =>
        section.id === sectionId ? { ...section, fields: [...section.fields, field] } : section,
      ),
    )
  }

  const handleSave = () => {
    const revised = reviseForm(form, { sections })
    if (!revised.ok) {
      setErrors(revised.errors)
      return
    }
    setErrors([])
    saveFormVersion(projectId, revised.form, actor).then(
      () => onMessage(`Form version ${revised.form.version} saved.`),
      (e: unknown) => setErrors([e instanceof Error ? e.message : String(e)]),
    )
  }

  return (
    <Stack>
      <Text size="sm">
        {form.name}, version {form.version}
      </Text>
      {sections.map((section) => (
        <Paper key={section.id} withBorder p="md" component="section" aria-label={`Section ${section.label}`}>
          <Title order={3} size="h4" mb="sm">
            {section.label}
          </Title>
          <Stack gap="xs">
            {section.fields.map((field) => (
              <Group key={field.id} align="flex-end" wrap="nowrap">
                <TextInput
                  label={`Label of field ${field.id}`}
                  value={field.label}
                  onChange={(event) => {
                    const label = event.currentTarget.value
                    updateField(section.id, field.id, (f) => ({ ...f, label }))
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
                  onClick={() => updateField(section.id, field.id, () => null)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        </Paper>
      ))}
      <AddFieldForm sections={sections} onAdd={handleAdd} />
      <Group>
        <Button onClick={handleSave}>Save form version</Button>
        {message && (
          <Text role="status" size="sm">
            {message}
          </Text>
        )}
      </Group>
      {errors.length > 0 && (
        <List role="alert" c="red" size="sm">
          {errors.map((error) => (
            <List.Item key={error}>{error}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}
