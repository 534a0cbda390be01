import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core'
import { useCallback, useEffect, useState, type ReactNode } from 'react'

import { backupBeforeUpgrade, pendingUpgrade, type PendingUpgrade } from '../db/upgrade-backup'
import { usePlatform } from '../platform/PlatformContext'

type GateState =
  | { step: 'checking' }
  | { step: 'backing-up'; upgrade: PendingUpgrade }
  | { step: 'failed'; upgrade: PendingUpgrade; message: string }
  | { step: 'ready' }

/**
 * Holds the app back until the database is safe to open: when this version of Sift would upgrade the database's
 * schema, every project is first backed up as it is (one file per project). If that fails, nothing is upgraded
 * until the reviewer says so.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const platform = usePlatform()
  const [state, setState] = useState<GateState>({ step: 'checking' })

  const backUp = useCallback(
    async (upgrade: PendingUpgrade) => {
      setState({ step: 'backing-up', upgrade })
      try {
        const info = await platform.getAppInfo()
        await backupBeforeUpgrade(upgrade, (name, text) => platform.backups.write(name, text), {
          name: info.name,
          version: info.version,
        })
        setState({ step: 'ready' })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        setState({ step: 'failed', upgrade, message })
      }
    },
    [platform],
  )

  useEffect(() => {
    let isCurrent = true
    pendingUpgrade()
      .then((upgrade) => {
        if (!isCurrent) return
        if (upgrade) void backUp(upgrade)
        else setState({ step: 'ready' })
      })
      // A database that cannot even be read for its version is left to the app's own error handling.
      .catch(() => isCurrent && setState({ step: 'ready' }))
    return () => {
      isCurrent = false
    }
  }, [backUp])

  if (state.step === 'ready') return children
  if (state.step === 'failed') {
    return (
      <Center p="xl">
        <Alert color="red" title="Your projects could not be backed up before the update" maw={640}>
          <Stack>
            <Text size="sm">
              This version of Sift updates the database from version {state.upgrade.from} to{' '}
              {state.upgrade.to}, and backs up every project first. The backup failed: {state.message} Nothing
              has been changed yet.
            </Text>
            <Group>
              <Button onClick={() => void backUp(state.upgrade)}>Try the backup again</Button>
              <Button variant="default" onClick={() => setState({ step: 'ready' })}>
                Update without a backup
              </Button>
            </Group>
          </Stack>
        </Alert>
      </Center>
    )
  }
  return (
    <Center p="xl">
      <Group role="status">
        <Loader size="sm" />
        <Text>
          {state.step === 'backing-up'
            ? `Backing up your projects before updating the database (version ${state.upgrade.from} to ${state.upgrade.to})…`
            : 'Opening your projects…'}
        </Text>
      </Group>
    </Center>
  )
}
