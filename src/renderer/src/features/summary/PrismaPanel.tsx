import { Stack, Text } from '@mantine/core'

import type { PrismaCounts } from '../../../../core/synthesis/prisma'
import { prismaSvg } from '../../../../core/synthesis/prisma-svg'
import { Figure } from './Figure'

/** The PRISMA 2020 flow diagram computed from the project's imports, deduplication and screening. */
export function PrismaPanel({ counts }: { counts: PrismaCounts }) {
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Records per database come from the import batches; screening numbers from the team’s settled decisions
        (records still in conflict count as awaiting screening).
      </Text>
      <Figure svg={prismaSvg(counts)} alt="PRISMA 2020 flow diagram" fileName="prisma-2020-flow" />
    </Stack>
  )
}
