import { Grid, Loader, NativeSelect, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'

import { useProjectExtractions } from '../../db/hooks/useExtraction'
import { useRecord, useRecordsByIds } from '../../db/hooks/useScreening'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import type { ExtractionForm } from '../../db/schema'
import { FullTextPanel } from '../screening/FullTextPanel'
import { RecordReader } from '../screening/RecordReader'
import { ExtractionEditor } from './ExtractionEditor'
import { extractKeyShortcuts, useExtractKeys } from './useExtractKeys'
import { useStudies } from './useStudies'

type Props = { projectId: string; reviewer: ReviewerProfile; versions: ExtractionForm[] }

/** Pick a study, read it (abstract and PDF) and fill in the form beside it. */
export function ExtractWorkspace({ projectId, reviewer, versions }: Props) {
  const studies = useStudies(projectId)
  const records = useRecordsByIds(studies?.recordIds ?? [])
  const extractions = useProjectExtractions(projectId)
  const [recordId, setRecordId] = useState<string | null>(null)
  const record = useRecord(recordId)
  useExtractKeys({
    onMove: (step) => {
      if (!records || records.length === 0) return
      const index = records.findIndex((entry) => entry.id === recordId)
      const next = index === -1 ? (step === 1 ? 0 : records.length - 1) : index + step
      const target = records[Math.min(Math.max(next, 0), records.length - 1)]
      if (target) setRecordId(target.id)
    },
  })

  if (!studies || !records) return <Loader aria-label="Loading" />
  if (records.length === 0) return <Text>No records yet: import a search first.</Text>
  const statusOf = (id: string) =>
    extractions?.find((extraction) => extraction.recordId === id && extraction.reviewerId === reviewer.id)
      ?.status
  const options = [
    { value: '', label: 'Choose a study…' },
    ...records.map((entry) => {
      const status = statusOf(entry.id)
      return { value: entry.id, label: `${entry.title || '(no title)'}${status ? ` (${status})` : ''}` }
    }),
  ]

  return (
    <Stack>
      {studies.isAllRecords && (
        <Text size="sm" c="dimmed">
          No record is included yet, so every record is listed.
        </Text>
      )}
      <NativeSelect
        label="Study"
        description="Alt+↓ next study, Alt+↑ previous, Ctrl+Enter mark complete"
        aria-keyshortcuts={extractKeyShortcuts.move}
        value={recordId ?? ''}
        data={options}
        onChange={(event) => setRecordId(event.currentTarget.value || null)}
      />
      {record && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder p="md">
              <Stack>
                <RecordReader record={record} />
                <FullTextPanel projectId={projectId} recordId={record.id} reviewerId={reviewer.id} />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <ExtractionEditor
              key={`${record.id}:${reviewer.id}`}
              projectId={projectId}
              recordId={record.id}
              reviewer={reviewer}
              versions={versions}
            />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  )
}
