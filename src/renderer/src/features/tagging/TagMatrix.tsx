import { Button, List, Stack, Table, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'

import { modalityDesignMatrix } from '../../../../core/tagging/matrix'
import { useRecordsByIds } from '../../db/hooks/useScreening'
import { useProjectTaxonomyTags } from '../../db/hooks/useTagging'
import type { Taxonomy } from '../../db/schema'

type Props = { projectId: string; modality: Taxonomy; design: Taxonomy }

/** Records per modality × study design; a cell opens the list of its records. */
export function TagMatrix({ projectId, modality, design }: Props) {
  const tags = useProjectTaxonomyTags(projectId)
  const [cell, setCell] = useState<{ title: string; ids: string[] } | null>(null)
  const matrix = useMemo(
    () =>
      modalityDesignMatrix(
        (tags ?? [])
          .filter((tag) => tag.confirmed)
          .map((tag) => ({ recordId: tag.recordId, taxonomyId: tag.taxonomyId ?? '', termId: tag.tagId })),
        modality.id,
        design.id,
      ),
    [tags, modality.id, design.id],
  )
  const records = useRecordsByIds(cell?.ids ?? [])
  const designs = design.terms ?? []

  return (
    <Stack>
      <Table aria-label="Modality by study design" withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Modality</Table.Th>
            {designs.map((term) => (
              <Table.Th key={term.id}>{term.label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(modality.terms ?? []).map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row">{row.label}</Table.Th>
              {designs.map((column) => {
                const ids = matrix.get(row.id)?.get(column.id) ?? []
                return (
                  <Table.Td key={column.id}>
                    {ids.length > 0 ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`${row.label}, ${column.label}: ${ids.length} records`}
                        onClick={() => setCell({ title: `${row.label} · ${column.label}`, ids })}
                      >
                        {ids.length}
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">
                        0
                      </Text>
                    )}
                  </Table.Td>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {cell && (
        <Stack gap="xs">
          <Title order={4}>{cell.title}</Title>
          <List aria-label="Records in the chosen cell">
            {records?.map((record) => (
              <List.Item key={record.id}>{record.title || '(no title)'}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  )
}
