import { Loader, Stack, Tabs, Title } from '@mantine/core'

import { useEvidence } from '../../db/hooks/useEvidence'
import { useProject } from '../../db/hooks/useProjects'
import { EvidencePanel } from './EvidencePanel'
import { ExportsPanel } from './ExportsPanel'
import { PrismaPanel } from './PrismaPanel'
import { SummaryPanel } from './SummaryPanel'

/** The point of the review: evidence summary, evidence table, PRISMA diagram and the exports. */
export function SummarisePage({ projectId }: { projectId: string }) {
  const evidence = useEvidence(projectId)
  const project = useProject(projectId)
  return (
    <Stack>
      <Title order={2}>Summarise & export</Title>
      {!evidence || !project ? (
        <Loader aria-label="Loading" />
      ) : (
        <Tabs defaultValue="summary" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="summary">Summary</Tabs.Tab>
            <Tabs.Tab value="evidence">Evidence table</Tabs.Tab>
            <Tabs.Tab value="prisma">PRISMA 2020</Tabs.Tab>
            <Tabs.Tab value="exports">Exports</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="summary" pt="md">
            <SummaryPanel
              projectId={projectId}
              rows={evidence.rows}
              studies={evidence.studies}
              labels={evidence.labels}
            />
          </Tabs.Panel>
          <Tabs.Panel value="evidence" pt="md">
            <EvidencePanel rows={evidence.rows} />
          </Tabs.Panel>
          <Tabs.Panel value="prisma" pt="md">
            <PrismaPanel counts={evidence.prisma} />
          </Tabs.Panel>
          <Tabs.Panel value="exports" pt="md">
            <ExportsPanel projectId={projectId} projectName={project.name} evidence={evidence} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  )
}
