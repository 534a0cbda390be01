import { Loader, Stack, Title } from '@mantine/core'
import { useEffect } from 'react'

import { useProject } from '../../db/hooks/useProjects'
import { useActiveReviewer } from '../../db/hooks/useScreening'
import { ReviewerSetup } from './ReviewerSetup'
import { screeningSettingsOf } from './screening-settings'
import { ScreeningWorkspace } from './ScreeningWorkspace'
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
        <ScreeningWorkspace
          projectId={projectId}
          reviewer={reviewer}
          settings={screeningSettingsOf(project)}
        />
      )}
    </Stack>
  )
}
