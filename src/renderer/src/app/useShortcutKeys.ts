import { useEffect, useRef } from 'react'

/** Inputs that take typed text; keys pressed on a radio button, checkbox or button still act as shortcuts. */
const nonTextInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'])

/** True when a key press is typing into a field, so single-letter shortcuts must leave it alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type)
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable
}

/**
 * Single-key shortcuts for a page: `resolve` maps a key (as `KeyboardEvent.key`, lower-cased) to its action or
 * null. Keys typed into a field and modifier combinations are left to the browser; Escape always reaches
 * `onEscape`, so a reviewer can leave a field and carry on by keyboard.
 */
export function useShortcutKeys(
  resolve: (key: string) => (() => void) | null,
  isEnabled: boolean,
  onEscape?: () => void,
): void {
  const latest = useRef({ resolve, onEscape })
  useEffect(() => {
    latest.current = { resolve, onEscape }
  })

  useEffect(() => {
    if (!isEnabled) return
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        latest.current.onEscape?.()
        return
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return
      const action = latest.current.resolve(event.key.toLowerCase())
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', handleKey)
    return () => window.removeEventListener('keydown', handleKey)
  }, [isEnabled])
}
