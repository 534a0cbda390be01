import { useMemo } from 'react'

import { computeScreeningStatus, outcomeOf } from '../../../../core/screening/status'
import { useProjectDecisions, useRecordIds, useResolutions } from '../../db/hooks/useScreening'

export type TagScope = 'included-full-text' | 'included-title-abstract' | 'all'

/** The records to tag: those included at full text, those still in after title/abstract, or every record. */
export function useTagQueue(projectId: string, scope: TagScope): string[] | undefined {
  const recordIds = useRecordIds(projectId)
  const decisions = useProjectDecisions(projectId)
  const resolutions = useResolutions(projectId)
  return useMemo(() => {
    if (!recordIds || !decisions || !resolutions) return undefined
    if (scope === 'all') return recordIds
    const status = computeScreeningStatus(decisions, resolutions)
    return recordIds.filter((id) => {
      if (scope === 'included-full-text') return outcomeOf(status, id, 'full-text') === 'include'
      const outcome = outcomeOf(status, id, 'title-abstract')
      return outcome === 'include' || outcome === 'maybe'
    })
  }, [recordIds, decisions, resolutions, scope])
}
