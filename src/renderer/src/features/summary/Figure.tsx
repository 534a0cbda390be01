import { Button, Group, Stack } from '@mantine/core'

import { usePlatform } from '../../platform/PlatformContext'
import { saveFigure, svgDataUrl } from './svg-files'

type Props = { svg: string; alt: string; fileName: string }

/** A generated figure (forest plot, PRISMA diagram) with Save SVG / Save PNG. */
export function Figure({ svg, alt, fileName }: Props) {
  const platform = usePlatform()
  return (
    <Stack gap={4} align="flex-start">
      <img src={svgDataUrl(svg)} alt={alt} style={{ maxWidth: '100%', background: 'white' }} />
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          aria-label={`Save ${alt} as SVG`}
          onClick={() => void saveFigure(platform, svg, fileName, 'svg')}
        >
          Save SVG
        </Button>
        <Button
          size="xs"
          variant="default"
          aria-label={`Save ${alt} as PNG`}
          onClick={() => void saveFigure(platform, svg, fileName, 'png')}
        >
          Save PNG
        </Button>
      </Group>
    </Stack>
  )
}
