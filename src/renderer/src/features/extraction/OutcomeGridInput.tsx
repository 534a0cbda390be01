import { NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core'
import { useFormContext } from 'react-hook-form'

import {
  armsField,
  outcomeTimepoints,
  type ExtractionForm,
  type OutcomeDefinition,
  type OutcomeGridField,
} from '../../../../core/extraction/form'
import { readArms } from '../../../../core/extraction/values'
import { FieldHelp, useFieldError } from './ScalarField'

type Part = 'events' | 'total' | 'value' | 'cr' | 'pr' | 'sd' | 'pd'

/** The numbers a cell takes, by outcome kind (see core `OutcomeCellValue`). */
function partsOf(outcome: OutcomeDefinition): { part: Part; label: string }[] {
  const unit = outcome.unit ? ` (${outcome.unit})` : ''
  const byKind: Record<OutcomeDefinition['kind'], { part: Part; label: string }[]> = {
    proportion: [
      { part: 'events', label: 'events' },
      { part: 'total', label: 'total' },
      { part: 'value', label: '%' },
    ],
    'rate-at-timepoint': [
      { part: 'value', label: '%' },
      { part: 'events', label: 'events' },
      { part: 'total', label: 'total' },
    ],
    continuous: [{ part: 'value', label: `value${unit}` }],
    'time-to-event-median': [{ part: 'value', label: `median${unit}` }],
    count: [{ part: 'events', label: 'count' }],
  }
  const counts: { part: Part; label: string }[] = outcome.hasResponseCounts
    ? (['cr', 'pr', 'sd', 'pd'] as const).map((part) => ({ part, label: part.toUpperCase() }))
    : []
  return [...byKind[outcome.kind], ...counts]
}

function CellInput({ path, label }: { path: string; label: string }) {
  const { register } = useFormContext()
  const error = useFieldError(path)
  return (
    <TextInput
      aria-label={label}
      title={error}
      error={error}
      inputMode="decimal"
      size="xs"
      w={80}
      {...register(path)}
    />
  )
}

function CriteriaInput({
  path,
  label,
  outcome,
}: {
  path: string
  label: string
  outcome: OutcomeDefinition
}) {
  const { register } = useFormContext()
  return (
    <NativeSelect
      aria-label={label}
      size="xs"
      data={[{ value: '', label: '—' }, ...(outcome.criteria ?? [])]}
      {...register(path)}
    />
  )
}

/** The outcome grid: for each outcome a table of arm × timepoint rows and the outcome's numbers as columns. */
export function OutcomeGridInput({ field, form }: { field: OutcomeGridField; form: ExtractionForm }) {
  const { watch } = useFormContext()
  const armsId = armsField(form)?.id
  const arms = readArms(armsId ? watch(armsId) : [])
  if (arms.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {field.label}: add an arm to enter outcomes.
      </Text>
    )
  }
  return (
    <Stack gap="md" role="group" aria-label={field.label}>
      <FieldHelp help={field.help} />
      {field.outcomes.map((outcome) => {
        const parts = partsOf(outcome)
        const timepoints = outcomeTimepoints(outcome)
        return (
          <Stack key={outcome.id} gap={4}>
            <Text size="sm" fw={500}>
              {outcome.label}
            </Text>
            <FieldHelp help={outcome.help} />
            <Table.ScrollContainer minWidth={400}>
              <Table withTableBorder aria-label={outcome.label}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Arm</Table.Th>
                    {timepoints.length > 1 && <Table.Th>Time</Table.Th>}
                    {outcome.criteria && <Table.Th>Criteria</Table.Th>}
                    {parts.map(({ part, label }) => (
                      <Table.Th key={part}>{label}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {arms.flatMap((arm, index) =>
                    timepoints.map((timepoint) => {
                      const armName = arm.label.trim() || `Arm ${index + 1}`
                      const where = [armName, outcome.label, timepoint.label].filter(Boolean).join(' › ')
                      const base = `${field.id}.${arm.id}.${outcome.id}.${timepoint.id}`
                      return (
                        <Table.Tr key={`${arm.id}:${timepoint.id}`}>
                          <Table.Td>{armName}</Table.Td>
                          {timepoints.length > 1 && <Table.Td>{timepoint.label}</Table.Td>}
                          {outcome.criteria && (
                            <Table.Td>
                              <CriteriaInput
                                path={`${base}.criteria`}
                                label={`${where} › criteria`}
                                outcome={outcome}
                              />
                            </Table.Td>
                          )}
                          {parts.map(({ part, label }) => (
                            <Table.Td key={part}>
                              <CellInput path={`${base}.${part}`} label={`${where} › ${label}`} />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      )
                    }),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )
      })}
    </Stack>
  )
}
