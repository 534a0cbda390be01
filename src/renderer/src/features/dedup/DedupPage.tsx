import { Alert, Button, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core'

import {
  useAutoMerge,
  useCheckAfterImport,
  useDuplicatesRemoved,
  useProjectClusters,
} from '../../db/hooks/useDedup'
import { useRecordCount } from '../../db/hooks/useImports'
import { DedupProgressPanel } from './DedupProgressPanel'
import { describeFindings } from './describe-findings'
import { MergedClusters } from './MergedClusters'
import { ReviewQueue } from './ReviewQueue'
import { useDedupActions } from './useDedupActions'
import { useDedupWorker, type DedupRunState } from './useDedupWorker'

/** Deduplicate: find duplicates in a worker, review suggestions side by side, and undo any merge. */
export function DedupPage({ projectId }: { projectId: string }) {
  const recordCount = useRecordCount(projectId)
  const removed = useDuplicatesRemoved(projectId)
  const isAutoMerge = useAutoMerge(projectId)
  const isCheckAfterImport = useCheckAfterImport(projectId)
  const clusters = useProjectClusters(projectId)
  const { setAutoMerge, setCheckAfterImport, mergeCertain } = useDedupActions()
  const { state, find, cancel, dismiss } = useDedupWorker(projectId)
  const certainCount = clusters?.suggested.filter((cluster) => cluster.isCertain).length ?? 0

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Deduplicate</Title>
        <Group gap="lg">
          {recordCount !== undefined && (
            <Text aria-label="Records in project">{recordCount.toLocaleString('en')} records</Text>
          )}
          {removed !== undefined && (
            <Text aria-label="Duplicates removed">
              {removed.toLocaleString('en')} {removed === 1 ? 'duplicate' : 'duplicates'} removed
            </Text>
          )}
        </Group>
      </Group>
      <Group>
        <Button
          onClick={() => find(isAutoMerge ?? true)}
          disabled={state.step === 'running' || isAutoMerge === undefined || recordCount === 0}
        >
          Find duplicates
        </Button>
        <Switch
          label="Merge certain duplicates automatically"
          checked={isAutoMerge ?? true}
          onChange={(event) => void setAutoMerge(projectId, event.currentTarget.checked)}
        />
        <Switch
          label="Check for duplicates after every import"
          checked={isCheckAfterImport ?? true}
          onChange={(event) => void setCheckAfterImport(projectId, event.currentTarget.checked)}
        />
        {certainCount > 0 && (
          <Button variant="light" onClick={() => void mergeCertain(projectId)}>
            Merge all {certainCount} certain
          </Button>
        )}
      </Group>
      {state.step === 'running' && <DedupProgressPanel progress={state.progress} onCancel={cancel} />}
      <RunOutcome state={state} onDismiss={dismiss} />
      {clusters ? (
        <>
          <ReviewQueue suggestions={clusters.suggested} />
          <MergedClusters clusters={clusters.merged} />
          {clusters.notDuplicateCount > 0 && (
            <Text size="sm" c="dimmed">
              {clusters.notDuplicateCount} suggestion{clusters.notDuplicateCount === 1 ? '' : 's'} marked “not
              duplicates” will not be suggested again.
            </Text>
          )}
        </>
      ) : (
        <Loader aria-label="Loading duplicate clusters" />
      )}
    </Stack>
  )
}

function RunOutcome({ state, onDismiss }: { state: DedupRunState; onDismiss: () => void }) {
  if (state.step === 'failed') {
    return (
      <Alert color="red" title="Finding duplicates failed" withCloseButton onClose={onDismiss}>
        {state.message}
      </Alert>
    )
  }
  if (state.step === 'cancelled') {
    return (
      <Alert color="gray" withCloseButton onClose={onDismiss}>
        Finding duplicates was cancelled; nothing was changed.
      </Alert>
    )
  }
  if (state.step !== 'done') return null
  return (
    <Alert color="green" title="Duplicates found" withCloseButton onClose={onDismiss} role="status">
      {describeFindings(state.findings)}
    </Alert>
  )
}
