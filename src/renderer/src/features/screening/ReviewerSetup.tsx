import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

import { useReviewerActions } from './useReviewerActions'

const schema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give your name, as teammates should see it.')
    .max(100, 'At most 100 characters.'),
})

/** Asks who is screening on this machine, once: every decision is recorded under that reviewer. */
export function ReviewerSetup() {
  const { addReviewer } = useReviewerActions()
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.infer<typeof schema>>({ defaultValues: { name: '' }, resolver: zodResolver(schema) })

  const submit = handleSubmit(async ({ name }) => {
    try {
      await addReviewer(name)
    } catch (error) {
      setError('name', { message: error instanceof Error ? error.message : String(error) })
    }
  })

  return (
    <Paper withBorder p="lg" maw={480}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Title order={3}>Who is screening?</Title>
          <Text size="sm">
            Decisions are recorded under your name, so a teammate’s work can be merged with yours and
            agreement measured. Each reviewer uses their own profile.
          </Text>
          <TextInput label="Your name" error={errors.name?.message} {...register('name')} />
          <Button type="submit" loading={isSubmitting}>
            Start screening
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
