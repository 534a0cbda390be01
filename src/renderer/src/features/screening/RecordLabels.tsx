import { CloseButton, Group, Pill, TextInput } from '@mantine/core'
import { useState } from 'react'

import { useRecordLabels } from '../../db/hooks/useScreening'
import { useRecordActions } from './useRecordActions'

type Props = { projectId: string; recordId: string; reviewerId: string }

/** Free labels on the record being screened: type and press Enter to add, × to remove. */
export function RecordLabels({ projectId, recordId, reviewerId }: Props) {
  const labels = useRecordLabels(recordId)
  const { addLabel, removeLabel } = useRecordActions()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const handleAdd = async () => {
    try {
      await addLabel(projectId, recordId, text, reviewerId)
      setText('')
      setError(null)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <Group gap="xs" align="center" aria-label="Labels">
      {labels?.map((label) => (
        <Pill key={label.recordTagId} size="md">
          {label.name}
          <CloseButton
            size="xs"
            aria-label={`Remove label ${label.name}`}
            onClick={() => void removeLabel(projectId, label.recordTagId, reviewerId)}
          />
        </Pill>
      ))}
      <TextInput
        size="xs"
        aria-label="Add a label"
        placeholder="Add a label, Enter"
        value={text}
        error={error}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void handleAdd()
          // Escape hands the keyboard back to screening.
          if (event.key === 'Escape') event.currentTarget.blur()
        }}
      />
    </Group>
  )
}
