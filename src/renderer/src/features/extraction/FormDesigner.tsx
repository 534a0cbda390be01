import { Button, Group, List, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'

import type { ExtractionForm, FormField, FormSection } from '../../../../core/extraction/form'
import { reviseForm } from '../../../../core/extraction/versioning'
import { AddFieldForm } from './AddFieldForm'
import { addSection, removeSection, renameSection, updateField } from './designer-edits'
import { DesignerSection } from './DesignerSection'
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
 * The form designer: add, rename and remove sections and fields, edit help text and outcome grids, then save as a
 * new version. Earlier versions stay, and values entered under them are migrated when next opened (nothing is
 * lost: see core `migrateValues`).
 */
export function FormDesigner({ projectId, form, actor, message, onMessage }: Props) {
  const { saveFormVersion } = useExtractionActions()
  const [sections, setSections] = useState<FormSection[]>(form.sections)
  const [errors, setErrors] = useState<string[]>([])
  const [newSection, setNewSection] = useState('')

  const edit = (change: (current: FormSection[]) => FormSection[]) => {
    onMessage(null)
    setSections(change)
  }

  const handleAdd = (sectionId: string, field: FormField) =>
    edit((current) =>
      current.map((section) =>
        section.id === sectionId ? { ...section, fields: [...section.fields, field] } : section,
      ),
    )

  const handleAddSection = () => {
    if (newSection.trim() === '') return
    edit((current) => addSection(current, newSection))
    setNewSection('')
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
        <DesignerSection
          key={section.id}
          section={section}
          onRename={(label) => edit((current) => renameSection(current, section.id, label))}
          onRemove={() => edit((current) => removeSection(current, section.id))}
          onFieldChange={(fieldId, change) =>
            edit((current) => updateField(current, section.id, fieldId, change))
          }
        />
      ))}
      <Group align="flex-end">
        <TextInput
          label="New section name"
          value={newSection}
          onChange={(event) => setNewSection(event.currentTarget.value)}
        />
        <Button variant="default" onClick={handleAddSection} disabled={newSection.trim() === ''}>
          Add section
        </Button>
      </Group>
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
