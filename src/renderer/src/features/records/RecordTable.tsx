import { Box, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'

import { useRecordWindow, type RecordQuery } from '../../db/hooks/useRecords'
import type { StoredRecord } from '../../db/schema'

const rowHeight = 52
/** Rows are fetched in pages of this size, so scrolling a pixel does not query again. */
const pageSize = 50

type Props = { query: RecordQuery; count: number }

function authorLine(record: StoredRecord): string {
  const names = record.authors.slice(0, 3).map((author) => author.family)
  return names.join(', ') + (record.authors.length > 3 ? ' et al.' : '')
}

const columns = 'minmax(0, 1fr) 64px 220px 140px'

/**
 * All records of the query in a virtualised table: only the visible rows are in the DOM, and only their page is
 * read from the database, so 100,000 records scroll like 100.
 */
export function RecordTable({ query, count }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  const start = Math.floor(first / pageSize) * pageSize
  const end = Math.min(count, (Math.floor(last / pageSize) + 1) * pageSize)
  const rows = useRecordWindow(query, start, end)

  return (
    <Box role="table" aria-label="Records" aria-rowcount={count + 1}>
      <Box role="rowgroup">
        <Box
          role="row"
          aria-rowindex={1}
          style={{ display: 'grid', gridTemplateColumns: columns, gap: 12 }}
          px="sm"
        >
          {['Title', 'Year', 'Journal', 'Source'].map((label) => (
            <Text role="columnheader" key={label} fw={700} size="sm">
              {label}
            </Text>
          ))}
        </Box>
      </Box>
      <Box ref={scrollRef} role="rowgroup" style={{ height: 'min(62vh, 640px)', overflowY: 'auto' }}>
        <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const record = rows?.[item.index - start]
            return (
              <Box
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                px="sm"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: columns,
                  gap: 12,
                  alignItems: 'center',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                }}
              >
                {record ? (
                  <RecordCells record={record} />
                ) : (
                  <Text size="sm" c="dimmed">
                    …
                  </Text>
                )}
              </Box>
            )
          })}
        </Box>
      </Box>
    </Box>
  )
}

function RecordCells({ record }: { record: StoredRecord }) {
  return (
    <>
      <Box role="cell" style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate="end">
          {record.title || '(no title)'}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {authorLine(record)}
        </Text>
      </Box>
      <Text role="cell" size="sm">
        {record.year ?? ''}
      </Text>
      <Text role="cell" size="sm" truncate="end">
        {record.journal}
      </Text>
      <Text role="cell" size="sm" truncate="end">
        {record.source}
      </Text>
    </>
  )
}
