import { Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useMemo } from 'react'

import { safeFileName } from '../../../../core/export/file-name'
import type { EvidenceRow } from '../../../../core/synthesis/evidence-table'
import { forestPlotSvg } from '../../../../core/synthesis/forest'
import { forestStudies } from '../../../../core/synthesis/forest-data'
import { formatRange, summarySentence } from '../../../../core/synthesis/summary-sentence'
import {
  summarizeEvidence,
  type ModalitySummary,
  type OutcomeSummary,
} from '../../../../core/synthesis/summary'
import type { StudyInfo } from '../../../../core/synthesis/types'
import { usePoolingMethod } from '../../db/hooks/usePoolingMethod'
import { useSettingsActions } from '../settings/useSettingsActions'
import { Figure } from './Figure'

type Props = { projectId: string; rows: EvidenceRow[]; studies: StudyInfo[]; labels: Record<string, string> }

function pct(value: number): string {
  return `${(value * 100).toFixed(0)} %`
}

/** Why an outcome was not pooled, in words. */
const poolReasons: Record<string, string> = {
  'fewer-than-two-studies': 'Not pooled: fewer than two studies give events/total',
  'not-a-proportion': 'Not pooled: not a proportion',
  'not-converged': 'Not pooled: the estimate did not converge',
}

function pooledText(outcome: OutcomeSummary): string {
  if (!outcome.pooled)
    return outcome.poolReason ? (poolReasons[outcome.poolReason] ?? outcome.poolReason) : '—'
  const { proportion, ciLow, ciHigh, i2 } = outcome.pooled
  return `${pct(proportion)} (95 % CI ${pct(ciLow)}–${pct(ciHigh)}), I² ${i2.toFixed(0)} %`
}

/** The evidence summary by modality and study design, with a plain-language sentence and forest plots. */
export function SummaryPanel({ projectId, rows, studies, labels }: Props) {
  const method = usePoolingMethod(projectId)
  const { setPoolingMethod } = useSettingsActions()
  const summaries = useMemo(
    () => summarizeEvidence(rows, { method, studies, labels }),
    [rows, studies, labels, method],
  )
  return (
    <Stack>
      <NativeSelect
        label="Between-study variance (random effects)"
        w={320}
        data={[
          { value: 'dl', label: 'DerSimonian–Laird' },
          { value: 'reml', label: 'REML' },
        ]}
        value={method}
        description="Also in Settings; the choice is kept with the project"
        onChange={(event) =>
          void setPoolingMethod(projectId, event.currentTarget.value === 'reml' ? 'reml' : 'dl')
        }
      />
      {summaries.length === 0 && <Text c="dimmed">No included studies with extracted data yet.</Text>}
      {summaries.map((summary) => (
        <ModalityCard key={summary.modality} summary={summary} rows={rows} />
      ))}
    </Stack>
  )
}

function ModalityCard({ summary, rows }: { summary: ModalitySummary; rows: EvidenceRow[] }) {
  const forests = summary.outcomes.filter((outcome) => outcome.pooled)
  return (
    <Paper withBorder p="md" component="section" aria-label={`Summary: ${summary.modality}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{summary.modality}</Title>
          <Group gap={4}>
            {summary.designMix.map((entry) => (
              <Badge key={entry.design} variant="light" tt="none">
                {entry.studies} × {entry.design}
              </Badge>
            ))}
          </Group>
        </Group>
        <Text>{summarySentence(summary)}</Text>
        <Table aria-label={`Outcomes: ${summary.modality}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Studies</Table.Th>
              <Table.Th>Patients</Table.Th>
              <Table.Th>Range</Table.Th>
              <Table.Th>Pooled (random effects)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.outcomes.map((outcome) => (
              <Table.Tr key={`${outcome.outcome}-${outcome.timepoint}`}>
                <Table.Td>
                  {outcome.label}
                  {outcome.timepoint && outcome.timepoint !== 'overall' ? ` (${outcome.timepoint})` : ''}
                </Table.Td>
                <Table.Td>{outcome.studies}</Table.Td>
                <Table.Td>{outcome.patients}</Table.Td>
                <Table.Td>
                  {outcome.min === null || outcome.max === null
                    ? '—'
                    : formatRange(outcome.min, outcome.max, outcome.isPercent, outcome.unit)}
                </Table.Td>
                <Table.Td>{pooledText(outcome)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {forests.map((outcome) => (
          <Figure
            key={`${outcome.outcome}-${outcome.timepoint}`}
            alt={`Forest plot: ${summary.modality}, ${outcome.label}`}
            fileName={safeFileName(`forest-${summary.modality}-${outcome.outcome}`, 'forest-plot')}
            svg={forestPlotSvg(
              forestStudies(rows, summary.modality, outcome.outcome, outcome.timepoint),
              outcome.pooled,
              {
                title: `${summary.modality}: ${outcome.label}`,
              },
            )}
          />
        ))}
      </Stack>
    </Paper>
  )
}
