import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core'
import { useState } from 'react'

import type { DecisionValue, ScreeningStage } from '../../../../core/screening/types'
import { decisionsRepo } from '../../db'
import { findQueryIds, type RecordQuery } from '../../db/hooks/useRecords'
import { useActiveReviewer } from '../../db/hooks/useScreening'
import { formatCount } from '../import/format-size'

type Props = { query: RecordQuery; count: number; stage: ScreeningStage }

/** Applies one decision to every record listed (e.g. exclude all records before 1990), after a confirmation. */
export function BulkDecision({ query, count, stage }: Props) {
  const reviewer = useActiveReviewer()
  const [value, setValue] = useState<DecisionValue>('exclude')
  const [isConfirming, setIsConfirming] = useState(false)
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null)
  const stageLabel = stage === 'full-text' ? 'full text' : 'title & abstract'

  const handleApply = async () => {
    setIsConfirming(false)
    if (!reviewer) return
    try {
      const ids = await findQueryIds(query)
      const done = await decisionsRepo.decideMany(ids, {
        projectId: query.projectId,
        stage,
        reviewerId: reviewer.id,
        value,
        reason: stage === 'full-text' && value === 'exclude' ? 'Bulk exclusion' : '',
      })
      setMessage({ color: 'teal', text: `${formatCount(done)} records marked ${value} at ${stageLabel}.` })
    } catch (error) {
      setMessage({ color: 'red', text: error instanceof Error ? error.message : String(error) })
    }
  }

  if (!reviewer) return null
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <NativeSelect
          label="Decision for all listed"
          data={[
            { value: 'include', label: 'Include' },
            { value: 'exclude', label: 'Exclude' },
            { value: 'maybe', label: 'Maybe' },
          ]}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value as DecisionValue)}
        />
        <Button variant="default" disabled={count === 0} onClick={() => setIsConfirming(true)}>
          Apply to {formatCount(count)} records
        </Button>
      </Group>
      {message && (
        <Alert color={message.color} withCloseButton onClose={() => setMessage(null)} role="status">
          {message.text}
        </Alert>
      )}
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Decide for all listed records"
      >
        <Stack>
          <Text>
            Mark all {formatCount(count)} listed records as <strong>{value}</strong> at {stageLabel}, as{' '}
            {reviewer.name}? Earlier decisions of yours on them are replaced (the audit log keeps them).
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
            <Button onClick={() => void handleApply()}>Apply</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
