import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { z } from 'zod'
import { FormProvider, useForm, type FieldValues, type Resolver } from 'react-hook-form'

import type { ExtractionForm } from '../../../../core/extraction/form'
import { schemaFor, type SchemaMode } from '../../../../core/extraction/schema'
import type { ExtractionValues } from '../../../../core/extraction/values'
import { formWarnings, type FormWarning } from '../../../../core/extraction/warnings'
import type { Extraction } from '../../db/schema'
import { FormSectionFields } from './FormSectionFields'
import { displayValue, toInputValues, type OpenedExtraction } from './form-values'
import { useAutosave } from './useAutosave'
import { useExtractionActions } from './useExtractionActions'
import { extractKeyShortcuts, useExtractKeys } from './useExtractKeys'

type Props = {
  projectId: string
  recordId: string
  reviewerId: string
  form: ExtractionForm
  opened: OpenedExtraction
  initialStatus: Extraction['status']
}

type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'complete' | 'incomplete' | 'failed'

const saveStateText: Record<SaveState, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Draft saved.',
  invalid: 'Not saved: correct the values marked in red.',
  complete: 'Marked complete.',
  incomplete: 'Not complete: see the messages in red.',
  failed: 'Saving failed.',
}

/** The extraction form of one record: validated as you type, saved as a draft, then marked complete. */
export function ExtractionFormView({ projectId, recordId, reviewerId, form, opened, initialStatus }: Props) {
  const { saveExtraction } = useExtractionActions()
  const modeRef = useRef<SchemaMode>('draft')
  const statusRef = useRef(initialStatus)
  const [saveState, setSaveState] = useState<SaveState>(initialStatus === 'complete' ? 'complete' : 'idle')
  const [warnings, setWarnings] = useState<FormWarning[]>(() => formWarnings(opened.values, form))
  const schemas = useMemo(
    () => ({ draft: schemaFor(form, { mode: 'draft' }), complete: schemaFor(form, { mode: 'complete' }) }),
    [form],
  )
  const resolver = useCallback<Resolver<FieldValues>>(
    (values, context, options) =>
      zodResolver(schemas[modeRef.current] as z.ZodType<ExtractionValues, FieldValues>)(
        values,
        context,
        options,
      ),
    [schemas],
  )
  const methods = useForm<FieldValues>({
    defaultValues: toInputValues(form, opened.values),
    resolver,
    mode: 'onChange',
  })
  const { watch, getValues, handleSubmit } = methods

  const store = useCallback(
    async (values: ExtractionValues, status: Extraction['status']) => {
      setWarnings(formWarnings(values, form))
      setSaveState('saving')
      try {
        const input = { projectId, recordId, reviewerId, form, values, orphaned: opened.orphaned, status }
        await saveExtraction(input, reviewerId)
        statusRef.current = status
        setSaveState(status === 'complete' ? 'complete' : 'saved')
      } catch {
        setSaveState('failed')
      }
    },
    [form, opened.orphaned, projectId, recordId, reviewerId, saveExtraction],
  )

  const saveDraft = useCallback(async () => {
    const draft = schemas.draft.safeParse(getValues())
    if (!draft.success) {
      setSaveState('invalid')
      return
    }
    // A complete extraction stays complete while it still passes the complete checks.
    const isComplete = statusRef.current === 'complete' && schemas.complete.safeParse(getValues()).success
    await store(draft.data, isComplete ? 'complete' : 'draft')
  }, [getValues, schemas, store])

  useAutosave(watch, saveDraft)

  const handleComplete = async () => {
    modeRef.current = 'complete'
    try {
      await handleSubmit(
        (values) => store(values, 'complete'),
        () => setSaveState('incomplete'),
      )()
    } finally {
      modeRef.current = 'draft'
    }
  }

  useExtractKeys({ onComplete: () => void handleComplete() })

  const orphans = Object.entries(opened.orphaned)
  return (
    <FormProvider {...methods}>
      <form aria-label="Extraction form" noValidate onSubmit={(event) => event.preventDefault()}>
        <Stack>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {form.name}, version {form.version}
              {opened.isMigrated ? ' (values moved from an earlier version)' : ''}
            </Text>
            <Text size="sm" role="status" aria-label="Save state">
              {saveStateText[saveState]}
            </Text>
          </Group>
          {form.sections.map((section) => (
            <FormSectionFields key={section.id} projectId={projectId} section={section} form={form} />
          ))}
          {warnings.length > 0 && (
            <Paper withBorder p="sm" component="section" aria-label="Warnings" bg="yellow.0">
              <Title order={4}>Check these values</Title>
              <List size="sm">
                {warnings.map((warning) => (
                  <List.Item key={`${warning.path}:${warning.message}`}>{warning.message}</List.Item>
                ))}
              </List>
            </Paper>
          )}
          {orphans.length > 0 && (
            <Paper withBorder p="sm" component="section" aria-label="Values from earlier form versions">
              <Title order={4}>Values from earlier form versions</Title>
              <List size="sm">
                {orphans.map(([key, orphan]) => (
                  <List.Item key={key}>
                    {orphan.label} (version {orphan.formVersion}): {displayValue(orphan.value)}
                  </List.Item>
                ))}
              </List>
            </Paper>
          )}
          <Group>
            <Button onClick={() => void handleComplete()} aria-keyshortcuts={extractKeyShortcuts.complete}>
              Mark complete
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  )
}
