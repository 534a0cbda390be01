import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

import { usePlatform } from '../../platform/PlatformContext'
import { TeamSyncStatus } from './TeamSyncStatus'
import { useTeamSync, useTeamSyncActions } from './useTeamSync'

const schema = z.object({
  serverUrl: z.string().trim(),
  database: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_$()+-]*$/, 'Lower-case letters, digits and _$()+- only, starting with a letter.'),
  user: z.string().trim().min(1, 'Give your user name on the server.'),
  password: z.string().min(1, 'Give your password (it is sent once and not kept in this window).'),
})
type Values = z.infer<typeof schema>

function serverError(isWeb: boolean, value: string): string | null {
  if (isWeb) return null
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// address.'
    if (url.username || url.password) return 'Leave the user name and password out of the address.'
    return null
  } catch {
    return 'Give the server address, e.g. https://couch.example.org.'
  }
}

/** Settings ▸ Team sync: connect this project to the team's CouchDB database, see how sync stands. */
export function TeamSyncPanel({ projectId }: { projectId: string }) {
  const platform = usePlatform()
  const { account, status, storage } = useTeamSync(projectId, platform)
  const { connect, disconnect, syncNow } = useTeamSyncActions()
  const [problem, setProblem] = useState<string | null>(null)
  const isWeb = platform.sync.fixedServer !== null
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { serverUrl: '', database: '', user: '', password: '' },
  })
  const run = (work: Promise<void>) =>
    work.then(
      () => setProblem(null),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    )
  const handleConnect = form.handleSubmit(({ password, ...values }) => {
    const invalidServer = serverError(isWeb, values.serverUrl)
    if (invalidServer) return form.setError('serverUrl', { message: invalidServer })
    const serverUrl = isWeb ? 'http://same-origin.invalid' : values.serverUrl.replace(/\/+$/, '')
    return run(connect(platform, projectId, { ...values, serverUrl }, password)).then(() =>
      form.resetField('password'),
    )
  })

  return (
    <Stack maw={720} gap="xs">
      <Title order={3}>Team sync</Title>
      <Text size="sm">
        Your decisions, resolutions and extractions go to the team&apos;s CouchDB database and your
        teammates&apos; come back, live while connected; offline work is sent when the connection returns.
      </Text>
      {account ? (
        <>
          <Text size="sm">
            Connected to <b>{account.database}</b> as <b>{account.user}</b>
            {isWeb ? ` through ${platform.sync.fixedServer}` : ` on ${account.serverUrl}`}.
          </Text>
          {storage === 'plain-text' && (
            <Alert color="yellow" title="Password kept as plain text">
              This computer offers no keychain, so your sync password is stored unencrypted in Sift&apos;s
              data folder. Anyone who can read your files can read it.
            </Alert>
          )}
          <TeamSyncStatus status={status} />
          <Group>
            <Button onClick={() => void run(syncNow(platform, projectId))}>Sync now</Button>
            <Button variant="default" onClick={() => void run(disconnect(platform, projectId))}>
              Disconnect
            </Button>
          </Group>
        </>
      ) : (
        <form onSubmit={(event) => void handleConnect(event)}>
          <Stack gap="xs">
            {isWeb ? (
              <Text size="sm">Server: {platform.sync.fixedServer}</Text>
            ) : (
              <TextInput
                label="Server address"
                {...form.register('serverUrl')}
                error={form.formState.errors.serverUrl?.message}
              />
            )}
            <TextInput
              label="Database"
              description="One database per review"
              {...form.register('database')}
              error={form.formState.errors.database?.message}
            />
            <TextInput
              label="User name"
              autoComplete="username"
              {...form.register('user')}
              error={form.formState.errors.user?.message}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              {...form.register('password')}
              error={form.formState.errors.password?.message}
            />
            <div>
              <Button type="submit" loading={form.formState.isSubmitting}>
                Connect
              </Button>
            </div>
          </Stack>
        </form>
      )}
      {problem && (
        <Alert color="red" title="Team sync" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
    </Stack>
  )
}
