import { Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'

import { useRecordQueryCount, type RecordQuery, type RecordSort } from '../../db/hooks/useRecords'
import { formatCount } from '../import/format-size'
import { BulkDecision } from './BulkDecision'
import { RecordExportButtons } from './RecordExportButtons'
import { RecordFilters } from './RecordFilters'
import { RecordTable } from './RecordTable'
import { noFilter, useRecordFilter, type FilterChoices } from './useRecordFilter'

const sortOptions: { value: string; label: string; sort: RecordSort; isDescending: boolean }[] = [
  { value: 'imported', label: 'Import order', sort: 'imported', isDescending: false },
  { value: 'title', label: 'Title A–Z', sort: 'title', isDescending: false },
  { value: 'title-desc', label: 'Title Z–A', sort: 'title', isDescending: true },
  { value: 'year-desc', label: 'Year, newest first', sort: 'year', isDescending: true },
  { value: 'year', label: 'Year, oldest first', sort: 'year', isDescending: false },
]

/** Every record of the project: search, sort, and export what is shown. */
export function RecordsPage({ projectId }: { projectId: string }) {
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search, 150)
  const [sortValue, setSortValue] = useState('imported')
  const option = sortOptions.find((entry) => entry.value === sortValue) ?? sortOptions[0]
  const [choices, setChoices] = useState<FilterChoices>(noFilter)
  const filter = useRecordFilter(projectId, choices)
  const query: RecordQuery = {
    projectId,
    search: debouncedSearch,
    sort: option?.sort ?? 'imported',
    isDescending: option?.isDescending ?? false,
    filter,
  }
  const count = useRecordQueryCount(query)

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Records</Title>
        <RecordExportButtons query={query} count={count ?? 0} />
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Search records"
          placeholder="Words in title, authors, journal, DOI or PMID"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <NativeSelect
          label="Sort by"
          data={sortOptions.map(({ value, label }) => ({ value, label }))}
          value={sortValue}
          onChange={(event) => setSortValue(event.currentTarget.value)}
        />
      </Group>
      <RecordFilters projectId={projectId} choices={choices} onChange={setChoices} />
      <Group justify="space-between" align="flex-end">
        <Text size="sm" aria-live="polite">
          {count === undefined
            ? 'Counting…'
            : `${formatCount(count)} records${debouncedSearch || filter ? ' match' : ''}`}
        </Text>
        <BulkDecision query={query} count={count ?? 0} stage={choices.stage} />
      </Group>
      {count !== undefined && count > 0 && <RecordTable query={query} count={count} />}
    </Stack>
  )
}
