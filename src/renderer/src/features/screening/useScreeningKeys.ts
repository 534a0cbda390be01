import { useEffect, useRef } from 'react'

export type ScreeningKeyHandlers = {
  onDecide: (value: 'include' | 'exclude' | 'maybe') => void
  onMove: (step: 1 | -1) => void
  onUndo: () => void
  onSearch: () => void
  /** Digit 1–9: pick that exclusion reason (full text). */
  onReason: (index: number) => void
  onEscape: () => void
}

/** Inputs that take typed text; keys pressed on a radio button or checkbox still screen. */
const nonTextInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'])

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type)
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable
}

/**
 * Screening without the mouse: I, E, M decide; J/K or the arrow keys move; U undoes; / focuses search; 1–9 pick an
 * exclusion reason. Keys typed into a field are left alone, and modifier combinations stay with the browser.
 */
export function useScreeningKeys(handlers: ScreeningKeyHandlers, isEnabled: boolean): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })

  useEffect(() => {
    if (!isEnabled) return
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        latest.current.onEscape()
        return
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const action = keyAction(event.key, latest.current)
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', handleKey)
    return () => window.removeEventListener('keydown', handleKey)
  }, [isEnabled])
}

function keyAction(key: string, handlers: ScreeningKeyHandlers): (() => void) | null {
  switch (key.toLowerCase()) {
    case 'i':
      return () => handlers.onDecide('include')
    case 'e':
      return () => handlers.onDecide('exclude')
    case 'm':
      return () => handlers.onDecide('maybe')
    case 'j':
    case 'arrowdown':
    case 'arrowright':
      return () => handlers.onMove(1)
    case 'k':
    case 'arrowup':
    case 'arrowleft':
      return () => handlers.onMove(-1)
    case 'u':
      return handlers.onUndo
    case '/':
      return handlers.onSearch
    default:
      return /^[1-9]$/.test(key) ? () => handlers.onReason(Number(key) - 1) : null
  }
}
