import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'

import { usePlatform } from '../../platform/PlatformContext'
import { useBackupActions } from '../projects/useBackupActions'

/** Back up the whole project to one verified file (also how a project moves to another computer). */
export function BackupPanel({ projectId }: { projectId: string }) {
  const platform = usePlatform()
  const { backUp } = useBackupActions()
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null)
  const handleBackUp = () =>
    backUp(projectId, platform)
      .then((saved) => saved && setMessage({ color: 'teal', text: 'Backup saved.' }))
      .catch((error: unknown) =>
        setMessage({ color: 'red', text: error instanceof Error ? error.message : String(error) }),
      )
  return (
    <Stack maw={720} gap="xs">
      <Title order={3}>Backup</Title>
      <Text size="sm">
        One file with every record, decision, tag, extraction, PDF and the audit log, with a checksum. Restore
        it from the project list, here or on another computer.
      </Text>
      <div>
        <Button variant="default" onClick={() => void handleBackUp()}>
          Back up project…
        </Button>
      </div>
      {message && (
        <Alert color={message.color} role="status" withCloseButton onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
    </Stack>
  )
}
