import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'

import { safeFileName } from '../../../../core/export/file-name'
import { useProjectDecisions, useProjectReviewers } from '../../db/hooks/useScreening'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import { usePlatform } from '../../platform/PlatformContext'
import { AgreementTable } from './AgreementTable'
import { PrismaNumbers } from './PrismaNumbers'
import { useTeamActions } from './useTeamActions'

type Props = { projectId: string; reviewer: ReviewerProfile }

/** Exchange work with teammates by file, see how well reviewers agree, and the PRISMA screening numbers. */
export function TeamPanel({ projectId, reviewer }: Props) {
  const platform = usePlatform()
  const decisions = useProjectDecisions(projectId)
  const reviewers = useProjectReviewers(projectId)
  const { exportWork, importWork } = useTeamActions()
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null)

  const handleExport = async () => {
    const file = await exportWork(projectId, reviewer)
    const stamp = new Date().toISOString().slice(0, 10)
    await platform.saveFile({
      suggestedName: `sift-work-${safeFileName(reviewer.name, 'reviewer')}-${stamp}.json`,
      data: JSON.stringify(file, null, 2),
      mimeType: 'application/json',
    })
    const count = file.extractions?.length ?? 0
    const extractions = count > 0 ? ` and ${count} ${count === 1 ? 'extraction' : 'extractions'}` : ''
    setMessage({
      color: 'teal',
      text: `Exported ${file.decisions.length} decisions${extractions} of ${reviewer.name}.`,
    })
  }

  const handleImport = async () => {
    const [picked] = await platform.openFiles({
      title: 'Import a teammate’s work',
      extensions: ['json'],
      multiple: false,
    })
    if (!picked) return
    const result = await importWork(projectId, new TextDecoder().decode(picked.bytes))
    const extractions =
      result.extractionsAdded > 0
        ? ` and ${result.extractionsAdded} ${result.extractionsAdded === 1 ? 'extraction' : 'extractions'}`
        : ''
    const unmatched =
      result.unmatchedRecords > 0 ? ` ${result.unmatchedRecords} of their records match none here.` : ''
    setMessage({
      color: result.unmatchedRecords > 0 ? 'yellow' : 'teal',
      text: `Merged ${result.decisionsAdded} new decisions${extractions} of ${result.reviewer}.${unmatched}`,
    })
  }

  const run = (work: () => Promise<void>) =>
    work().catch((error: unknown) =>
      setMessage({ color: 'red', text: error instanceof Error ? error.message : String(error) }),
    )

  return (
    <Stack>
      <Title order={3}>Team</Title>
      <Text size="sm">
        Each reviewer screens on their own machine. Export your work and send the file to a teammate;
        importing their file merges their decisions with yours without losing anything, and lists
        disagreements under Conflicts.
      </Text>
      <Group>
        <Button onClick={() => void run(handleExport)}>Export my work</Button>
        <Button variant="default" onClick={() => void run(handleImport)}>
          Import a teammate’s work
        </Button>
      </Group>
      {message && (
        <Alert color={message.color} withCloseButton onClose={() => setMessage(null)} role="status">
          {message.text}
        </Alert>
      )}
      <Title order={3}>Agreement</Title>
      {decisions && reviewers && <AgreementTable decisions={decisions} reviewers={reviewers} />}
      <PrismaNumbers projectId={projectId} />
    </Stack>
  )
}
