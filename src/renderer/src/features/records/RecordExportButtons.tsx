import { Alert, Button, Group } from '@mantine/core'
import { useState } from 'react'

import { recordsToCsv, type ExtraColumns } from '../../../../core/export/records-csv'
import { toRis } from '../../../../core/export/ris'
import { loadRecords, type RecordQuery } from '../../db/hooks/useRecords'
import { loadTagLabels } from '../../db/hooks/useTagging'
import type { StoredRecord } from '../../db/schema'
import { usePlatform } from '../../platform/PlatformContext'

type Props = { query: RecordQuery; count: number }

/** The modality and design tags as two extra CSV columns. */
async function tagColumns(projectId: string): Promise<ExtraColumns<StoredRecord>> {
  const labels = await loadTagLabels(projectId)
  return {
    columns: ['modality', 'design'],
    values: (record) => ({
      modality: labels.get(record.id)?.modality ?? [],
      design: labels.get(record.id)?.design ?? [],
    }),
  }
}

const formats = {
  ris: {
    label: 'Export RIS',
    extension: 'ris',
    mimeType: 'application/x-research-info-systems',
    write: toRis,
  },
  csv: { label: 'Export CSV', extension: 'csv', mimeType: 'text/csv;charset=utf-8', write: recordsToCsv },
} as const

/** Saves the records currently listed (search applied) as RIS, which re-imports to equal records, or as CSV. */
export function RecordExportButtons({ query, count }: Props) {
  const platform = usePlatform()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<keyof typeof formats | null>(null)

  const handleExport = async (format: keyof typeof formats) => {
    const { extension, mimeType, write } = formats[format]
    setBusy(format)
    setError(null)
    try {
      const records = await loadRecords(query)
      const stamp = new Date().toISOString().slice(0, 10)
      const data =
        format === 'csv' ? recordsToCsv(records, await tagColumns(query.projectId)) : write(records)
      await platform.saveFile({ suggestedName: `sift-records-${stamp}.${extension}`, data, mimeType })
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Group>
      {(Object.keys(formats) as (keyof typeof formats)[]).map((format) => (
        <Button
          key={format}
          variant="default"
          disabled={count === 0}
          loading={busy === format}
          onClick={() => void handleExport(format)}
        >
          {formats[format].label}
        </Button>
      ))}
      {error && (
        <Alert color="red" title="Export failed" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
    </Group>
  )
}
