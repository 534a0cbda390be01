import { NativeSelect, Table, Text } from '@mantine/core'

import type { ColumnMapping } from '../../../../core/import/csv-columns'
import type { FieldTarget } from '../../../../core/import/draft'
import type { CsvColumns } from '../../../../core/import/import-file'

/** What each record field is called in the mapping menu. Every target the CSV reader knows has a label. */
const fieldLabels: Record<FieldTarget, string> = {
  title: 'Title',
  abstract: 'Abstract',
  author: 'Author (one per column)',
  authorAlt: 'Authors (list, used if no full names)',
  authorList: 'Authors (list)',
  year: 'Year',
  date: 'Publication date',
  journal: 'Journal',
  journalAbbrev: 'Journal abbreviation',
  volume: 'Volume',
  issue: 'Issue',
  startPage: 'First page',
  endPage: 'Last page',
  pages: 'Pages',
  doi: 'DOI',
  doiMaybe: 'DOI (if it holds one)',
  pmid: 'PMID',
  pmcid: 'PMCID',
  pmcidMaybe: 'PMCID (if it holds one)',
  issn: 'ISSN',
  keyword: 'Keyword',
  keywordList: 'Keywords (list)',
  mesh: 'MeSH term',
  meshList: 'MeSH terms (list)',
  publicationType: 'Publication type',
  language: 'Language',
  url: 'URL',
}

const keepValue = ''
const options = [
  { value: keepValue, label: 'Keep as extra column' },
  ...Object.entries(fieldLabels).map(([value, label]) => ({ value, label })),
]

type Props = {
  fileName: string
  columns: CsvColumns
  onChange: (mapping: ColumnMapping) => void
}

/** The automatic column mapping of a CSV/TSV file, which the user can correct; the file is re-read at once. */
export function ColumnMappingEditor({ fileName, columns, onChange }: Props) {
  const handleChange = (index: number, value: string) =>
    onChange(
      columns.mapping.map((target, at) => (at === index ? ((value || null) as FieldTarget | null) : target)),
    )

  return (
    <details>
      <summary>
        <Text span size="sm" fw={600}>
          Columns ({columns.mapping.filter(Boolean).length} of {columns.headers.length} mapped) — check or
          correct
        </Text>
      </summary>
      <Table aria-label={`Column mapping for ${fileName}`} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column in the file</Table.Th>
            <Table.Th>Goes to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.headers.map((header, index) => (
            <Table.Tr key={`${index}-${header}`}>
              <Table.Td>{header || `(column ${index + 1})`}</Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={`Field for column ${header || index + 1}`}
                  data={options}
                  value={columns.mapping[index] ?? keepValue}
                  onChange={(event) => handleChange(index, event.currentTarget.value)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  )
}
