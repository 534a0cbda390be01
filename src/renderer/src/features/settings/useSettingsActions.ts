import { projectsRepo } from '../../db'
import type { ScreeningSettings } from '../../db/schema'

const actions = {
  setPoolingMethod: (projectId: string, method: 'dl' | 'reml') =>
    projectsRepo.setPoolingMethod(projectId, method),
  saveScreeningSettings: (projectId: string, settings: ScreeningSettings) =>
    projectsRepo.updateScreeningSettings(projectId, settings),
}

/** Writes of the project Settings page. */
export function useSettingsActions() {
  return actions
}
