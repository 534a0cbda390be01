import { ProjectListPage } from '../features/projects/ProjectListPage'
import { ProjectWorkspace } from '../features/workspace/ProjectWorkspace'
import { useEffect } from 'react'

import { useOpenDemo } from '../features/demo/useOpenDemo'
import { usePlatform } from '../platform/PlatformContext'
import { useAutomaticBackups } from './useAutomaticBackups'
import { useRoute } from './useRoute'

/** Top level: the project list, or one project's workspace, chosen by the location hash. */
export function App() {
  const [route, navigate] = useRoute()
  const platform = usePlatform()
  useAutomaticBackups(platform)
  const { open: openDemo } = useOpenDemo((projectId) =>
    navigate({ page: 'project', projectId, section: 'import' }),
  )
  // File ▸ Open demo project works from anywhere, the project list or inside a project.
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'open-demo-project') void openDemo()
      }),
    [platform, openDemo],
  )

  if (route.page === 'project') {
    return (
      <ProjectWorkspace
        projectId={route.projectId}
        section={route.section}
        onNavigate={(section) => navigate({ page: 'project', projectId: route.projectId, section })}
        onLeave={() => navigate({ page: 'projects' })}
      />
    )
  }
  return (
    <ProjectListPage
      onOpenProject={(projectId) => navigate({ page: 'project', projectId, section: 'import' })}
    />
  )
}
