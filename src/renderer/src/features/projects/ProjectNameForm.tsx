import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

import { maxProjectNameLength } from '../../db/repos/projects'

const projectNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the project a name.')
    .max(maxProjectNameLength, `A project name can have at most ${maxProjectNameLength} characters.`),
  description: z.string().max(2000),
})

export type ProjectNameValues = z.infer<typeof projectNameSchema>

type Props = {
  initial: ProjectNameValues
  submitLabel: string
  withDescription: boolean
  onSubmit: (values: ProjectNameValues) => Promise<void>
  onCancel: () => void
}

/** Name (and optionally description) of a project, validated before anything is saved. */
export function ProjectNameForm({ initial, submitLabel, withDescription, onSubmit, onCancel }: Props) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ProjectNameValues>({ defaultValues: initial, resolver: zodResolver(projectNameSchema) })

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values)
    } catch (error) {
      setError('name', { message: error instanceof Error ? error.message : String(error) })
    }
  })

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <TextInput label="Project name" data-autofocus error={errors.name?.message} {...register('name')} />
        {withDescription && (
          <Textarea
            label="Description (optional)"
            autosize
            minRows={2}
            error={errors.description?.message}
            {...register('description')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
