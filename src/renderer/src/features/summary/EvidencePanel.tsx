import {
  Button,
  Group,
  NativeSelect,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { useMemo, useState } from 'react'

import {
  evidenceColumns,
  evidenceTableCsv,
  type EvidenceRow,
} from '../../../../core/synthesis/evidence-table'
import {
  distinctValues,
  filterEvidence,
  noEvidenceFilter,
  sortEvidence,
  type EvidenceFilter,
} from '../../../../core/synthesis/evidence-view'
import { usePlatform } from '../../platform/PlatformContext'
import { formatCount } from '../import/format-size'

/** Rows shown on screen; the export always has every row that passes the filters. */
const shownRows = 500

type Sort = { field: keyof EvidenceRow; isDescending: boolean } | null

/** One row per study × arm × outcome × timepoint: filter, sort, and export for Excel or for R and Python. */
export function EvidencePanel({ rows }: { rows: EvidenceRow[] }) {
  const platform = usePlatform()
  const [filter, setFilter] = useState<EvidenceFilter>(noEvidenceFilter)
  const [sort, setSort] = useState<Sort>(null)
  const shown = useMemo(() => {
    const filtered = filterEvidence(rows, filter)
    return sort ? sortEvidence(filtered, sort.field, sort.isDescending) : filtered
  }, [rows, filter, sort])
  const save = (mode: 'spreadsheet' | 'raw') =>
    void platform.saveFile({
      suggestedName: `evidence-table${mode === 'raw' ? '-raw' : ''}.csv`,
      data: evidenceTableCsv(shown, mode),
      mimeType: 'text/csv;charset=utf-8',
    })
  const menu = (field: 'modality' | 'design' | 'outcome', label: string) => (
    <NativeSelect
      label={label}
      data={[{ value: '', label: 'All' }, ...distinctValues(rows, field)]}
      value={filter[field]}
      onChange={(event) => setFilter({ ...filter, [field]: event.currentTarget.value })}
    />
  )
  const toggleSort = (field: keyof EvidenceRow) =>
    setSort(
      sort?.field === field ? { field, isDescending: !sort.isDescending } : { field, isDescending: false },
    )

  return (
    <Stack>
      <Group align="flex-end">
        {menu('modality', 'Modality')}
        {menu('design', 'Design')}
        {menu('outcome', 'Outcome')}
        <TextInput
          label="Find in table"
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.currentTarget.value })}
        />
      </Group>
      <Group justify="space-between">
        <Text aria-live="polite">
          {formatCount(shown.length)} of {formatCount(rows.length)} rows
        </Text>
        <Group gap="xs">
          <Button variant="default" disabled={shown.length === 0} onClick={() => save('spreadsheet')}>
            Export CSV for Excel
          </Button>
          <Button variant="default" disabled={shown.length === 0} onClick={() => save('raw')}>
            Export CSV for R / Python
          </Button>
        </Group>
      </Group>
      <ScrollArea>
        <Table aria-label="Evidence table" striped>
          <Table.Thead>
            <Table.Tr>
              {evidenceColumns.map(([name, field]) => (
                <Table.Th
                  key={name}
                  aria-sort={
                    sort?.field === field ? (sort.isDescending ? 'descending' : 'ascending') : undefined
                  }
                >
                  <UnstyledButton
                    fw={700}
                    fz="sm"
                    onClick={() => toggleSort(field)}
                    aria-label={`Sort by ${name}`}
                  >
                    {name}
                    {sort?.field === field ? (sort.isDescending ? ' ↓' : ' ↑') : ''}
                  </UnstyledButton>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice(0, shownRows).map((row, index) => (
              <Table.Tr key={index}>
                {evidenceColumns.map(([name, field]) => (
                  <Table.Td key={name}>{String(row[field] ?? '')}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {shown.length > shownRows && (
        <Text size="sm">The first {shownRows} rows are shown; the export has all of them.</Text>
      )}
    </Stack>
  )
}
