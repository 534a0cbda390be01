import { Divider, Loader, Stack, Title } from '@mantine/core'

import { useProject } from '../../db/hooks/useProjects'
import { AboutPanel } from '../workspace/AboutPanel'
import { BackupPanel } from './BackupPanel'
import { PoolingSettings } from './PoolingSettings'
import { ScreeningSettingsForm } from './ScreeningSettingsForm'
import { TeamSyncPanel } from './TeamSyncPanel'

/** Project settings: how screening works; plus version details for support. */
export function SettingsPage({ projectId }: { projectId: string }) {
  const project = useProject(projectId)
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      {project ? (
        <ScreeningSettingsForm key={project.id} project={project} />
      ) : (
        <Loader aria-label="Loading" />
      )}
      <Divider />
      <PoolingSettings projectId={projectId} />
      <Divider />
      <TeamSyncPanel projectId={projectId} />
      <Divider />
      <BackupPanel projectId={projectId} />
      <Divider />
      <AboutPanel />
    </Stack>
  )
}
