import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'

import type { Project } from '../../db/schema'

type Props = {
  project: Project | null
  onConfirm: (project: Project) => Promise<void>
  onClose: () => void
}

/** Asks before a project and everything in it is deleted; deletion cannot be undone. */
export function DeleteProjectDialog({ project, onConfirm, onClose }: Props) {
  const [error, setError] = useState<string | null>(null)
  const [isDeleting, setIsDeleting] = useState(false)

  const handleConfirm = async () => {
    if (!project) return
    setIsDeleting(true)
    setError(null)
    try {
      await onConfirm(project)
      onClose()
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    } finally {
      setIsDeleting(false)
    }
  }

  return (
    <Modal opened={project !== null} onClose={onClose} title="Delete project">
      <Stack>
        <Text>
          Delete <strong>{project?.name}</strong>? Its records, screening decisions, tags and extracted data
          are removed from this computer. This cannot be undone; back the project up first if you may need it.
        </Text>
        {error && (
          <Alert color="red" title="The project was not deleted">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={isDeleting} onClick={() => void handleConfirm()}>
            Delete project
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
