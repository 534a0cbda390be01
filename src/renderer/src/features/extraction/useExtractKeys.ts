import { useEffect, useRef } from 'react'

export type ExtractKeyHandlers = {
  /** Alt+ArrowDown (1) / Alt+ArrowUp (−1): the next or previous study. */
  onMove?: (step: 1 | -1) => void
  /** Ctrl+Enter: mark the open extraction complete. */
  onComplete?: () => void
}

/** The shortcuts as `aria-keyshortcuts` spells them, for the controls they stand for. */
export const extractKeyShortcuts = {
  move: 'Alt+ArrowDown Alt+ArrowUp',
  complete: 'Control+Enter',
} as const

/**
 * Extraction from the keyboard. The shortcuts carry a modifier, so they work while typing in a field (the usual
 * place to be when extracting); the browser's own use of them (Alt+ArrowDown opens a select) gives way.
 */
export function useExtractKeys(handlers: ExtractKeyHandlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.shiftKey || event.metaKey) return
      const { onMove, onComplete } = latest.current
      let action: (() => void) | undefined
      if (event.altKey && !event.ctrlKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        const step = event.key === 'ArrowDown' ? 1 : -1
        action = onMove && (() => onMove(step))
      } else if (event.ctrlKey && !event.altKey && event.key === 'Enter') {
        action = onComplete
      }
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', handleKey)
    return () => window.removeEventListener('keydown', handleKey)
  }, [])
}
