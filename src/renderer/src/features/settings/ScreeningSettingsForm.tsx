import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Checkbox, Group, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

import { parseTermList } from '../../../../core/screening/highlight'
import type { Project } from '../../db/schema'
import { screeningSettingsOf } from '../screening/screening-settings'
import { useSettingsActions } from './useSettingsActions'

const schema = z.object({
  isBlind: z.boolean(),
  exclusionReasons: z.string().refine((text) => text.split('\n').some((line) => line.trim()), {
    message: 'Keep at least one exclusion reason.',
  }),
  includeTerms: z.string().max(5000),
  excludeTerms: z.string().max(5000),
})

type Values = z.infer<typeof schema>

/** Blind mode, the full-text exclusion reasons and the highlight terms of a project. */
export function ScreeningSettingsForm({ project }: { project: Project }) {
  const { saveScreeningSettings } = useSettingsActions()
  const [saved, setSaved] = useState(false)
  const current = screeningSettingsOf(project)
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      isBlind: current.isBlind,
      exclusionReasons: current.exclusionReasons.join('\n'),
      includeTerms: current.includeTerms.map(quoteIfPhrase).join(' '),
      excludeTerms: current.excludeTerms.map(quoteIfPhrase).join(' '),
    },
  })

  const submit = handleSubmit(async (values) => {
    setSaved(false)
    try {
      await saveScreeningSettings(project.id, {
        isBlind: values.isBlind,
        exclusionReasons: values.exclusionReasons.split('\n'),
        includeTerms: parseTermList(values.includeTerms),
        excludeTerms: parseTermList(values.excludeTerms),
      })
      setSaved(true)
    } catch (error) {
      setError('root', { message: error instanceof Error ? error.message : String(error) })
    }
  })

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Screening settings">
      <Stack maw={720}>
        <Title order={3}>Screening</Title>
        <Checkbox
          label="Blind mode: hide other reviewers’ decisions while screening"
          {...register('isBlind')}
        />
        <TextInput
          label="Highlight as inclusion terms (green)"
          description='Words, "quoted phrases" and wild*cards, separated by spaces'
          {...register('includeTerms')}
        />
        <TextInput
          label="Highlight as exclusion terms (red)"
          description='Words, "quoted phrases" and wild*cards, separated by spaces'
          {...register('excludeTerms')}
        />
        <Textarea
          label="Full-text exclusion reasons"
          description="One per line; keys 1–9 pick the first nine while screening"
          autosize
          minRows={4}
          error={errors.exclusionReasons?.message}
          {...register('exclusionReasons')}
        />
        {errors.root && <Alert color="red">{errors.root.message}</Alert>}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            Save screening settings
          </Button>
          {saved && <span role="status">Saved.</span>}
        </Group>
      </Stack>
    </form>
  )
}

function quoteIfPhrase(term: string): string {
  return /\s/.test(term) ? `"${term}"` : term
}
