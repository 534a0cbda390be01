import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'

import type { ImportBatch } from '../../db/schema'
import { formatCount } from './format-size'
import { useImportActions } from './useImportActions'

type Props = { batches: ImportBatch[] }

/** Every import of the project, with Undo import until screening has started on its records. */
export function ImportHistory({ batches }: Props) {
  const { undoImport, dismissInterrupted } = useImportActions()
  const [undoing, setUndoing] = useState<ImportBatch | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  const handleUndo = async () => {
    if (!undoing) return
    setIsBusy(true)
    try {
      await undoImport(undoing.id)
      setUndoing(null)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
      setUndoing(null)
    } finally {
      setIsBusy(false)
    }
  }

  if (batches.length === 0) return <Text c="dimmed">Nothing has been imported into this project yet.</Text>
  return (
    <Stack>
      <Title order={3}>Import history</Title>
      {error && (
        <Alert color="red" title="The import was not undone" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Table aria-label="Import history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Format</Table.Th>
            <Table.Th>Records</Table.Th>
            <Table.Th>Warnings</Table.Th>
            <Table.Th>Imported</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((batch) => (
            <Table.Tr key={batch.id}>
              <Table.Td>{batch.fileName}</Table.Td>
              <Table.Td>{batch.source}</Table.Td>
              <Table.Td>{batch.format}</Table.Td>
              <Table.Td>{batch.status === 'committed' ? formatCount(batch.recordCount) : 0}</Table.Td>
              <Table.Td>{formatCount(batch.warningCount)}</Table.Td>
              <Table.Td>{new Date(batch.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>
                <Group justify="flex-end" gap="xs" wrap="nowrap">
                  {batch.status === 'committed' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setUndoing(batch)}>
                      Undo import
                    </Button>
                  )}
                  {batch.status === 'importing' && <Badge>Importing…</Badge>}
                  {batch.status === 'interrupted' && (
                    <>
                      <Badge
                        color="orange"
                        title="The app stopped during this import; none of its records were kept."
                      >
                        Interrupted
                      </Badge>
                      <Button size="xs" variant="subtle" onClick={() => void dismissInterrupted(batch.id)}>
                        Dismiss
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title="Undo import">
        <Stack>
          <Text>
            Remove “{undoing?.fileName}” and its {formatCount(undoing?.recordCount ?? 0)} records from this
            project?
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUndoing(null)}>
              Cancel
            </Button>
            <Button color="red" loading={isBusy} onClick={() => void handleUndo()}>
              Remove records
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
