import { Loader, Stack, Tabs, Title } from '@mantine/core'
import { useEffect } from 'react'

import { useProject } from '../../db/hooks/useProjects'
import { useActiveReviewer } from '../../db/hooks/useScreening'
import { ConflictsPanel } from './ConflictsPanel'
import { ReviewerSetup } from './ReviewerSetup'
import { screeningSettingsOf } from './screening-settings'
import { ScreeningWorkspace } from './ScreeningWorkspace'
import { TeamPanel } from './TeamPanel'
import { useReviewerActions } from './useReviewerActions'

/** Screening: asks who is screening once per machine, then opens the screening desk. */
export function ScreeningPage({ projectId }: { projectId: string }) {
  const reviewer = useActiveReviewer()
  const project = useProject(projectId)
  const { joinProject } = useReviewerActions()

  useEffect(() => {
    if (reviewer) void joinProject(projectId, reviewer)
  }, [joinProject, projectId, reviewer])
  return (
    <Stack>
      <Title order={2}>Screen</Title>
      {reviewer === undefined || !project ? (
        <Loader aria-label="Loading" />
      ) : reviewer === null ? (
        <ReviewerSetup />
      ) : (
        <Tabs defaultValue="screen" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="screen">Screen records</Tabs.Tab>
            <Tabs.Tab value="conflicts">Conflicts</Tabs.Tab>
            <Tabs.Tab value="team">Team & agreement</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="screen" pt="md">
            <ScreeningWorkspace
              projectId={projectId}
              reviewer={reviewer}
              settings={screeningSettingsOf(project)}
            />
          </Tabs.Panel>
          <Tabs.Panel value="conflicts" pt="md">
            <ConflictsPanel
              projectId={projectId}
              reviewer={reviewer}
              settings={screeningSettingsOf(project)}
            />
          </Tabs.Panel>
          <Tabs.Panel value="team" pt="md">
            <TeamPanel projectId={projectId} reviewer={reviewer} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  )
}
