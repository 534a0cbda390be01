import { Alert, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core'
import { useMemo, useState } from 'react'

import { compileTerms } from '../../../../core/screening/highlight'
import { pendingSuggestions } from '../../../../core/tagging/suggestion-review'
import { useShortcutKeys } from '../../app/useShortcutKeys'
import { useRecord } from '../../db/hooks/useScreening'
import { useProjectTaxonomyTags } from '../../db/hooks/useTagging'
import type { RecordTag, Taxonomy } from '../../db/schema'
import { formatCount } from '../import/format-size'
import { Highlighted } from '../screening/Highlighted'
import { RecordReader } from '../screening/RecordReader'
import { BulkAccept } from './BulkAccept'
import { RecordTagList } from './RecordTagList'
import { SuggestionList } from './SuggestionList'
import { compileProjectModalities, suggestionsFor, type TagSuggestion } from './tag-suggestions'
import { useTaggingActions } from './useTaggingActions'
import { useTagQueue, type TagScope } from './useTagQueue'

type Props = { projectId: string; modality: Taxonomy | null; design: Taxonomy | null; actor: string }

const scopes: { value: TagScope; label: string }[] = [
  { value: 'included-title-abstract', label: 'Included or maybe at title & abstract' },
  { value: 'included-full-text', label: 'Included at full text' },
  { value: 'all', label: 'All records' },
]

/** One record at a time: its suggested modalities and design with their reasons, accepted or rejected by key. */
export function TagRecordsPanel({ projectId, modality, design, actor }: Props) {
  const [scope, setScope] = useState<TagScope>('included-title-abstract')
  const queue = useTagQueue(projectId, scope)
  const [position, setPosition] = useState(0)
  const recordId = queue?.[Math.min(position, (queue?.length ?? 1) - 1)] ?? null
  const record = useRecord(recordId)
  const allTags = useProjectTaxonomyTags(projectId)
  const { accept, reject, clear } = useTaggingActions()
  const [error, setError] = useState<string | null>(null)

  const compiled = useMemo(() => compileProjectModalities(modality), [modality])
  const revealing = useMemo(
    () =>
      compileTerms(
        (modality?.terms ?? []).flatMap((term) => [term.label, ...term.synonyms]),
        [],
      ),
    [modality],
  )
  const tags = useMemo(() => (allTags ?? []).filter((tag) => tag.recordId === recordId), [allTags, recordId])
  const pending = useMemo(() => {
    if (!record) return []
    const decided = new Map(tags.map((tag) => [tag.tagId, tag.confirmed]))
    return pendingSuggestions(suggestionsFor(record, { modality, design, compiled }), decided)
  }, [record, tags, modality, design, compiled])

  const run = (work: Promise<unknown>) => void work.catch((cause: unknown) => setError(String(cause)))
  const choice = (suggestion: TagSuggestion) => ({ ...suggestion, recordId: recordId ?? '' })
  const handleAccept = (suggestion: TagSuggestion) => run(acceptTag(suggestion))
  const acceptTag = async (suggestion: TagSuggestion) => {
    if (suggestion.taxonomyId === design?.id) await clearDesign()
    await accept(projectId, choice(suggestion), actor)
  }
  const clearDesign = async () => {
    for (const tag of tags.filter((row) => row.taxonomyId === design?.id && row.confirmed)) {
      await clear(projectId, tag.recordId, tag.taxonomyId ?? '', tag.tagId, actor)
    }
  }
  const move = (step: number) =>
    setPosition((current) => Math.max(0, Math.min((queue?.length ?? 1) - 1, current + step)))

  // A accepts every open suggestion, R rejects them, J/K move (keys typed into fields are left alone).
  useShortcutKeys((key) => {
    if (key === 'a') return () => pending.forEach((suggestion) => handleAccept(suggestion))
    if (key === 'r')
      return () => pending.forEach((suggestion) => run(reject(projectId, choice(suggestion), actor)))
    if (key === 'j' || key === 'arrowdown') return () => move(1)
    if (key === 'k' || key === 'arrowup') return () => move(-1)
    return null
  }, true)

  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <NativeSelect
          label="Records to tag"
          data={scopes}
          value={scope}
          onChange={(event) => {
            setScope(event.currentTarget.value as TagScope)
            setPosition(0)
          }}
        />
        <Text size="sm">
          {queue
            ? `Record ${queue.length === 0 ? 0 : Math.min(position, queue.length - 1) + 1} of ${formatCount(queue.length)}`
            : 'Loading…'}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => move(-1)} aria-keyshortcuts="K">
            Previous
          </Button>
          <Button variant="default" onClick={() => move(1)} aria-keyshortcuts="J">
            Next
          </Button>
        </Group>
      </Group>
      {queue && (
        <BulkAccept
          projectId={projectId}
          queue={queue}
          modality={modality}
          design={design}
          compiled={compiled}
          actor={actor}
        />
      )}
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {queue?.length === 0 && <Text c="dimmed">No records in this scope yet.</Text>}
      {record && (
        <>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                Suggestions (A accepts all, R rejects all)
              </Text>
              <SuggestionList
                suggestions={pending}
                onAccept={handleAccept}
                onReject={(suggestion) => run(reject(projectId, choice(suggestion), actor))}
              />
              <RecordTagList
                tags={tags}
                modality={modality}
                design={design}
                onRemove={(tag: RecordTag) =>
                  run(clear(projectId, tag.recordId, tag.taxonomyId ?? '', tag.tagId, actor))
                }
                onAdd={(taxonomy, termId) => {
                  const term = taxonomy.terms?.find((entry) => entry.id === termId)
                  handleAccept({
                    taxonomyId: taxonomy.id,
                    termId,
                    label: term?.label ?? termId,
                    confidence: 1,
                    reason: '',
                    source: 'manual',
                  })
                }}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <RecordReader
              record={record}
              highlight={(text) => <Highlighted text={text} terms={revealing} />}
            />
          </Paper>
        </>
      )}
    </Stack>
  )
}
