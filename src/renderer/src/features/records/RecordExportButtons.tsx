import type { RecordQuery } from '../../db/hooks/useRecords'

type Props = { query: RecordQuery; count: number }

export function RecordExportButtons(_props: Props) {
  return null
}
