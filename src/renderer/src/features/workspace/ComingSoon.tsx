import { Alert, Stack, Text, Title } from '@mantine/core'

type Props = { title: string; intro: string }

/** A section whose page has not been built yet: says what it will do, so nobody mistakes it for broken. */
export function ComingSoon({ title, intro }: Props) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Text>{intro}</Text>
      <Alert variant="light" title="Coming in a later release">
        This part of Sift is being built. Your project data is safe and will be here when it arrives.
      </Alert>
    </Stack>
  )
}
