import { useEffect, useRef } from 'react'

export type DedupKeyHandlers = { onMerge: () => void; onNotDuplicates: () => void; onSkip: () => void }

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button'].includes(target.type)
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable
}

/** Reviewing duplicates without the mouse: M merges, N marks "not duplicates", S or J skips. */
export function useDedupKeys(handlers: DedupKeyHandlers, isEnabled: boolean): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })

  useEffect(() => {
    if (!isEnabled) return
    const handleKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const key = event.key.toLowerCase()
      const action =
        key === 'm'
          ? latest.current.onMerge
          : key === 'n'
            ? latest.current.onNotDuplicates
            : key === 's' || key === 'j'
              ? latest.current.onSkip
              : null
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', handleKey)
    return () => window.removeEventListener('keydown', handleKey)
  }, [isEnabled])
}
