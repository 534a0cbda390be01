import { Button, Group, Radio, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'

import { compareExtractions, reconcile } from '../../../../core/extraction/compare'
import type { ExtractionForm as FormDefinition } from '../../../../core/extraction/form'
import { consensusReviewerId } from '../../db/repos/extractions'
import type { Extraction, ExtractionForm } from '../../db/schema'
import { displayValue, openExtraction } from './form-values'
import { useExtractionActions } from './useExtractionActions'

type Side = { extraction: Extraction; name: string }
type Props = {
  projectId: string
  actor: string
  a: Side
  b: Side
  versions: ExtractionForm[]
  form: FormDefinition
}

/** The values two reviewers entered differently, a choice for each, and the consensus made from the choices. */
export function DifferenceTable({ projectId, actor, a, b, versions, form }: Props) {
  const { saveExtraction } = useExtractionActions()
  const [choices, setChoices] = useState<Record<string, 'a' | 'b'>>({})
  const [message, setMessage] = useState<string | null>(null)
  // Both sides under the latest form, so paths line up even when one was entered under an older version.
  const valuesA = useMemo(
    () => openExtraction(a.extraction, versions, form).values,
    [a.extraction, versions, form],
  )
  const valuesB = useMemo(
    () => openExtraction(b.extraction, versions, form).values,
    [b.extraction, versions, form],
  )
  const differences = useMemo(() => compareExtractions(valuesA, valuesB, form), [valuesA, valuesB, form])
  const openCount = differences.filter((difference) => choices[difference.path] === undefined).length

  const handleSave = () => {
    if (openCount > 0) {
      setMessage(`Choose a value for every disagreement (${openCount} left).`)
      return
    }
    const { values } = reconcile(valuesA, valuesB, choices, form)
    const input = {
      projectId,
      recordId: a.extraction.recordId,
      reviewerId: consensusReviewerId,
      form,
      values,
      status: 'complete' as const,
    }
    saveExtraction(input, actor).then(
      () => setMessage('Consensus saved.'),
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    )
  }

  return (
    <>
      {differences.length === 0 ? (
        <Text>
          {a.name} and {b.name} agree on every value.
        </Text>
      ) : (
        <Table withTableBorder aria-label="Disagreements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Value</Table.Th>
              <Table.Th>{a.name} (A)</Table.Th>
              <Table.Th>{b.name} (B)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {differences.map((difference) => (
              <Table.Tr key={difference.path}>
                <Table.Td>{difference.label}</Table.Td>
                <Table.Td colSpan={2}>
                  <Group grow role="radiogroup" aria-label={`Value for ${difference.label}`}>
                    {(['a', 'b'] as const).map((side) => (
                      <Radio
                        key={side}
                        name={difference.path}
                        value={side}
                        checked={choices[difference.path] === side}
                        onChange={() => setChoices((current) => ({ ...current, [difference.path]: side }))}
                        label={`${side.toUpperCase()} (${(side === 'a' ? a : b).name}): ${displayValue(difference[side])}`}
                      />
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button onClick={handleSave}>Save consensus</Button>
        {message && (
          <Text role="status" size="sm">
            {message}
          </Text>
        )}
      </Group>
    </>
  )
}
