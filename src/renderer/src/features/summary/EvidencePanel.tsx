import { Button, Group, ScrollArea, Stack, Table, Text } from '@mantine/core'

import {
  evidenceColumns,
  evidenceTableCsv,
  type EvidenceRow,
} from '../../../../core/synthesis/evidence-table'
import { usePlatform } from '../../platform/PlatformContext'
import { formatCount } from '../import/format-size'

/** Rows shown on screen; the export always has them all. */
const shownRows = 500

/** One row per study × arm × outcome × timepoint, exportable for Excel or for R and Python. */
export function EvidencePanel({ rows }: { rows: EvidenceRow[] }) {
  const platform = usePlatform()
  const save = (mode: 'spreadsheet' | 'raw') =>
    void platform.saveFile({
      suggestedName: `evidence-table${mode === 'raw' ? '-raw' : ''}.csv`,
      data: evidenceTableCsv(rows, mode),
      mimeType: 'text/csv;charset=utf-8',
    })
  return (
    <Stack>
      <Group justify="space-between">
        <Text>{formatCount(rows.length)} rows</Text>
        <Group gap="xs">
          <Button variant="default" disabled={rows.length === 0} onClick={() => save('spreadsheet')}>
            Export CSV for Excel
          </Button>
          <Button variant="default" disabled={rows.length === 0} onClick={() => save('raw')}>
            Export CSV for R / Python
          </Button>
        </Group>
      </Group>
      <ScrollArea>
        <Table aria-label="Evidence table" striped>
          <Table.Thead>
            <Table.Tr>
              {evidenceColumns.map(([name]) => (
                <Table.Th key={name}>{name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shownRows).map((row, index) => (
              <Table.Tr key={index}>
                {evidenceColumns.map(([name, field]) => (
                  <Table.Td key={name}>{String(row[field] ?? '')}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {rows.length > shownRows && (
        <Text size="sm">The first {shownRows} rows are shown; the export has all of them.</Text>
      )}
    </Stack>
  )
}
