import { useEffect, useSyncExternalStore } from 'react'

import type { SyncAccount } from '../../db/repos/sync'
import type { Platform } from '../../platform/types'
import { teamSync, type TeamSyncView } from '../../sync/manager'

/** Team sync state of a project (account, status), live; starts sync if the project was connected before. */
export function useTeamSync(projectId: string, platform: Platform): TeamSyncView {
  const manager = teamSync(platform)
  const view = useSyncExternalStore(manager.subscribe, () => manager.view(projectId))
  useEffect(() => {
    void manager.resume(projectId)
  }, [manager, projectId])
  return view
}

/** Keeps a connected project syncing while it is open, whichever section is shown. */
export function useTeamSyncWhileOpen(projectId: string, platform: Platform): void {
  useEffect(() => {
    void teamSync(platform).resume(projectId)
  }, [platform, projectId])
}

const actions = {
  connect: (platform: Platform, projectId: string, account: SyncAccount, password: string) =>
    teamSync(platform).connect(projectId, account, password),
  disconnect: (platform: Platform, projectId: string) => teamSync(platform).disconnect(projectId),
  syncNow: (platform: Platform, projectId: string) => teamSync(platform).syncNow(projectId),
}

/** Connect, disconnect and "Sync now" of Settings ▸ Team sync. */
export function useTeamSyncActions() {
  return actions
}
