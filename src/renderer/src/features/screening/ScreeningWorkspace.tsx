import { Alert, Group, NativeSelect, Paper, SegmentedControl, Stack, Text } from '@mantine/core'
import { useMemo, useState } from 'react'

import { compileTerms } from '../../../../core/screening/highlight'
import type { DecisionValue, ScreeningStage } from '../../../../core/screening/types'
import { useQueueWindow, useRecord } from '../../db/hooks/useScreening'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import type { ScreeningSettings } from '../../db/schema'
import { DecisionBar } from './DecisionBar'
import { FullTextPanel } from './FullTextPanel'
import { Highlighted } from './Highlighted'
import { OtherReviewers } from './OtherReviewers'
import { RecordLabels } from './RecordLabels'
import { RecordNotes } from './RecordNotes'
import { RecordTagBadges } from './RecordTagBadges'
import { RecordReader } from './RecordReader'
import { ScreeningProgress } from './ScreeningProgress'
import { ScreeningSearch } from './ScreeningSearch'
import { useScreeningKeys } from './useScreeningKeys'
import { useScreeningOrder, type OrderKind } from './useScreeningOrder'
import { useScreeningSession } from './useScreeningSession'
import { RelevanceInfo } from './RelevanceInfo'
import { StoppingPanel } from './StoppingPanel'

type Props = { projectId: string; reviewer: ReviewerProfile; settings: ScreeningSettings }

const orderChoices: { value: OrderKind; label: string }[] = [
  { value: 'file', label: 'File order' },
  { value: 'random', label: 'Random (same for the whole team)' },
  { value: 'relevance', label: 'Relevance (learns from your decisions)' },
]

const stages: { value: ScreeningStage; label: string }[] = [
  { value: 'title-abstract', label: 'Title & abstract' },
  { value: 'full-text', label: 'Full text' },
]

/** The screening desk: one record at a time, decided from the keyboard, with progress and undo. */
export function ScreeningWorkspace({ projectId, reviewer, settings }: Props) {
  const [stage, setStage] = useState<ScreeningStage>('title-abstract')
  const order = useScreeningOrder(projectId, reviewer.id, stage)
  const session = useScreeningSession(projectId, reviewer, stage, order.order)
  const window = useQueueWindow(session.queue, session.position)
  const loaded = useRecord(session.currentId)
  // The read-ahead window usually has the record already; the single-record query covers jumps (search, undo).
  const record = (session.currentId && window?.get(session.currentId)) || loaded
  const [isPickingReason, setIsPickingReason] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const mine = session.currentId ? session.mine.get(session.currentId) : undefined
  const terms = useMemo(
    () => compileTerms(settings.includeTerms, settings.excludeTerms),
    [settings.includeTerms, settings.excludeTerms],
  )

  const run = (work: Promise<void>) => work.catch((cause: unknown) => setError(String(cause)))
  const handleDecide = (value: DecisionValue) => {
    setError(null)
    if (stage === 'full-text' && value === 'exclude') {
      setIsPickingReason(true)
      return
    }
    setIsPickingReason(false)
    void run(session.decide(value))
  }
  const handleReason = (index: number) => {
    const reason = settings.exclusionReasons[index]
    if (stage !== 'full-text' || reason === undefined) return
    setIsPickingReason(false)
    void run(session.decide('exclude', reason))
  }

  useScreeningKeys(
    {
      onDecide: handleDecide,
      onMove: session.move,
      onUndo: () => void run(session.undo()),
      onSearch: () => document.getElementById('screening-search')?.focus(),
      onReason: handleReason,
      onEscape: () => setIsPickingReason(false),
    },
    !session.isLoading,
  )

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          aria-label="Screening stage"
          data={stages}
          value={stage}
          onChange={(value) => {
            setStage(value)
            setIsPickingReason(false)
          }}
        />
        <NativeSelect
          size="xs"
          label="Order"
          data={orderChoices}
          value={order.kind}
          disabled={Boolean(order.check)}
          description={
            order.check ? 'A stopping check is running: records come from a random sample.' : undefined
          }
          onChange={(event) => order.setKind(event.currentTarget.value as OrderKind)}
        />
        <Text size="sm">
          Screening as <strong>{reviewer.name}</strong>
          {settings.isBlind ? ' · blind mode' : ''}
        </Text>
      </Group>
      <ScreeningProgress session={session} />
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)} title="Not saved">
          {error}
        </Alert>
      )}
      {session.queue.length === 0 && !session.isLoading ? (
        <Paper withBorder p="lg">
          <Text>
            {stage === 'title-abstract'
              ? 'No records yet: import citations first.'
              : 'No record has been included (or marked maybe) at title and abstract yet, or conflicts are unresolved.'}
          </Text>
        </Paper>
      ) : (
        <>
          <DecisionBar
            current={mine?.value ?? null}
            currentReason={mine?.reason ?? ''}
            isFullText={stage === 'full-text'}
            exclusionReasons={settings.exclusionReasons}
            isPickingReason={isPickingReason}
            canUndo={session.canUndo}
            onDecide={handleDecide}
            onReason={handleReason}
            onUndo={() => void run(session.undo())}
            onMove={session.move}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Record {session.position + 1} of {session.queue.length}
            </Text>
            <ScreeningSearch
              projectId={projectId}
              queue={session.queue}
              position={session.position}
              onFound={session.goTo}
            />
          </Group>
          {record && order.kind === 'relevance' && !order.check && (
            <RelevanceInfo ranking={order.ranking} recordId={record.id} />
          )}
          {record && stage === 'full-text' && (
            <FullTextPanel projectId={projectId} recordId={record.id} reviewerId={reviewer.id} />
          )}
          {record && (
            <Paper withBorder p="lg">
              <RecordReader record={record} highlight={(text) => <Highlighted text={text} terms={terms} />} />
            </Paper>
          )}
          {record && <RecordTagBadges projectId={projectId} recordId={record.id} />}
          {record && <RecordLabels projectId={projectId} recordId={record.id} reviewerId={reviewer.id} />}
          {record && <RecordNotes projectId={projectId} recordId={record.id} reviewerId={reviewer.id} />}
          {record && !settings.isBlind && (
            <OtherReviewers
              decisions={session.decisions}
              recordId={record.id}
              stage={stage}
              me={reviewer.id}
            />
          )}
        </>
      )}
      {(order.kind === 'relevance' || order.check) && (
        <StoppingPanel
          projectId={projectId}
          reviewerId={reviewer.id}
          stage={stage}
          order={order}
          queue={session.queue}
        />
      )}
    </Stack>
  )
}
