import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'

import type { BackupPreview } from '../../db/repos/backups'
import { usePlatform } from '../../platform/PlatformContext'
import { formatCount } from '../import/format-size'
import { useBackupActions } from './useBackupActions'

/** Restore a project from a backup file: verified first, confirmed when it replaces a project on this computer. */
export function RestoreBackup() {
  const platform = usePlatform()
  const { previewRestore, restore } = useBackupActions()
  const [pending, setPending] = useState<{ text: string; preview: BackupPreview } | null>(null)
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null)

  const handleChoose = async () => {
    setMessage(null)
    const [file] = await platform.openFiles({
      title: 'Restore a project',
      extensions: ['sift-backup', 'json'],
      multiple: false,
    })
    if (!file) return
    const text = new TextDecoder().decode(file.bytes)
    try {
      setPending({ text, preview: await previewRestore(text) })
    } catch (error) {
      setMessage({
        color: 'red',
        text: `Nothing was restored: ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }
  const handleRestore = async () => {
    if (!pending) return
    setPending(null)
    try {
      const result = await restore(pending.text)
      setMessage({
        color: 'teal',
        text: `Restored “${result.projectName}”${result.replaced ? ', replacing the copy that was here' : ''}.`,
      })
    } catch (error) {
      setMessage({
        color: 'red',
        text: `Nothing was restored: ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }

  return (
    <>
      <Button variant="default" onClick={() => void handleChoose()}>
        Restore from backup…
      </Button>
      {message && (
        <Alert color={message.color} role="status" withCloseButton onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Restore project">
        {pending && (
          <Stack>
            <Text>
              “{pending.preview.projectName}”, backed up{' '}
              {new Date(pending.preview.createdAt).toLocaleString()}, with{' '}
              {formatCount(pending.preview.records)} records. The file verified.
            </Text>
            {pending.preview.exists && (
              <Alert color="yellow">
                This project is on this computer: restoring replaces it with the backup.
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                Cancel
              </Button>
              <Button onClick={() => void handleRestore()}>
                {pending.preview.exists ? 'Replace with backup' : 'Restore'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}
