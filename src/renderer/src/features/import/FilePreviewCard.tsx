import { Alert, Badge, Checkbox, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core'

import type { ColumnMapping } from '../../../../core/import/csv-columns'
import type { FilePreview } from '../../workers/import-protocol'
import { ColumnMappingEditor } from './ColumnMappingEditor'
import { formatCount, formatSize } from './format-size'

export type FileChoice = { isIncluded: boolean; source: string; includeExtras: boolean }

type Props = {
  file: FilePreview
  choice: FileChoice
  onChange: (choice: FileChoice) => void
  onRemap: (mapping: ColumnMapping) => void
}

/** One file in the import preview: what was detected, what went wrong and where, and the user's choices. */
export function FilePreviewCard({ file, choice, onChange, onRemap }: Props) {
  const canImport = file.error === null
  return (
    <Paper withBorder p="md" component="section" aria-label={`Preview of ${file.fileName}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {file.fileName}
          </Title>
          <Text size="sm" c="dimmed">
            {formatSize(file.size)}
          </Text>
        </Group>
        {canImport ? (
          <>
            <Group gap="xs">
              <Badge variant="light">{file.formatLabel}</Badge>
              <Badge variant="light" color="gray">
                {file.encoding}
              </Badge>
              <Text size="sm">
                <strong>{formatCount(file.recordCount)}</strong> records
                {file.extrasCount > 0 && ` (+ ${formatCount(file.extrasCount)} related)`}
              </Text>
            </Group>
            {file.sampleTitles.length > 0 && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                First: {file.sampleTitles[0]}
              </Text>
            )}
          </>
        ) : (
          <Alert color="red" title="This file cannot be imported">
            {file.error}
          </Alert>
        )}
        {file.duplicateOf && (
          <Alert color="yellow" title="Already imported">
            The same file was imported as “{file.duplicateOf.fileName}” on{' '}
            {new Date(file.duplicateOf.createdAt).toLocaleString()}. Importing it again would add every record
            twice.
          </Alert>
        )}
        {file.truncatedAtLine !== null && (
          <Alert color="yellow" title="The file looks cut off">
            It ends inside a record at line {file.truncatedAtLine}; that record is left out.
          </Alert>
        )}
        {file.columns && (
          <ColumnMappingEditor fileName={file.fileName} columns={file.columns} onChange={onRemap} />
        )}
        {file.warningCount > 0 && <WarningList file={file} />}
        {canImport && (
          <Group align="flex-end">
            <Checkbox
              label="Import this file"
              checked={choice.isIncluded}
              onChange={(event) => onChange({ ...choice, isIncluded: event.currentTarget.checked })}
            />
            <TextInput
              label="Source database"
              aria-label={`Source database for ${file.fileName}`}
              description="Counted per source in PRISMA"
              value={choice.source}
              onChange={(event) => onChange({ ...choice, source: event.currentTarget.value })}
            />
            {file.extrasCount > 0 && (
              <Checkbox
                label="Also import the related records"
                checked={choice.includeExtras}
                onChange={(event) => onChange({ ...choice, includeExtras: event.currentTarget.checked })}
              />
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  )
}

function WarningList({ file }: { file: FilePreview }) {
  return (
    <Alert
      color="orange"
      title={`${formatCount(file.warningCount)} warning${file.warningCount === 1 ? '' : 's'}`}
    >
      <Text size="sm">
        Records with problems are imported as far as they could be read, or skipped where noted.
      </Text>
      <List size="sm" mah={160} style={{ overflowY: 'auto' }} aria-label={`Warnings for ${file.fileName}`}>
        {file.warnings.map((warning, index) => (
          <List.Item key={index}>
            {warning.line > 0 ? `Line ${warning.line}: ` : ''}
            {warning.message}
          </List.Item>
        ))}
      </List>
      {file.warningCount > file.warnings.length && (
        <Text size="sm">…and {formatCount(file.warningCount - file.warnings.length)} more.</Text>
      )}
    </Alert>
  )
}
