import { useCallback, useEffect, useRef, useState } from 'react'

import { useDemoActions } from './useDemoActions'

export type OpenDemo = {
  /** Loads the demo project (or finds the one loaded before) and opens it. */
  open: () => Promise<void>
  isLoading: boolean
  error: string | null
  clearError: () => void
}

/** Opening the demo project from a button or the File menu; a second request while one runs is ignored. */
export function useOpenDemo(onOpenProject: (projectId: string) => void): OpenDemo {
  const { loadDemo } = useDemoActions()
  const [isLoading, setIsLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const isRunning = useRef(false)
  // The latest callback, so `open` stays stable for menu listeners even when the parent passes a new function.
  const onOpen = useRef(onOpenProject)
  useEffect(() => {
    onOpen.current = onOpenProject
  }, [onOpenProject])

  const open = useCallback(async () => {
    if (isRunning.current) return
    isRunning.current = true
    setIsLoading(true)
    setError(null)
    try {
      const projectId = await loadDemo()
      onOpen.current(projectId)
    } catch (cause) {
      setError(
        `The demo project could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
      )
    } finally {
      isRunning.current = false
      setIsLoading(false)
    }
  }, [loadDemo])

  return { open, isLoading, error, clearError: useCallback(() => setError(null), []) }
}
