import { Stack, Table, Title } from '@mantine/core'
import { useEffect, useState } from 'react'

import { usePlatform } from '../../platform/PlatformContext'
import type { AppInfo } from '../../platform/types'

/** Version and runtime details, for support requests and bug reports. */
export function AboutPanel() {
  const platform = usePlatform()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    let isCurrent = true
    void platform.getAppInfo().then((value) => {
      if (isCurrent) setInfo(value)
    })
    return () => {
      isCurrent = false
    }
  }, [platform])

  if (!info) return null
  const rows: [string, string][] = [
    ['Version', info.version],
    ['Mode', info.mode === 'desktop' ? 'Desktop app' : 'Browser'],
    ['Platform', info.platform],
    ...Object.entries(info.details),
  ]
  return (
    <Stack gap="xs">
      <Title order={3}>About Sift</Title>
      <Table aria-label="About Sift">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
