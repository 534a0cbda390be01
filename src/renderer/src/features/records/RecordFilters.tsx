import { Button, Checkbox, Group, NativeSelect, NumberInput } from '@mantine/core'

import type { StageOutcome } from '../../../../core/screening/status'
import { useSources } from '../../db/hooks/useRecords'
import { useProjectLabels, useProjectReviewers } from '../../db/hooks/useScreening'
import { useTaxonomies } from '../../db/hooks/useTagging'
import { noFilter, type FilterChoices } from './useRecordFilter'

type Props = { projectId: string; choices: FilterChoices; onChange: (choices: FilterChoices) => void }

const outcomes: { value: 'any' | StageOutcome; label: string }[] = [
  { value: 'any', label: 'Any decision' },
  { value: 'undecided', label: 'Not yet screened' },
  { value: 'include', label: 'Included' },
  { value: 'exclude', label: 'Excluded' },
  { value: 'maybe', label: 'Maybe' },
  { value: 'conflict', label: 'In conflict' },
]

function toYear(value: string | number): number | null {
  const year = typeof value === 'number' ? value : Number.parseInt(value, 10)
  return Number.isFinite(year) ? year : null
}

/** Filters of the records list: screening stage and outcome (overall or one reviewer's), source, years, PDFs. */
export function RecordFilters({ projectId, choices, onChange }: Props) {
  const sources = useSources(projectId) ?? []
  const reviewers = useProjectReviewers(projectId) ?? []
  const labels = useProjectLabels(projectId) ?? []
  const taxonomies = useTaxonomies(projectId)
  const terms = [taxonomies?.modality, taxonomies?.design].flatMap((taxonomy) =>
    taxonomy
      ? (taxonomy.terms ?? []).map((term) => ({ value: `${taxonomy.id}:${term.id}`, label: term.label }))
      : [],
  )
  const set = (change: Partial<FilterChoices>) => onChange({ ...choices, ...change })
  return (
    <Group align="flex-end" gap="sm">
      <NativeSelect
        label="Stage"
        data={[
          { value: 'title-abstract', label: 'Title & abstract' },
          { value: 'full-text', label: 'Full text' },
        ]}
        value={choices.stage}
        onChange={(event) =>
          set({ stage: event.currentTarget.value === 'full-text' ? 'full-text' : 'title-abstract' })
        }
      />
      <NativeSelect
        label="Decision"
        data={outcomes}
        value={choices.outcome}
        onChange={(event) => set({ outcome: event.currentTarget.value as FilterChoices['outcome'] })}
      />
      <NativeSelect
        label="Reviewer"
        data={[
          { value: '', label: 'All reviewers' },
          ...reviewers.map((row) => ({ value: row.id.slice(projectId.length + 1), label: row.name })),
        ]}
        value={choices.reviewerId}
        onChange={(event) => set({ reviewerId: event.currentTarget.value })}
      />
      <NativeSelect
        label="Source"
        data={[{ value: '', label: 'All sources' }, ...sources]}
        value={choices.source}
        onChange={(event) => set({ source: event.currentTarget.value })}
      />
      <NativeSelect
        label="Tag"
        data={[{ value: '', label: 'Any tag' }, ...terms]}
        value={choices.termKey}
        onChange={(event) => set({ termKey: event.currentTarget.value })}
      />
      <NativeSelect
        label="Label"
        data={[
          { value: '', label: 'Any label' },
          ...labels.map((label) => ({ value: label.tagId, label: label.name })),
        ]}
        value={choices.labelId}
        onChange={(event) => set({ labelId: event.currentTarget.value })}
      />
      <NumberInput
        label="Year from"
        w={100}
        value={choices.yearFrom ?? ''}
        onChange={(value) => set({ yearFrom: toYear(value) })}
      />
      <NumberInput
        label="Year to"
        w={100}
        value={choices.yearTo ?? ''}
        onChange={(value) => set({ yearTo: toYear(value) })}
      />
      <Checkbox
        label="Has PDF"
        checked={choices.hasPdf}
        onChange={(event) => set({ hasPdf: event.currentTarget.checked })}
      />
      <Button variant="subtle" onClick={() => onChange(noFilter)}>
        Clear filters
      </Button>
    </Group>
  )
}
