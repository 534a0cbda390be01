import { Alert, Anchor, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'

import { routeToHash } from '../../app/routes'
import { useAutoMerge, useCheckAfterImport } from '../../db/hooks/useDedup'
import { DedupProgressPanel } from './DedupProgressPanel'
import { describeFindings } from './describe-findings'
import { useDedupWorker } from './useDedupWorker'

type Props = {
  projectId: string
  /** Changes once per finished import that added records; each new value starts one check. */
  importToken: object | null
}

/**
 * After every import, compares the whole project (so the new records meet every earlier one) in the dedup
 * worker: certain duplicates are merged when the project says so, the rest wait on the Deduplicate page.
 */
export function DuplicateCheckAfterImport({ projectId, importToken }: Props) {
  const isOn = useCheckAfterImport(projectId)
  const isAutoMerge = useAutoMerge(projectId)
  const { state, find, cancel, dismiss } = useDedupWorker(projectId)
  const checked = useRef<object | null>(null)

  useEffect(() => {
    if (!importToken || checked.current === importToken) return
    if (isOn === undefined || isAutoMerge === undefined) return
    checked.current = importToken
    if (isOn) find(isAutoMerge)
  }, [importToken, isOn, isAutoMerge, find])

  const reviewLink = (
    <Anchor href={routeToHash({ page: 'project', projectId, section: 'deduplicate' })}>
      Review duplicates
    </Anchor>
  )
  if (state.step === 'running')
    return <DedupProgressPanel title="Checking for duplicates" progress={state.progress} onCancel={cancel} />
  if (state.step === 'failed')
    return (
      <Alert color="red" title="The duplicate check failed" withCloseButton onClose={dismiss}>
        {state.message} The import itself is complete; run “Find duplicates” on the Deduplicate page.
      </Alert>
    )
  if (state.step === 'cancelled')
    return (
      <Alert color="gray" withCloseButton onClose={dismiss}>
        The duplicate check was cancelled; nothing was merged. {reviewLink}
      </Alert>
    )
  if (state.step !== 'done') return null
  return (
    <Alert color="green" title="Duplicate check" withCloseButton onClose={dismiss} role="status">
      <Text size="sm">{describeFindings(state.findings)}</Text>
      {reviewLink}
    </Alert>
  )
}
