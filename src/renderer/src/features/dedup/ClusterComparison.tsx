import { Badge, Table, Text } from '@mantine/core'

import type { StoredRecord } from '../../db/schema'
import { compareFields } from './compare-fields'

type Props = { records: StoredRecord[]; keepRecordId: string }

/** The candidates of one suggestion side by side, one column per record; fields that differ are highlighted. */
export function ClusterComparison({ records, keepRecordId }: Props) {
  const rows = compareFields(records)
  return (
    <Table aria-label="Candidate records side by side" withColumnBorders layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>Field</Table.Th>
          {records.map((record, index) => (
            <Table.Th key={record.id}>
              Record {index + 1}
              {record.id === keepRecordId && (
                <Badge ml="xs" size="sm" variant="light">
                  kept on merge
                </Badge>
              )}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr
            key={row.label}
            data-differs={row.isDifferent || undefined}
            bg={row.isDifferent ? 'var(--mantine-color-yellow-light)' : undefined}
          >
            <Table.Th scope="row">
              {row.label}
              {row.isDifferent && (
                <Badge ml="xs" size="xs" color="yellow" variant="filled">
                  differs
                </Badge>
              )}
            </Table.Th>
            {row.values.map((value, index) => (
              <Table.Td key={records[index]?.id ?? index}>
                <Text size="sm" lineClamp={row.label === 'Abstract' ? 6 : undefined}>
                  {value || '—'}
                </Text>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
