import { Alert, Button, Group, NumberInput, Text } from '@mantine/core'
import { useState } from 'react'

import { pendingSuggestions } from '../../../../core/tagging/suggestion-review'
import { forEachRecordPage } from '../../db/hooks/useRecords'
import { useProjectTaxonomyTags } from '../../db/hooks/useTagging'
import type { TagChoice } from '../../db/repos/tagging'
import { formatCount } from '../import/format-size'
import { suggestionsFor, type TaxonomySet } from './tag-suggestions'
import { useTaggingActions } from './useTaggingActions'

type Props = TaxonomySet & { projectId: string; queue: string[]; actor: string }

/** Accepts, across all records in scope, every open suggestion at or above a confidence. */
export function BulkAccept({ projectId, queue, modality, design, compiled, actor }: Props) {
  const tags = useProjectTaxonomyTags(projectId)
  const { acceptMany } = useTaggingActions()
  const [threshold, setThreshold] = useState(90)
  const [message, setMessage] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  const handleApply = async () => {
    setIsBusy(true)
    try {
      const decided = new Map<string, Map<string, boolean>>()
      for (const tag of tags ?? []) {
        const forRecord = decided.get(tag.recordId) ?? new Map<string, boolean>()
        forRecord.set(tag.tagId, tag.confirmed)
        decided.set(tag.recordId, forRecord)
      }
      const hasDesign = new Set(
        (tags ?? [])
          .filter((tag) => tag.confirmed && tag.taxonomyId === design?.id)
          .map((tag) => tag.recordId),
      )
      const choices: TagChoice[] = []
      await forEachRecordPage(queue, (records) => {
        for (const record of records) {
          const open = pendingSuggestions(
            suggestionsFor(record, { modality, design, compiled }),
            decided.get(record.id) ?? new Map(),
          )
          for (const suggestion of open) {
            if (suggestion.confidence * 100 < threshold) continue
            // A record has one design: a bulk run never replaces one the reviewer already set.
            if (suggestion.taxonomyId === design?.id && hasDesign.has(record.id)) continue
            choices.push({
              recordId: record.id,
              taxonomyId: suggestion.taxonomyId,
              termId: suggestion.termId,
              source: suggestion.source,
            })
          }
        }
      })
      const accepted = await acceptMany(projectId, choices, actor)
      setMessage(`Accepted ${formatCount(accepted)} suggestions at ${threshold}% confidence or more.`)
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error))
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <Group align="flex-end" gap="xs">
      <NumberInput
        label="Minimum confidence (%)"
        w={170}
        min={0}
        max={100}
        value={threshold}
        onChange={(value) => setThreshold(typeof value === 'number' ? value : 90)}
      />
      <Button
        variant="default"
        loading={isBusy}
        disabled={queue.length === 0}
        onClick={() => void handleApply()}
      >
        Accept suggestions for all {formatCount(queue.length)} records
      </Button>
      {message && (
        <Alert role="status" py={4} withCloseButton onClose={() => setMessage(null)}>
          <Text size="sm">{message}</Text>
        </Alert>
      )}
    </Group>
  )
}
