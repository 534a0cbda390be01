import { defaultExclusionReasons } from '../../../../core/screening/reasons'
import type { Project, ScreeningSettings } from '../../db/schema'

/** The project's screening settings, with defaults for projects that never set them. */
export function screeningSettingsOf(project: Project): ScreeningSettings {
  return {
    isBlind: true,
    exclusionReasons: defaultExclusionReasons(),
    includeTerms: [],
    excludeTerms: [],
    ...project.screening,
  }
}
