import { Alert, List, Text } from '@mantine/core'

import type { SyncStatus } from '../../sync/status'

const stateText: Record<SyncStatus['state'], string> = {
  idle: 'Not syncing',
  syncing: 'Syncing…',
  'up-to-date': 'Up to date',
  offline: 'Offline — will send and receive when the connection is back',
  error: 'Stopped by an error',
}

/** Where sync stands, in plain words: state, last sync, events waiting, what went wrong, what was refused. */
export function TeamSyncStatus({ status }: { status: SyncStatus }) {
  return (
    <>
      <Text size="sm" role="status" aria-label="Sync status">
        Status: {stateText[status.state]}
        {' · '}Last sync: {status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : 'never'}
        {' · '}Waiting to send: {status.pending} {status.pending === 1 ? 'event' : 'events'}
      </Text>
      {status.error && (
        <Alert color={status.state === 'offline' ? 'yellow' : 'red'} title="Sync problem">
          {status.error}
        </Alert>
      )}
      {status.refused.length > 0 && (
        <Alert color="red" title={`The server refused ${status.refused.length} events`}>
          <List size="sm">
            {status.refused.slice(-5).map((refused) => (
              <List.Item key={`${refused.id}:${refused.reason}`}>{refused.reason}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  )
}
