import { Loader } from '@mantine/core'

import { useExtraction } from '../../db/hooks/useExtraction'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import type { ExtractionForm } from '../../db/schema'
import { ExtractionFormView } from './ExtractionFormView'
import { openExtraction } from './form-values'

type Props = { projectId: string; recordId: string; reviewer: ReviewerProfile; versions: ExtractionForm[] }

/** Loads a reviewer's extraction of a record and opens it under the latest form version. */
export function ExtractionEditor({ projectId, recordId, reviewer, versions }: Props) {
  const extraction = useExtraction(recordId, reviewer.id)
  const latest = versions.at(-1)
  if (extraction === undefined || !latest) return <Loader aria-label="Loading extraction" />
  const form = latest.definition
  return (
    <ExtractionFormView
      // Values are read once when the form opens; later saves of this very form must not reset it.
      key={form.version}
      projectId={projectId}
      recordId={recordId}
      reviewerId={reviewer.id}
      form={form}
      opened={openExtraction(extraction, versions, form)}
      initialStatus={extraction?.status ?? 'draft'}
    />
  )
}
