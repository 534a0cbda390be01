import { TextInput } from '@mantine/core'
import { useState } from 'react'

import { findRecordIds } from '../../db/hooks/useRecords'

type Props = {
  projectId: string
  queue: string[]
  position: number
  onFound: (recordId: string) => void
}

/** Finds the next record of the queue whose title, authors, journal, DOI or PMID contain the words (Enter). */
export function ScreeningSearch({ projectId, queue, position, onFound }: Props) {
  const [text, setText] = useState('')
  const [message, setMessage] = useState<string | null>(null)

  const handleSearch = async () => {
    if (!text.trim()) return
    const matches = new Set(await findRecordIds(projectId, text))
    const after = queue.slice(position + 1).find((id) => matches.has(id))
    const found = after ?? queue.find((id) => matches.has(id))
    setMessage(found ? null : 'No record in this stage matches.')
    if (found) onFound(found)
  }

  return (
    <TextInput
      id="screening-search"
      size="xs"
      label="Find in this stage (/)"
      placeholder="Words, then Enter"
      value={text}
      error={message}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void handleSearch()
        if (event.key === 'Escape') event.currentTarget.blur()
      }}
    />
  )
}
