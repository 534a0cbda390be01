import { Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'

import { useFormVersions } from '../../db/hooks/useExtraction'
import { useActiveReviewer } from '../../db/hooks/useScreening'
import { ReviewerSetup } from '../screening/ReviewerSetup'
import { ComparePanel } from './ComparePanel'
import { ExtractWorkspace } from './ExtractWorkspace'
import { FormDesigner } from './FormDesigner'
import { ReviewerSwitch } from './ReviewerSwitch'
import { formTemplates } from './templates'
import { useExtractionActions } from './useExtractionActions'

/** Extraction: choose a form once, then design it, extract studies and reconcile two reviewers. */
export function ExtractPage({ projectId }: { projectId: string }) {
  const reviewer = useActiveReviewer()
  const versions = useFormVersions(projectId)
  const { saveFormVersion, joinProject } = useExtractionActions()
  const [error, setError] = useState<string | null>(null)
  const [designerMessage, setDesignerMessage] = useState<string | null>(null)

  useEffect(() => {
    if (reviewer) void joinProject(projectId, reviewer)
  }, [joinProject, projectId, reviewer])

  const latest = versions?.at(-1)
  return (
    <Stack>
      <Title order={2}>Extract</Title>
      {reviewer === undefined || versions === undefined ? (
        <Loader aria-label="Loading" />
      ) : reviewer === null ? (
        <ReviewerSetup />
      ) : latest === undefined ? (
        <Stack maw={560}>
          <Text>Choose the form reviewers fill in for each included study. You can change it later.</Text>
          <Group>
            {formTemplates().map((template) => (
              <Button
                key={template.key}
                variant={template.key === 'netlm' ? 'filled' : 'default'}
                onClick={() => {
                  saveFormVersion(projectId, template.form, reviewer.id).catch((e: unknown) =>
                    setError(e instanceof Error ? e.message : String(e)),
                  )
                }}
              >
                {template.buttonLabel}
              </Button>
            ))}
          </Group>
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      ) : (
        <>
          <ReviewerSwitch reviewer={reviewer} />
          <Tabs defaultValue="extract" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="extract">Extract</Tabs.Tab>
              <Tabs.Tab value="form">Form</Tabs.Tab>
              <Tabs.Tab value="compare">Compare</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="extract" pt="md">
              <ExtractWorkspace projectId={projectId} reviewer={reviewer} versions={versions} />
            </Tabs.Panel>
            <Tabs.Panel value="form" pt="md">
              <FormDesigner
                key={latest.id}
                projectId={projectId}
                form={latest.definition}
                actor={reviewer.id}
                message={designerMessage}
                onMessage={setDesignerMessage}
              />
            </Tabs.Panel>
            <Tabs.Panel value="compare" pt="md">
              <ComparePanel projectId={projectId} reviewer={reviewer} versions={versions} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  )
}
