import { Button, Paper, Stack, Text } from '@mantine/core'
import { useState, type DragEvent } from 'react'

import { readFiles } from '../../platform/files'
import type { PickedFile } from '../../platform/types'

type Props = {
  onFiles: (files: PickedFile[]) => void
  onChoose: () => void
  isDisabled: boolean
}

/** Where citation files arrive: dropped from the file manager, or chosen with the button. */
export function FileDropZone({ onFiles, onChoose, isDisabled }: Props) {
  const [isOver, setIsOver] = useState(false)

  const handleDrop = (event: DragEvent) => {
    event.preventDefault()
    setIsOver(false)
    if (isDisabled || event.dataTransfer.files.length === 0) return
    void readFiles(event.dataTransfer.files).then(onFiles)
  }

  return (
    <Paper
      withBorder
      p="xl"
      role="region"
      aria-label="Drop citation files here"
      style={{ borderStyle: 'dashed', borderWidth: 2, opacity: isDisabled ? 0.6 : 1 }}
      bg={isOver ? 'var(--mantine-primary-color-light)' : undefined}
      onDragOver={(event) => {
        event.preventDefault()
        setIsOver(true)
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={handleDrop}
    >
      <Stack align="center" gap="xs">
        <Text fw={600}>Drop citation files here</Text>
        <Text size="sm" c="dimmed" ta="center">
          RIS, PubMed/MEDLINE (.nbib, .txt), PubMed XML, EndNote XML, BibTeX, Web of Science, CSV/TSV, Zotero
          RDF, lists of PMIDs or DOIs — several at once. Each file becomes one import batch.
        </Text>
        <Button onClick={onChoose} disabled={isDisabled}>
          Choose files…
        </Button>
      </Stack>
    </Paper>
  )
}
