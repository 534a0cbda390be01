/** The sections of a project, in the order of the review pipeline. */
export const sections = [
  { id: 'import', label: 'Import' },
  { id: 'records', label: 'Records' },
  { id: 'deduplicate', label: 'Deduplicate' },
  { id: 'screen', label: 'Screen' },
  { id: 'tag', label: 'Tag' },
  { id: 'extract', label: 'Extract' },
  { id: 'summarise', label: 'Summarise & export' },
  { id: 'settings', label: 'Settings' },
] as const

export type SectionId = (typeof sections)[number]['id']

export type Route = { page: 'projects' } | { page: 'project'; projectId: string; section: SectionId }

const sectionIds = new Set<string>(sections.map((section) => section.id))

/** Reads a route from a location hash such as `#/projects/pr_1/screen`; anything unknown is the project list. */
export function parseRoute(hash: string): Route {
  const [, first, projectId, section] = hash.replace(/^#/, '').split('/')
  if (first !== 'projects' || !projectId) return { page: 'projects' }
  const id = decodeURIComponent(projectId)
  return {
    page: 'project',
    projectId: id,
    section: section && sectionIds.has(section) ? (section as SectionId) : 'import',
  }
}

/** The hash for a route; the inverse of {@link parseRoute}. */
export function routeToHash(route: Route): string {
  if (route.page === 'projects') return '#/'
  return `#/projects/${encodeURIComponent(route.projectId)}/${route.section}`
}
