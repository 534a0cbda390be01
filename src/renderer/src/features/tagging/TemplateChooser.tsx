import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'

import { taxonomyTemplates } from './templates'
import { useTaggingActions } from './useTaggingActions'

type Props = { projectId: string; actor: string }

/** First visit: the project picks its modality and study-design taxonomies from a template. */
export function TemplateChooser({ projectId, actor }: Props) {
  const { installTemplate } = useTaggingActions()
  const [error, setError] = useState<string | null>(null)
  return (
    <Paper withBorder p="lg" maw={640}>
      <Stack>
        <Title order={3}>Choose the taxonomies for this project</Title>
        <Text size="sm">
          Records are tagged by treatment modality and by study design. Start from a template; every term,
          synonym and level can be edited afterwards under Taxonomies.
        </Text>
        {taxonomyTemplates().map((template) => (
          <Group key={template.id} justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>{template.name}</Text>
              <Text size="sm" c="dimmed">
                {template.description}
              </Text>
            </div>
            <Button
              onClick={() =>
                void installTemplate(projectId, [template.modality, template.design], actor).catch(
                  (cause: unknown) => setError(String(cause)),
                )
              }
            >
              Use {template.id === 'netlm' ? 'NETLM' : 'blank'} template
            </Button>
          </Group>
        ))}
        {error && <Text c="red">{error}</Text>}
      </Stack>
    </Paper>
  )
}
