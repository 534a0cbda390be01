import { useLiveQuery } from 'dexie-react-hooks'

import type { TauMethod } from '../../../../core/synthesis/meta-analysis'
import { db } from '../db'

export function poolingKey(projectId: string): string {
  return `pooling-method:${projectId}`
}

/** The project's random-effects variance estimator (DerSimonian–Laird unless chosen otherwise in Settings). */
export function usePoolingMethod(projectId: string): TauMethod {
  const value = useLiveQuery(async () => (await db.settings.get(poolingKey(projectId)))?.value, [projectId])
  return value === 'reml' ? 'reml' : 'dl'
}
