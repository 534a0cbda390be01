import { Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'

import type { ColumnMapping } from '../../../../core/import/csv-columns'
import type { CommitChoice, FilePreview } from '../../workers/import-protocol'
import { FilePreviewCard, type FileChoice } from './FilePreviewCard'
import { formatCount } from './format-size'

type Props = {
  files: FilePreview[]
  onImport: (choices: CommitChoice[]) => void
  onRemap: (fileIndex: number, mapping: ColumnMapping) => void
  onCancel: () => void
}

function initialChoice(file: FilePreview): FileChoice {
  // A file imported before is left unticked: adding every record twice is rarely what anyone wants.
  return {
    isIncluded: file.error === null && file.duplicateOf === null,
    source: file.database,
    includeExtras: false,
  }
}

/** The preview of every chosen file; nothing is written until the user presses Import. */
export function ImportPreview({ files, onImport, onRemap, onCancel }: Props) {
  const [choices, setChoices] = useState<FileChoice[]>(() => files.map(initialChoice))
  const chosen = files.flatMap((file, fileIndex) => {
    const choice = choices[fileIndex]
    return choice?.isIncluded && file.error === null ? [{ file, fileIndex, choice }] : []
  })
  const recordTotal = chosen.reduce(
    (sum, { file, choice }) => sum + file.recordCount + (choice.includeExtras ? file.extrasCount : 0),
    0,
  )

  const handleImport = () =>
    onImport(
      chosen.map(({ fileIndex, choice }) => ({
        fileIndex,
        source: choice.source,
        includeExtras: choice.includeExtras,
      })),
    )

  return (
    <Stack>
      {files.map((file, fileIndex) => (
        <FilePreviewCard
          key={`${fileIndex}-${file.fileName}`}
          file={file}
          choice={choices[fileIndex] ?? initialChoice(file)}
          onRemap={(mapping) => onRemap(fileIndex, mapping)}
          onChange={(choice) =>
            setChoices((current) => current.map((old, index) => (index === fileIndex ? choice : old)))
          }
        />
      ))}
      <Group justify="space-between">
        <Text>
          {chosen.length === 0
            ? 'No file is selected for import.'
            : `${formatCount(recordTotal)} records from ${chosen.length} file${chosen.length === 1 ? '' : 's'} will be imported.`}
        </Text>
        <Group>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={handleImport} disabled={chosen.length === 0}>
            Import selected files
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
