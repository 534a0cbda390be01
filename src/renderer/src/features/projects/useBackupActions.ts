import { backupsRepo } from '../../db'
import type { Platform } from '../../platform/types'

const actions = {
  /** Writes the project's backup file where the user chooses (the same file moves a project to another machine). */
  backUp: async (projectId: string, platform: Platform): Promise<boolean> => {
    const info = await platform.getAppInfo()
    const { name, text } = await backupsRepo.backupProject(projectId, {
      name: info.name,
      version: info.version,
    })
    const result = await platform.saveFile({ suggestedName: name, data: text, mimeType: 'application/json' })
    return result.saved
  },
  previewRestore: (text: string) => backupsRepo.preview(text),
  restore: (text: string) => backupsRepo.restore(text),
  setKeptCount: (count: number) => backupsRepo.setKeptCount(count),
}

/** Backing up and restoring whole projects. */
export function useBackupActions() {
  return actions
}
