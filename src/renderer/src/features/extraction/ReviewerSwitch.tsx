import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core'
import { useState } from 'react'

import { useReviewerProfiles } from '../../db/hooks/useScreening'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import { useExtractionActions } from './useExtractionActions'

/** Who is extracting on this machine: switch to another profile or add one (a second reviewer on one computer). */
export function ReviewerSwitch({ reviewer }: { reviewer: ReviewerProfile }) {
  const profiles = useReviewerProfiles() ?? []
  const { addReviewer, switchReviewer } = useExtractionActions()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)

  const handleAdd = () => {
    addReviewer(name).then(
      () => {
        setName('')
        setError(null)
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    )
  }

  return (
    <Group align="flex-end" wrap="wrap">
      <Text size="sm">Extracting as {reviewer.name}</Text>
      <NativeSelect
        label="Switch reviewer"
        size="xs"
        value={reviewer.id}
        data={profiles.map((profile) => ({ value: profile.id, label: profile.name }))}
        onChange={(event) => void switchReviewer(event.currentTarget.value)}
      />
      <TextInput
        label="New reviewer"
        size="xs"
        value={name}
        error={error}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <Button size="xs" variant="default" onClick={handleAdd}>
        Add reviewer
      </Button>
    </Group>
  )
}
