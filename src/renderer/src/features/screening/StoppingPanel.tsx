import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'

import type { ScreeningStage } from '../../../../core/screening/types'
import { RecallCurve } from './RecallCurve'
import { startingCheck, stoppingView } from './stopping-view'
import type { ScreeningOrder } from './useScreeningOrder'
import { useStoppingActions } from './useStoppingActions'

type Props = {
  projectId: string
  reviewerId: string
  stage: ScreeningStage
  order: ScreeningOrder
  /** The records at this stage (all at title and abstract; those that went through at full text). */
  queue: readonly string[]
}

const target = { targetRecall: 0.95, confidence: 0.95 }
const count = (value: number) => value.toLocaleString('en')
const percent = (value: number) => `${Math.round(value * 100)} %`

/**
 * "When can I stop?": the recall curve, excludes in a row, and — on request — the hypergeometric stopping test of
 * Callaghan & Müller-Hansen (2020) on a random sample of the records not yet screened, with its estimate of the
 * relevant records remaining and a recommendation.
 */
export function StoppingPanel({ projectId, reviewerId, stage, order, queue }: Props) {
  const total = queue.length
  const decided = useMemo(() => {
    const atStage = new Set(queue)
    return order.mine.filter((decision) => atStage.has(decision.recordId))
  }, [order.mine, queue])
  const { start, end } = useStoppingActions()
  const [error, setError] = useState<string | null>(null)
  const view = useMemo(() => stoppingView(decided, order.check ?? null, target), [decided, order.check])
  const run = (work: Promise<void>) => work.catch((cause: unknown) => setError(String(cause)))

  return (
    <Paper withBorder p="md" component="section" aria-label="When to stop">
      <Stack gap="xs">
        <Title order={4}>When to stop</Title>
        <Group align="flex-start">
          <RecallCurve points={view.curve} total={total} />
          <Stack gap={4}>
            <Text size="sm">
              {count(view.relevantFound)} relevant found in {count(view.screened)} screened of {count(total)}
            </Text>
            <Text size="sm" aria-label="Excluded in a row">
              {count(view.excludedInARow)} excluded in a row since the last relevant record
            </Text>
          </Stack>
        </Group>
        {error && (
          <Alert color="red" withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        {view.check ? (
          <CheckResult check={view.check} onEnd={() => void run(end(projectId, reviewerId, stage))} />
        ) : (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" maw={520}>
              A stopping check screens a random sample of the records not yet screened and tests whether at
              least {percent(target.targetRecall)} of the relevant records have been found (hypergeometric
              test, Callaghan &amp; Müller-Hansen 2020, at {percent(target.confidence)} confidence).
            </Text>
            <Button
              variant="light"
              disabled={view.screened === 0 || view.screened >= total}
              onClick={() =>
                void run(start(projectId, reviewerId, stage, startingCheck(decided, total, new Date())))
              }
            >
              Start a stopping check
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  )
}

type CheckProps = { check: NonNullable<ReturnType<typeof stoppingView>['check']>; onEnd: () => void }

function CheckResult({ check, onEnd }: CheckProps) {
  const { test, estimate } = check
  return (
    <Stack gap={4} role="status" aria-label="Stopping check">
      <Text size="sm">
        Random sample: {count(check.sampled)} of {count(check.urnSize)} unscreened records screened,{' '}
        {count(check.sampledRelevant)} relevant. p ={' '}
        {test.pValue < 0.001 ? '< 0.001' : test.pValue.toFixed(3)} for “recall below{' '}
        {percent(target.targetRecall)}”.
      </Text>
      {check.sampled > 0 && (
        <Text size="sm">
          Relevant records still unscreened: about {count(Math.round(estimate.estimate))}, at most{' '}
          {count(estimate.upperBound)} at {percent(target.confidence)} confidence ({estimate.method}).
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm" fw={600} c={test.shouldStop ? 'teal.8' : undefined}>
          {test.shouldStop
            ? `You can stop: with ${percent(target.confidence)} confidence at least ${percent(target.targetRecall)} of the relevant records have been found.`
            : `Keep screening the sample: about ${count(check.moreToSample)} more records, if none is relevant, will let you stop.`}
        </Text>
        <Button size="xs" variant="default" onClick={onEnd}>
          End the stopping check
        </Button>
      </Group>
    </Stack>
  )
}
