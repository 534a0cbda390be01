import { Button, Container, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'

import { useProjects } from '../../db/hooks/useProjects'
import type { Project } from '../../db/schema'
import { usePlatform } from '../../platform/PlatformContext'
import { OpenDemoButton, OpenDemoError } from '../demo/OpenDemoButton'
import { useOpenDemo } from '../demo/useOpenDemo'
import { DeleteProjectDialog } from './DeleteProjectDialog'
import { ProjectNameForm } from './ProjectNameForm'
import { ProjectTable } from './ProjectTable'
import { RestoreBackup } from './RestoreBackup'
import { useProjectActions } from './useProjectActions'

type Props = { onOpenProject: (projectId: string) => void }

/** The start page: every review project on this computer, and the way to make a new one. */
export function ProjectListPage({ onOpenProject }: Props) {
  const projects = useProjects()
  const { createProject, renameProject, deleteProject } = useProjectActions()
  const platform = usePlatform()
  const [isCreating, setIsCreating] = useState(false)
  const [renaming, setRenaming] = useState<Project | null>(null)
  const [deleting, setDeleting] = useState<Project | null>(null)
  const demo = useOpenDemo(onOpenProject)

  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'new-project') setIsCreating(true)
      }),
    [platform],
  )

  return (
    <Container size="lg" py="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>Projects</Title>
          <Group>
            <RestoreBackup />
            <OpenDemoButton demo={demo} />
            <Button onClick={() => setIsCreating(true)}>New project</Button>
          </Group>
        </Group>
        <OpenDemoError demo={demo} />
        {projects === undefined ? (
          <Loader aria-label="Loading projects" />
        ) : projects.length === 0 ? (
          <Paper withBorder p="xl" component="section" aria-label="No projects yet">
            <Stack align="flex-start">
              <Text>
                No projects yet. A project holds one review: its citations, decisions, tags and extracted
                data.
              </Text>
              <Text size="sm" c="dimmed">
                To look around first, open the demo: an invented NETLM review with every page filled in.
              </Text>
              <OpenDemoButton demo={demo} variant="light" />
            </Stack>
          </Paper>
        ) : (
          <ProjectTable
            projects={projects}
            onOpen={(project) => onOpenProject(project.id)}
            onRename={setRenaming}
            onDelete={setDeleting}
          />
        )}
      </Stack>

      <Modal opened={isCreating} onClose={() => setIsCreating(false)} title="New project">
        <ProjectNameForm
          initial={{ name: '', description: '' }}
          submitLabel="Create"
          withDescription
          onCancel={() => setIsCreating(false)}
          onSubmit={async ({ name, description }) => {
            await createProject(name, description)
            setIsCreating(false)
          }}
        />
      </Modal>

      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title="Rename project">
        {renaming && (
          <ProjectNameForm
            initial={{ name: renaming.name, description: renaming.description }}
            submitLabel="Save name"
            withDescription={false}
            onCancel={() => setRenaming(null)}
            onSubmit={async ({ name }) => {
              await renameProject(renaming.id, name)
              setRenaming(null)
            }}
          />
        )}
      </Modal>

      <DeleteProjectDialog
        project={deleting}
        onClose={() => setDeleting(null)}
        onConfirm={(project) => deleteProject(project.id)}
      />
    </Container>
  )
}
