import { Loader, Stack, Tabs, Text, Title } from '@mantine/core'

import { useActiveReviewer } from '../../db/hooks/useScreening'
import { useTaxonomies } from '../../db/hooks/useTagging'
import { localActor } from '../../db/repos/events'
import { TagMatrix } from './TagMatrix'
import { TagRecordsPanel } from './TagRecordsPanel'
import { TaxonomyPanel } from './TaxonomyPanel'
import { TemplateChooser } from './TemplateChooser'

/** Tag records by treatment modality and study design; see the evidence as a modality × design matrix. */
export function TagPage({ projectId }: { projectId: string }) {
  const taxonomies = useTaxonomies(projectId)
  const reviewer = useActiveReviewer()
  const actor = reviewer?.id ?? localActor
  return (
    <Stack>
      <Title order={2}>Tag</Title>
      {taxonomies === undefined ? (
        <Loader aria-label="Loading" />
      ) : !taxonomies.modality || !taxonomies.design ? (
        <TemplateChooser projectId={projectId} actor={actor} />
      ) : (
        <Tabs defaultValue="records" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="records">Tag records</Tabs.Tab>
            <Tabs.Tab value="matrix">Modality × design</Tabs.Tab>
            <Tabs.Tab value="taxonomies">Taxonomies</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="records" pt="md">
            <TagRecordsPanel
              projectId={projectId}
              modality={taxonomies.modality}
              design={taxonomies.design}
              actor={actor}
            />
          </Tabs.Panel>
          <Tabs.Panel value="matrix" pt="md">
            <TagMatrix projectId={projectId} modality={taxonomies.modality} design={taxonomies.design} />
          </Tabs.Panel>
          <Tabs.Panel value="taxonomies" pt="md">
            <Text size="sm" c="dimmed" mb="sm">
              Terms, synonyms and nesting of this project’s taxonomies; changes apply to suggestions at once.
            </Text>
            <TaxonomyPanel taxonomy={taxonomies.modality} actor={actor} />
            <TaxonomyPanel taxonomy={taxonomies.design} actor={actor} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  )
}
