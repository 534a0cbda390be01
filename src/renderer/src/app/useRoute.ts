import { useCallback, useSyncExternalStore } from 'react'

import { parseRoute, routeToHash, type Route } from './routes'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The current route, kept in the location hash so a reload returns to the same place. */
export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeToHash(route)
  }, [])
  return [parseRoute(hash), navigate]
}
