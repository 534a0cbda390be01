import { Alert, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'

import { useAutomaticBackupsKept } from '../../db/hooks/useProjects'
import { automaticBackupsKept } from '../../db/repos/backups'
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
      <AutomaticBackupsKept isDesktop={platform.mode === 'desktop'} />
      {message && (
        <Alert color={message.color} role="status" withCloseButton onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
    </Stack>
  )
}

/** The machine setting: how many automatic backups the desktop app keeps per project. */
function AutomaticBackupsKept({ isDesktop }: { isDesktop: boolean }) {
  const kept = useAutomaticBackupsKept()
  const { setKeptCount } = useBackupActions()
  const [error, setError] = useState<string | null>(null)
  if (kept === undefined) return null
  return (
    <Group align="flex-end">
      <NumberInput
        key={kept}
        label="Automatic backups kept per project"
        description={
          isDesktop
            ? 'Once a day when Sift is idle and the project changed; the oldest beyond this number are deleted.'
            : 'Automatic backups run in the desktop app; in the browser back up by hand.'
        }
        defaultValue={kept}
        min={automaticBackupsKept.min}
        max={automaticBackupsKept.max}
        allowDecimal={false}
        error={error}
        w={360}
        onBlur={(event) => {
          setError(null)
          setKeptCount(Number(event.currentTarget.value)).catch((cause: unknown) =>
            setError(cause instanceof Error ? cause.message : String(cause)),
          )
        }}
      />
    </Group>
  )
}
