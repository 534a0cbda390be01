import { Group, Loader, NativeSelect, Stack, Text } from '@mantine/core'
import { useState } from 'react'

import { useProjectExtractions } from '../../db/hooks/useExtraction'
import { useProjectReviewers, useRecordsByIds, useReviewerProfiles } from '../../db/hooks/useScreening'
import { consensusReviewerId } from '../../db/repos/extractions'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import type { Extraction, ExtractionForm } from '../../db/schema'
import { DifferenceTable } from './DifferenceTable'

type Props = { projectId: string; reviewer: ReviewerProfile; versions: ExtractionForm[] }

function byRecord(extractions: readonly Extraction[]): Map<string, Extraction[]> {
  const grouped = new Map<string, Extraction[]>()
  for (const extraction of extractions) {
    if (extraction.reviewerId === consensusReviewerId) continue
    grouped.set(extraction.recordId, [...(grouped.get(extraction.recordId) ?? []), extraction])
  }
  return new Map([...grouped].filter(([, list]) => list.length >= 2))
}

/** Dual extraction: pick a record two reviewers extracted, see where they disagree and save the consensus. */
export function ComparePanel({ projectId, reviewer, versions }: Props) {
  const extractions = useProjectExtractions(projectId)
  const profiles = useReviewerProfiles()
  const projectReviewers = useProjectReviewers(projectId)
  const grouped = byRecord(extractions ?? [])
  const records = useRecordsByIds([...grouped.keys()])
  const [recordId, setRecordId] = useState('')
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null)
  const latest = versions.at(-1)

  if (!extractions || !records || !latest) return <Loader aria-label="Loading" />
  if (grouped.size === 0) {
    return <Text>No record has been extracted by two reviewers yet.</Text>
  }
  const nameOf = (id: string) =>
    profiles?.find((profile) => profile.id === id)?.name ??
    projectReviewers?.find((row) => row.id === `${projectId}:${id}`)?.name ??
    id
  const candidates = grouped.get(recordId) ?? []
  const a = candidates.find((e) => e.reviewerId === pair?.a) ?? candidates[0]
  const b = candidates.find((e) => e.reviewerId === pair?.b && e !== a) ?? candidates.find((e) => e !== a)
  const consensus = extractions.find((e) => e.recordId === recordId && e.reviewerId === consensusReviewerId)
  const reviewerOptions = candidates.map((e) => ({ value: e.reviewerId, label: nameOf(e.reviewerId) }))

  return (
    <Stack>
      <NativeSelect
        label="Record to compare"
        value={recordId}
        data={[
          { value: '', label: 'Choose a record…' },
          ...records.map((record) => ({ value: record.id, label: record.title || '(no title)' })),
        ]}
        onChange={(event) => {
          setRecordId(event.currentTarget.value)
          setPair(null)
        }}
      />
      {a && b && (
        <>
          {candidates.length > 2 && (
            <Group>
              <NativeSelect
                label="Reviewer A"
                value={a.reviewerId}
                data={reviewerOptions}
                onChange={(event) => setPair({ a: event.currentTarget.value, b: b.reviewerId })}
              />
              <NativeSelect
                label="Reviewer B"
                value={b.reviewerId}
                data={reviewerOptions}
                onChange={(event) => setPair({ a: a.reviewerId, b: event.currentTarget.value })}
              />
            </Group>
          )}
          {consensus && (
            <Text size="sm" c="dimmed">
              A consensus was saved on {new Date(consensus.updatedAt).toLocaleString()}; saving again replaces
              it.
            </Text>
          )}
          <DifferenceTable
            key={`${recordId}:${a.reviewerId}:${b.reviewerId}`}
            projectId={projectId}
            actor={reviewer.id}
            a={{ extraction: a, name: nameOf(a.reviewerId) }}
            b={{ extraction: b, name: nameOf(b.reviewerId) }}
            versions={versions}
            form={latest.definition}
          />
        </>
      )}
    </Stack>
  )
}
