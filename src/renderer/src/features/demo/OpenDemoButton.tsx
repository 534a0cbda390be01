import { Alert, Button, type ButtonProps } from '@mantine/core'

import type { OpenDemo } from './useOpenDemo'

type Props = { demo: OpenDemo; variant?: ButtonProps['variant'] }

/** Loads the invented NETLM demo project and opens it, so every page can be seen populated. */
export function OpenDemoButton({ demo, variant = 'default' }: Props) {
  return (
    <Button variant={variant} loading={demo.isLoading} onClick={() => void demo.open()}>
      Open demo project
    </Button>
  )
}

/** Why the demo did not load, if it did not. */
export function OpenDemoError({ demo }: { demo: OpenDemo }) {
  if (!demo.error) return null
  return (
    <Alert color="red" role="alert" withCloseButton onClose={demo.clearError}>
      {demo.error}
    </Alert>
  )
}
