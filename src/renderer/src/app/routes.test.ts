import { describe, expect, it } from 'vitest'

import { parseRoute, routeToHash } from './routes'

describe('routes', () => {
  it('reads the project list from an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ page: 'projects' })
    expect(parseRoute('#/nonsense')).toEqual({ page: 'projects' })
  })

  it('reads a project section and falls back to Import for unknown sections', () => {
    expect(parseRoute('#/projects/pr_1/screen')).toEqual({
      page: 'project',
      projectId: 'pr_1',
      section: 'screen',
    })
    expect(parseRoute('#/projects/pr_1/bogus')).toEqual({
      page: 'project',
      projectId: 'pr_1',
      section: 'import',
    })
  })

  it('round-trips ids that need escaping', () => {
    const route = { page: 'project', projectId: 'a/b c', section: 'tag' } as const
    expect(parseRoute(routeToHash(route))).toEqual(route)
  })
})
