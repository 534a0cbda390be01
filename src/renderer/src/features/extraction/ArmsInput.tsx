import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { useFieldArray, useFormContext, type FieldValues } from 'react-hook-form'

import type { ArmsField } from '../../../../core/extraction/form'
import { newArm } from '../../../../core/extraction/values'
import { useTaxonomies } from '../../db/hooks/useTagging'
import { FieldHelp, useFieldError } from './ScalarField'

type Props = { projectId: string; field: ArmsField }

function ArmModality({
  path,
  name,
  options,
}: {
  path: string
  name: string
  options: { value: string; label: string }[] | null
}) {
  const { register } = useFormContext()
  const error = useFieldError(path)
  const label = `${name} modality`
  return options ? (
    <NativeSelect
      label={label}
      error={error}
      data={[{ value: '', label: 'Choose…' }, ...options]}
      {...register(path)}
    />
  ) : (
    <TextInput label={label} error={error} {...register(path)} />
  )
}

/**
 * The study's arms: label, modality, technique or agent, n. Modality choices come from the form, else from the
 * project's modality taxonomy, else free text.
 */
export function ArmsInput({ projectId, field }: Props) {
  const { register, control } = useFormContext()
  // keyName 'key': the arms' own `id` is data (outcome cells are keyed by it) and must not be replaced.
  const { fields, append, remove } = useFieldArray<FieldValues, string, 'key'>({
    control,
    name: field.id,
    keyName: 'key',
  })
  const taxonomies = useTaxonomies(projectId)
  const terms = taxonomies?.modality?.terms
  const options =
    field.modalityOptions ?? (terms ? terms.map((term) => ({ value: term.id, label: term.label })) : null)
  const errors = {
    label: (i: number) => `${field.id}.${i}.label`,
    n: (i: number) => `${field.id}.${i}.n`,
  }

  return (
    <Stack gap="xs" role="group" aria-label={field.label}>
      <Text size="sm" fw={500}>
        {field.label}
      </Text>
      <FieldHelp help={field.help} />
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No arms yet.
        </Text>
      )}
      {fields.map((arm, index) => {
        const name = `Arm ${index + 1}`
        return (
          <Group key={arm.key} align="flex-end" wrap="wrap" gap="xs">
            <ArmText path={errors.label(index)} label={`${name} label`} />
            <ArmModality path={`${field.id}.${index}.modality`} name={name} options={options} />
            <TextInput label={`${name} technique or agent`} {...register(`${field.id}.${index}.technique`)} />
            <ArmText path={errors.n(index)} label={`${name} n`} width={90} />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove arm ${index + 1}`}
              onClick={() => remove(index)}
            >
              ×
            </ActionIcon>
          </Group>
        )
      })}
      <Group>
        <Button size="xs" variant="default" onClick={() => append({ ...newArm(), n: '' })}>
          Add arm
        </Button>
      </Group>
    </Stack>
  )
}

function ArmText({ path, label, width }: { path: string; label: string; width?: number }) {
  const { register } = useFormContext()
  const error = useFieldError(path)
  return <TextInput label={label} error={error} w={width} {...register(path)} />
}
