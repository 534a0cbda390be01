import { Badge, Group, Text } from '@mantine/core'
import { useEffect } from 'react'

import type { RelevanceRanking } from './useRelevanceRanking'

type Props = { ranking: RelevanceRanking; recordId: string }

const count = (value: number) => value.toLocaleString('en')

/** Where the current record sits in the relevance ranking, and the words that put it there. */
export function RelevanceInfo({ ranking, recordId }: Props) {
  const { status, rankedIds, explain, labelled, trainMs } = ranking
  useEffect(() => {
    if (status === 'ranked') explain(recordId)
  }, [status, rankedIds, recordId, explain])

  if (status === 'loading') return <Text size="sm">Preparing relevance order…</Text>
  if (status === 'failed')
    return (
      <Text size="sm" c="red">
        Relevance order is unavailable: {ranking.message} Records come in random order.
      </Text>
    )
  if (status === 'learning' || !rankedIds)
    return (
      <Text size="sm" c="dimmed">
        Relevance order starts once you have one relevant (include or maybe) and one excluded record; until
        then records come in random order.
      </Text>
    )
  const rank = rankedIds.indexOf(recordId)
  const words = ranking.explanation?.recordId === recordId ? ranking.explanation.terms : []
  return (
    <Group gap="xs" aria-label="Relevance" role="group">
      <Text size="sm">
        {rank >= 0 ? (
          <>
            Relevance rank <strong>{count(rank + 1)}</strong> of {count(rankedIds.length)} unscreened
          </>
        ) : (
          'Already screened'
        )}
        <Text span size="xs" c="dimmed">
          {' '}
          · learned from {count(labelled)} decisions{trainMs !== null ? ` in ${count(trainMs)} ms` : ''}
        </Text>
      </Text>
      {words.length > 0 && (
        <Group gap={4} role="group" aria-label="Words that raised its rank">
          <Text span size="xs" c="dimmed">
            because of
          </Text>
          {words.map((word) => (
            <Badge key={word.term} variant="light" size="sm" tt="none">
              {word.term}
            </Badge>
          ))}
        </Group>
      )}
    </Group>
  )
}
