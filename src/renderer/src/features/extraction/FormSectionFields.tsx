import { Paper, Stack, Title } from '@mantine/core'

import type { ExtractionForm, FormSection } from '../../../../core/extraction/form'
import { ArmsInput } from './ArmsInput'
import { OutcomeGridInput } from './OutcomeGridInput'
import { ScalarField } from './ScalarField'

type Props = { projectId: string; section: FormSection; form: ExtractionForm }

/** One section of the extraction form. */
export function FormSectionFields({ projectId, section, form }: Props) {
  return (
    <Paper withBorder p="md" component="section" aria-label={section.label}>
      <Title order={3} size="h4" mb="sm">
        {section.label}
      </Title>
      <Stack gap="sm">
        {section.fields.map((field) =>
          field.type === 'arms' ? (
            <ArmsInput key={field.id} projectId={projectId} field={field} />
          ) : field.type === 'outcomeGrid' ? (
            <OutcomeGridInput key={field.id} field={field} form={form} />
          ) : (
            <ScalarField key={field.id} field={field} />
          ),
        )}
      </Stack>
    </Paper>
  )
}
