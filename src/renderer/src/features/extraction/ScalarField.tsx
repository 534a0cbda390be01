import { Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { get, useFormContext } from 'react-hook-form'

import type { FormField } from '../../../../core/extraction/form'
import { isRecord as isObject } from '../../../../core/extraction/values'

type ScalarFormField = Exclude<FormField, { type: 'arms' | 'outcomeGrid' }>

/** The error message react-hook-form holds for a path, if any. */
export function useFieldError(path: string): string | undefined {
  const {
    formState: { errors },
  } = useFormContext()
  const error: unknown = get(errors, path)
  const message: unknown = isObject(error) ? error.message : undefined
  return typeof message === 'string' ? message : undefined
}

/** A field's help text, shown under its label like a Mantine input description. */
export function FieldHelp({ help }: { help: string | undefined }) {
  return help ? (
    <Text size="xs" c="dimmed">
      {help}
    </Text>
  ) : null
}

function Unit({ unit }: { unit: string | undefined }) {
  return unit ? (
    <Text size="xs" c="dimmed">
      {unit}
    </Text>
  ) : null
}

/** One single-value field, labelled with the form's label (and its unit and help). */
export function ScalarField({ field }: { field: ScalarFormField }) {
  const { register } = useFormContext()
  const error = useFieldError(field.id)
  const eventsError = useFieldError(`${field.id}.events`)
  const totalError = useFieldError(`${field.id}.total`)
  const common = {
    label: field.label,
    description: field.help,
    withAsterisk: field.required === true,
    error,
  }
  switch (field.type) {
    case 'text':
      return <TextInput {...common} {...register(field.id)} />
    case 'longText':
      return <Textarea {...common} autosize minRows={2} {...register(field.id)} />
    case 'date':
      return <TextInput {...common} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" {...register(field.id)} />
    case 'integer':
    case 'number':
    case 'percent':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          rightSection={<Unit unit={field.type === 'percent' ? '%' : field.unit} />}
          rightSectionWidth={60}
          {...register(field.id)}
        />
      )
    case 'proportion':
      return (
        <Group align="flex-start" grow>
          <TextInput
            label={`${field.label}: events`}
            description={field.help}
            withAsterisk={field.required === true}
            inputMode="numeric"
            error={eventsError}
            {...register(`${field.id}.events`)}
          />
          <TextInput
            label={`${field.label}: total`}
            withAsterisk={field.required === true}
            inputMode="numeric"
            error={totalError}
            {...register(`${field.id}.total`)}
          />
        </Group>
      )
    case 'select':
      return (
        <NativeSelect
          {...common}
          data={[{ value: '', label: 'Not reported' }, ...field.options]}
          {...register(field.id)}
        />
      )
    case 'yesNo':
      return (
        <NativeSelect
          {...common}
          data={[
            { value: '', label: 'Not reported' },
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          {...register(field.id)}
        />
      )
    case 'multiSelect':
      return (
        <Stack gap={4} role="group" aria-label={field.label}>
          <Text size="sm" fw={500}>
            {field.label}
          </Text>
          <FieldHelp help={field.help} />
          {field.options.map((option) => (
            <Checkbox key={option.value} label={option.label} value={option.value} {...register(field.id)} />
          ))}
          {error && (
            <Text size="xs" c="red">
              {error}
            </Text>
          )}
        </Stack>
      )
  }
}
