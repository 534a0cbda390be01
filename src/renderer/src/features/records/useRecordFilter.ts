import { useMemo } from 'react'

import { computeScreeningStatus, outcomeOf, type StageOutcome } from '../../../../core/screening/status'
import type { ScreeningStage } from '../../../../core/screening/types'
import type { RecordFilter } from '../../db/hooks/useRecords'
import { useAttachedRecordIds } from '../../db/hooks/useRecords'
import { useProjectTaxonomyTags } from '../../db/hooks/useTagging'
import {
  useProjectDecisions,
  useProjectLabels,
  useRecordIds,
  useResolutions,
} from '../../db/hooks/useScreening'

export type FilterChoices = {
  stage: ScreeningStage
  /** `any`, a combined outcome (`conflict` included), or `undecided`. */
  outcome: 'any' | StageOutcome
  /** Narrow the outcome to one reviewer's own decision (`''`: everyone combined). */
  reviewerId: string
  source: string
  yearFrom: number | null
  yearTo: number | null
  hasPdf: boolean
  /** Only records carrying this label (tag id), or `''`. */
  labelId: string
  /** Only records carrying this modality or design term (`taxonomyId:termId`), or `''`. */
  termKey: string
}

export const noFilter: FilterChoices = {
  stage: 'title-abstract',
  outcome: 'any',
  reviewerId: '',
  source: '',
  yearFrom: null,
  yearTo: null,
  hasPdf: false,
  labelId: '',
  termKey: '',
}

/** Turns the filter choices into a record filter: screening outcome and PDFs become a set of allowed ids. */
export function useRecordFilter(projectId: string, choices: FilterChoices): RecordFilter | undefined {
  const decisions = useProjectDecisions(projectId)
  const resolutions = useResolutions(projectId)
  const recordIds = useRecordIds(projectId)
  const attached = useAttachedRecordIds(projectId)
  const labels = useProjectLabels(projectId)
  const termTags = useProjectTaxonomyTags(projectId)

  return useMemo(() => {
    const isNeutral =
      choices.outcome === 'any' &&
      !choices.hasPdf &&
      !choices.labelId &&
      !choices.termKey &&
      !choices.source &&
      choices.yearFrom === null &&
      choices.yearTo === null
    if (isNeutral) return undefined
    let only: Set<string> | null = null
    if (choices.outcome !== 'any') {
      const relevant = choices.reviewerId
        ? (decisions ?? []).filter((decision) => decision.reviewerId === choices.reviewerId)
        : (decisions ?? [])
      const status = computeScreeningStatus(relevant, choices.reviewerId ? [] : (resolutions ?? []))
      only = new Set(
        (recordIds ?? []).filter((id) => outcomeOf(status, id, choices.stage) === choices.outcome),
      )
    }
    if (choices.labelId) {
      const labelled = new Set(labels?.find((label) => label.tagId === choices.labelId)?.recordIds ?? [])
      only = only ? new Set([...only].filter((id) => labelled.has(id))) : labelled
    }
    if (choices.termKey) {
      const tagged = new Set(
        (termTags ?? [])
          .filter((tag) => tag.confirmed && `${tag.taxonomyId}:${tag.tagId}` === choices.termKey)
          .map((tag) => tag.recordId),
      )
      only = only ? new Set([...only].filter((id) => tagged.has(id))) : tagged
    }
    if (choices.hasPdf) {
      const withPdf = new Set(attached ?? [])
      only = only ? new Set([...only].filter((id) => withPdf.has(id))) : withPdf
    }
    // Any change to decisions, resolutions or PDFs changes a count or a latest timestamp, so the key follows them.
    const latest = (values: string[]) => values.reduce((max, value) => (value > max ? value : max), '')
    const key = JSON.stringify([
      choices,
      decisions?.length,
      latest((decisions ?? []).map((decision) => decision.decidedAt)),
      resolutions?.length,
      latest((resolutions ?? []).map((resolution) => resolution.resolvedAt)),
      attached?.length,
      labels?.map((label) => label.recordIds.length),
      termTags?.length,
      termTags?.filter((tag) => tag.confirmed).length,
    ])
    return { key, only, source: choices.source, yearFrom: choices.yearFrom, yearTo: choices.yearTo }
  }, [choices, decisions, resolutions, recordIds, attached, labels, termTags])
}
