import { Anchor, Button, Group, Table, Text } from '@mantine/core'

import type { Project } from '../../db/schema'

type Props = {
  projects: Project[]
  onOpen: (project: Project) => void
  onRename: (project: Project) => void
  onDelete: (project: Project) => void
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The projects on this computer, each with open, rename and delete. */
export function ProjectTable({ projects, onOpen, onRename, onDelete }: Props) {
  return (
    <Table highlightOnHover verticalSpacing="sm" aria-label="Projects">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Created</Table.Th>
          <Table.Th>Last changed</Table.Th>
          <Table.Th>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {projects.map((project) => (
          <Table.Tr key={project.id}>
            <Table.Td>
              <Anchor component="button" type="button" fw={600} onClick={() => onOpen(project)}>
                {project.name}
              </Anchor>
              {project.description && (
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {project.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{dateFormat.format(new Date(project.createdAt))}</Table.Td>
            <Table.Td>{dateFormat.format(new Date(project.updatedAt))}</Table.Td>
            <Table.Td>
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`Rename ${project.name}`}
                  onClick={() => onRename(project)}
                >
                  Rename
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Delete ${project.name}`}
                  onClick={() => onDelete(project)}
                >
                  Delete
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
