import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

import type { StoredRecord } from '../../db/schema'
import { usePlatform } from '../../platform/PlatformContext'

type Props = {
  record: StoredRecord
  /** Renders text with the project's highlight terms marked; plain text when absent. */
  highlight?: (text: string) => ReactNode
}

function authorNames(record: StoredRecord): string {
  return record.authors.map((author) => [author.given, author.family].filter(Boolean).join(' ')).join(', ')
}

/** The record being screened, laid out for reading: title, authors, source, links, abstract, keywords. */
export function RecordReader({ record, highlight = (text) => text }: Props) {
  const platform = usePlatform()
  const open = (url: string) => void platform.openExternal(url)
  const source = [
    record.journal,
    record.year,
    record.volume && `${record.volume}(${record.issue})`,
    record.pages,
  ]
    .filter(Boolean)
    .join(' · ')

  return (
    <Stack gap="sm" component="article" aria-label="Record being screened">
      <Title order={3}>{highlight(record.title || '(no title)')}</Title>
      {record.authors.length > 0 && <Text size="sm">{authorNames(record)}</Text>}
      <Group gap="md">
        {source && (
          <Text size="sm" c="dimmed">
            {source}
          </Text>
        )}
        {record.doi && (
          <Anchor
            size="sm"
            component="button"
            type="button"
            onClick={() => open(`https://doi.org/${record.doi}`)}
          >
            DOI {record.doi}
          </Anchor>
        )}
        {record.pmid && (
          <Anchor
            size="sm"
            component="button"
            type="button"
            onClick={() => open(`https://pubmed.ncbi.nlm.nih.gov/${record.pmid}/`)}
          >
            PMID {record.pmid}
          </Anchor>
        )}
        {record.isMetadataMissing && <Badge color="orange">Metadata missing</Badge>}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>
        {record.abstract ? highlight(record.abstract) : <em>No abstract in the imported record.</em>}
      </Text>
      {record.keywords.length > 0 && (
        <Group gap={4}>
          {record.keywords.map((keyword) => (
            <Badge key={keyword} variant="light" color="gray" tt="none">
              {highlight(keyword)}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  )
}
