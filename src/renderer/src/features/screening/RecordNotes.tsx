import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'

import { useNotes } from '../../db/hooks/useScreening'
import { useRecordActions } from './useRecordActions'

type Props = { projectId: string; recordId: string; reviewerId: string }

/** Notes on the record being screened, visible to the team once work is exchanged. */
export function RecordNotes({ projectId, recordId, reviewerId }: Props) {
  const notes = useNotes(recordId)
  const { addNote } = useRecordActions()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const handleAdd = async () => {
    try {
      await addNote(projectId, recordId, text, reviewerId)
      setText('')
      setError(null)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <Stack gap="xs" aria-label="Notes">
      {notes?.map((note) => (
        <Text key={note.id} size="sm">
          <Text span c="dimmed" size="xs">
            {new Date(note.createdAt).toLocaleString()}:{' '}
          </Text>
          {note.text}
        </Text>
      ))}
      <Group align="flex-end">
        <Textarea
          label="Note on this record"
          autosize
          minRows={1}
          value={text}
          error={error}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur()
          }}
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={() => void handleAdd()}>
          Add note
        </Button>
      </Group>
    </Stack>
  )
}
