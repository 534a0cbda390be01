import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'

import { useDecisionsOn } from '../../db/hooks/useDedup'
import { useRecordsByIds } from '../../db/hooks/useScreening'
import type { Decision, DuplicateCluster } from '../../db/schema'
import { decisionConflicts, describeCarried } from './compare-fields'
import { useDedupActions } from './useDedupActions'

type Props = { clusters: DuplicateCluster[] }

/** Every merge of the project with its lineage (sources) and Undo merge; conflicting decisions are flagged. */
export function MergedClusters({ clusters }: Props) {
  const { undoMerge } = useDedupActions()
  const kept = useRecordsByIds(clusters.map((cluster) => cluster.keepRecordId))
  const decisions = useDecisionsOn(clusters.flatMap((cluster) => cluster.recordIds))
  const [error, setError] = useState<string | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const titles = new Map((kept ?? []).map((record) => [record.id, record.title || '(no title)']))

  const handleUndo = (clusterId: string) => {
    setBusyId(clusterId)
    setError(null)
    undoMerge(clusterId)
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
      .finally(() => setBusyId(null))
  }

  return (
    <Stack component="section" aria-label="Merged duplicates">
      <Title order={3}>Merged duplicates</Title>
      {error && (
        <Alert color="red" title="The merge was not undone" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {clusters.length === 0 ? (
        <Text c="dimmed">No records have been merged yet.</Text>
      ) : (
        <Table aria-label="Merged duplicates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kept record</Table.Th>
              <Table.Th>Records</Table.Th>
              <Table.Th>Sources</Table.Th>
              <Table.Th>How</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clusters.map((cluster) => (
              <MergedRow
                key={cluster.id}
                cluster={cluster}
                title={titles.get(cluster.keepRecordId) ?? ''}
                decisions={decisions ?? []}
                isBusy={busyId === cluster.id}
                onUndo={() => handleUndo(cluster.id)}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

type RowProps = {
  cluster: DuplicateCluster
  title: string
  decisions: Decision[]
  isBusy: boolean
  onUndo: () => void
}

function MergedRow({ cluster, title, decisions, isBusy, onUndo }: RowProps) {
  const conflicts = [
    ...decisionConflicts(decisions, cluster.recordIds),
    ...(cluster.carryConflicts ?? [])
      .filter((conflict) => conflict.kind === 'extraction')
      .map(
        (conflict) => `two extractions by ${conflict.reviewerId ?? 'a reviewer'} (the kept record's is used)`,
      ),
  ]
  const carried = describeCarried(cluster.carried ?? [])
  const sources = [...new Set((cluster.sources ?? []).map((source) => source.source).filter(Boolean))]
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{title}</Text>
        {conflicts.length > 0 && (
          <Text size="sm" c="orange.8" role="note">
            Conflicting work: {conflicts.join('; ')}
          </Text>
        )}
        {carried && (
          <Text size="xs" c="dimmed">
            Carried over to the kept record: {carried}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{cluster.recordIds.length}</Table.Td>
      <Table.Td>{sources.join(', ')}</Table.Td>
      <Table.Td>{cluster.isCertain ? 'Certain match' : 'Reviewed'}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="default" loading={isBusy} onClick={onUndo}>
          Undo merge
        </Button>
      </Table.Td>
    </Table.Tr>
  )
}
