import { AppShell, Button, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'

import { sections, type SectionId } from '../../app/routes'
import { useProject } from '../../db/hooks/useProjects'
import { usePlatform } from '../../platform/PlatformContext'
import { useBackupActions } from '../projects/useBackupActions'
import { useTeamSyncWhileOpen } from '../settings/useTeamSync'
import { SectionContent } from './SectionContent'

type Props = {
  projectId: string
  section: SectionId
  onNavigate: (section: SectionId) => void
  onLeave: () => void
}

/** Inside one project: the review pipeline's sections in a side bar, the chosen one on the right. */
export function ProjectWorkspace({ projectId, section, onNavigate, onLeave }: Props) {
  const project = useProject(projectId)
  const platform = usePlatform()
  const [isImportPickerRequested, setIsImportPickerRequested] = useState(false)
  const { backUp } = useBackupActions()
  useTeamSyncWhileOpen(projectId, platform)

  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'import-citations') {
          onNavigate('import')
          setIsImportPickerRequested(true)
        } else if (command === 'export') {
          onNavigate('records')
        } else if (command === 'backup-project') {
          void backUp(projectId, platform)
        } else if (command === 'open-project') {
          onLeave()
        }
      }),
    [platform, onNavigate, onLeave, backUp, projectId],
  )

  if (project === undefined) return <Loader aria-label="Loading project" m="xl" />
  if (project === null) {
    return (
      <Stack p="xl" align="flex-start">
        <Title order={1}>Project not found</Title>
        <Text>This project does not exist on this computer any more. It may have been deleted.</Text>
        <Button onClick={onLeave}>Back to projects</Button>
      </Stack>
    )
  }

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h3">
            {project.name}
          </Title>
          <Button variant="subtle" onClick={onLeave}>
            All projects
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Project sections">
        {sections.map((entry) => (
          <NavLink
            key={entry.id}
            component="button"
            label={entry.label}
            active={entry.id === section}
            aria-current={entry.id === section ? 'page' : undefined}
            onClick={() => onNavigate(entry.id)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Stack>
          <SectionContent
            projectId={projectId}
            section={section}
            isImportPickerRequested={isImportPickerRequested}
            onImportPickerShown={() => setIsImportPickerRequested(false)}
          />
        </Stack>
      </AppShell.Main>
    </AppShell>
  )
}
