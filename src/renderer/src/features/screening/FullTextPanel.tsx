import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useEffect, useMemo, useState, type DragEvent } from 'react'

import { useAttachment } from '../../db/hooks/useScreening'
import { readFiles } from '../../platform/files'
import { usePlatform } from '../../platform/PlatformContext'
import type { PickedFile } from '../../platform/types'
import { useRecordActions } from './useRecordActions'

type Props = { projectId: string; recordId: string; reviewerId: string }

/** The record's full text: attach a PDF (pick or drop), stored with the project, read in an embedded viewer. */
export function FullTextPanel({ projectId, recordId, reviewerId }: Props) {
  const platform = usePlatform()
  const attachment = useAttachment(recordId)
  const { attachPdf } = useRecordActions()
  const [error, setError] = useState<string | null>(null)
  const url = useMemo(() => (attachment ? URL.createObjectURL(attachment.data) : null), [attachment])
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url)
    },
    [url],
  )

  const attach = async (files: PickedFile[]) => {
    const [file] = files
    if (!file) return
    try {
      await attachPdf(projectId, recordId, file.name, file.bytes, reviewerId)
      setError(null)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }
  const handleDrop = (event: DragEvent) => {
    event.preventDefault()
    void readFiles(event.dataTransfer.files).then(attach)
  }

  return (
    <Paper withBorder p="sm" onDragOver={(event) => event.preventDefault()} onDrop={handleDrop}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{attachment ? `Full text: ${attachment.fileName}` : 'No full text attached'}</Text>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              void platform
                .openFiles({ title: 'Attach full text', extensions: ['pdf'], multiple: false })
                .then(attach)
            }
          >
            {attachment ? 'Replace PDF…' : 'Attach PDF…'}
          </Button>
        </Group>
        {!attachment && (
          <Text size="sm" c="dimmed">
            Drop the PDF here or attach it with the button.
          </Text>
        )}
        {error && <Alert color="red">{error}</Alert>}
        {url && attachment && (
          <iframe
            title={`Full text of the record: ${attachment.fileName}`}
            src={url}
            style={{ width: '100%', height: '70vh', border: 0 }}
          />
        )}
      </Stack>
    </Paper>
  )
}
