import { Button, Group, Stack, Text, Title } from '@mantine/core'

import { recordsToCsv } from '../../../../core/export/records-csv'
import { toRis } from '../../../../core/export/ris'
import type { EvidenceData } from '../../db/hooks/useEvidence'
import { loadIncludedExport } from '../../db/hooks/useIncludedExport'
import { usePlatform } from '../../platform/PlatformContext'
import { printHtml } from './print-html'
import { reportHtml } from './report-html'
import { summarizeEvidence } from '../../../../core/synthesis/summary'

type Props = { projectId: string; projectName: string; evidence: EvidenceData }

/** Exports for co-authors and journals: included studies (RIS, CSV with decisions and tags) and the HTML report. */
export function ExportsPanel({ projectId, projectName, evidence }: Props) {
  const platform = usePlatform()
  const saveIncluded = async (format: 'ris' | 'csv') => {
    const { records, extra } = await loadIncludedExport(projectId, evidence.includedIds)
    const data = format === 'ris' ? toRis(records) : recordsToCsv(records, extra)
    await platform.saveFile({
      suggestedName: `included-studies.${format}`,
      data,
      mimeType: format === 'ris' ? 'application/x-research-info-systems' : 'text/csv;charset=utf-8',
    })
  }
  const report = () =>
    reportHtml(
      projectName,
      summarizeEvidence(evidence.rows, { studies: evidence.studies, labels: evidence.labels }),
      evidence.rows,
      evidence.prisma,
    )
  const saveReport = () =>
    platform.saveFile({
      suggestedName: 'evidence-report.html',
      data: report(),
      mimeType: 'text/html;charset=utf-8',
    })
  return (
    <Stack>
      <Title order={3}>Included studies</Title>
      <Text size="sm">
        {evidence.includedIds.length} studies included (at full text, or with extracted data).
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          disabled={evidence.includedIds.length === 0}
          onClick={() => void saveIncluded('ris')}
        >
          Export included as RIS
        </Button>
        <Button
          variant="default"
          disabled={evidence.includedIds.length === 0}
          onClick={() => void saveIncluded('csv')}
        >
          Export included as CSV
        </Button>
      </Group>
      <Title order={3}>Report</Title>
      <Text size="sm">
        One HTML file with the summary, forest plots, the PRISMA diagram and the evidence table; open it and
        print to PDF.
      </Text>
      <Group gap="xs">
        <Button variant="default" onClick={() => void saveReport()}>
          Export HTML report
        </Button>
        <Button variant="default" onClick={() => void printHtml(report())}>
          Print report (or save as PDF)
        </Button>
      </Group>
    </Stack>
  )
}
