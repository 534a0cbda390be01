import { CloseButton, Group, NativeSelect, Pill, Text } from '@mantine/core'

import type { RecordTag, Taxonomy } from '../../db/schema'

type Props = {
  tags: RecordTag[]
  modality: Taxonomy | null
  design: Taxonomy | null
  onRemove: (tag: RecordTag) => void
  onAdd: (taxonomy: Taxonomy, termId: string) => void
}

function labelOf(taxonomy: Taxonomy | null, termId: string): string {
  return taxonomy?.terms?.find((term) => term.id === termId)?.label ?? termId
}

/** The tags a record carries (several modalities, one design), removable, and manual tagging. */
export function RecordTagList({ tags, modality, design, onRemove, onAdd }: Props) {
  const accepted = tags.filter((tag) => tag.confirmed)
  const taxonomyOf = (tag: RecordTag) => (tag.taxonomyId === design?.id ? design : modality)
  return (
    <Group gap="xs" align="flex-end" aria-label="Tags on this record">
      <Text size="sm" fw={600}>
        Tags:
      </Text>
      {accepted.length === 0 && (
        <Text size="sm" c="dimmed">
          none yet
        </Text>
      )}
      {accepted.map((tag) => (
        <Pill key={tag.id} size="md">
          {labelOf(taxonomyOf(tag), tag.tagId)}
          <CloseButton
            size="xs"
            aria-label={`Remove tag ${labelOf(taxonomyOf(tag), tag.tagId)}`}
            onClick={() => onRemove(tag)}
          />
        </Pill>
      ))}
      {[modality, design].map(
        (taxonomy) =>
          taxonomy && (
            <NativeSelect
              key={taxonomy.id}
              size="xs"
              label={taxonomy.kind === 'modality' ? 'Add modality' : 'Set design'}
              data={[
                { value: '', label: 'Choose…' },
                ...(taxonomy.terms ?? []).map((term) => ({ value: term.id, label: term.label })),
              ]}
              value=""
              onChange={(event) => {
                if (event.currentTarget.value) onAdd(taxonomy, event.currentTarget.value)
              }}
            />
          ),
      )}
    </Group>
  )
}
