import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'

import { useImportBatches, useRecordCount } from '../../db/hooks/useImports'
import { DuplicateCheckAfterImport } from '../dedup/DuplicateCheckAfterImport'
import { usePlatform } from '../../platform/PlatformContext'
import type { PickedFile } from '../../platform/types'
import { formatCount } from './format-size'
import { ImportHistory } from './ImportHistory'
import { ImportPreview } from './ImportPreview'
import { ImportProgressPanel } from './ImportProgressPanel'
import { FileDropZone } from './FileDropZone'
import { useImportActions } from './useImportActions'
import { useImportWorker } from './useImportWorker'

/** Extensions offered by the file dialog; content decides the format, so any file can still be dropped. */
const citationExtensions = ['ris', 'nbib', 'txt', 'xml', 'bib', 'ciw', 'csv', 'tsv', 'enw', 'rdf', 'medline']

type Props = { projectId: string; isPickerRequested: boolean; onPickerShown: () => void }

/** Import citations: choose or drop files, check the preview, import, and undo a batch if needed. */
export function ImportPage({ projectId, isPickerRequested, onPickerShown }: Props) {
  const platform = usePlatform()
  const batches = useImportBatches(projectId)
  const recordCount = useRecordCount(projectId)
  const { state, parse, commit, remap, cancel, reset } = useImportWorker(projectId)
  const { markInterruptedOnce } = useImportActions()

  useEffect(() => {
    void markInterruptedOnce()
  }, [markInterruptedOnce])

  // One duplicate check per finished import that added records (the done state is a new object each time).
  const importToken =
    state.step === 'done' && state.batches.some((batch) => batch.recordCount > 0) ? state : null

  const handleFiles = (files: PickedFile[]) => {
    if (files.length > 0) parse(files)
  }
  const handleChoose = () => {
    void platform
      .openFiles({ title: 'Import citations', extensions: citationExtensions, multiple: true })
      .then(handleFiles)
  }

  useEffect(() => {
    if (!isPickerRequested) return
    onPickerShown()
    if (state.step === 'idle' || state.step === 'done') handleChoose()
  })

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Import</Title>
        {recordCount !== undefined && (
          <Text aria-label="Records in project">{formatCount(recordCount)} records</Text>
        )}
      </Group>
      {(state.step === 'idle' || state.step === 'done') && (
        <FileDropZone onFiles={handleFiles} onChoose={handleChoose} isDisabled={false} />
      )}
      {state.step === 'done' && <ImportOutcome state={state} onDismiss={reset} />}
      <DuplicateCheckAfterImport projectId={projectId} importToken={importToken} />
      {state.step === 'parsing' && (
        <ImportProgressPanel title="Reading files" progress={state.progress} onCancel={cancel} />
      )}
      {state.step === 'preview' && (
        <ImportPreview files={state.files} onImport={commit} onRemap={remap} onCancel={reset} />
      )}
      {state.step === 'committing' && (
        <ImportProgressPanel title="Importing records" progress={state.progress} onCancel={cancel} />
      )}
      {batches && <ImportHistory batches={batches} />}
    </Stack>
  )
}

type OutcomeProps = {
  state: { batches: { fileName: string; recordCount: number }[]; error: string | null; wasCancelled: boolean }
  onDismiss: () => void
}

function ImportOutcome({ state, onDismiss }: OutcomeProps) {
  const imported = state.batches.reduce((sum, batch) => sum + batch.recordCount, 0)
  if (state.error) {
    return (
      <Alert color="red" title="Import stopped" withCloseButton onClose={onDismiss}>
        {state.error} Files imported before the failure: {state.batches.length}.
      </Alert>
    )
  }
  if (state.wasCancelled) {
    return (
      <Alert color="yellow" title="Import cancelled" withCloseButton onClose={onDismiss}>
        The file being saved was rolled back; files finished before it stay imported (see the history).
      </Alert>
    )
  }
  return (
    <Alert color="teal" title="Import complete" withCloseButton onClose={onDismiss}>
      <Group justify="space-between">
        <Text size="sm">
          {formatCount(imported)} records from {state.batches.length} file
          {state.batches.length === 1 ? '' : 's'}.
        </Text>
        <Button size="xs" variant="light" onClick={onDismiss}>
          OK
        </Button>
      </Group>
    </Alert>
  )
}
