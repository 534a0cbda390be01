import { NativeSelect, Stack, Title } from '@mantine/core'

import { usePoolingMethod } from '../../db/hooks/usePoolingMethod'
import { useSettingsActions } from './useSettingsActions'

/** Which random-effects variance estimator the evidence summaries use. */
export function PoolingSettings({ projectId }: { projectId: string }) {
  const method = usePoolingMethod(projectId)
  const { setPoolingMethod } = useSettingsActions()
  return (
    <Stack maw={720} gap="xs">
      <Title order={3}>Evidence synthesis</Title>
      <NativeSelect
        label="Pooling: between-study variance estimator"
        description="Random-effects pooled proportions on the logit scale"
        data={[
          { value: 'dl', label: 'DerSimonian–Laird' },
          { value: 'reml', label: 'REML (restricted maximum likelihood)' },
        ]}
        value={method}
        onChange={(event) =>
          void setPoolingMethod(projectId, event.currentTarget.value === 'reml' ? 'reml' : 'dl')
        }
      />
    </Stack>
  )
}
