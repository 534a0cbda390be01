import { useMemo } from 'react'

import { computeScreeningStatus, outcomeOf } from '../../../../core/screening/status'
import { useProjectDecisions, useRecordIds, useResolutions } from '../../db/hooks/useScreening'

export type Studies = { recordIds: string[]; isAllRecords: boolean }

/**
 * The records to extract: those included at full text, or included at title/abstract and not (yet) excluded at
 * full text. Before anything is included (a project that skipped screening) every record is offered.
 */
export function useStudies(projectId: string): Studies | undefined {
  const recordIds = useRecordIds(projectId)
  const decisions = useProjectDecisions(projectId)
  const resolutions = useResolutions(projectId)
  return useMemo(() => {
    if (!recordIds || !decisions || !resolutions) return undefined
    const status = computeScreeningStatus(decisions, resolutions)
    const included = recordIds.filter((id) => {
      const fullText = outcomeOf(status, id, 'full-text')
      return (
        fullText === 'include' ||
        (outcomeOf(status, id, 'title-abstract') === 'include' && fullText !== 'exclude')
      )
    })
    return included.length > 0
      ? { recordIds: included, isAllRecords: false }
      : { recordIds, isAllRecords: true }
  }, [recordIds, decisions, resolutions])
}
