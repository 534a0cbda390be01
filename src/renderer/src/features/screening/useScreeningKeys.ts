import { useShortcutKeys } from '../../app/useShortcutKeys'

export type ScreeningKeyHandlers = {
  onDecide: (value: 'include' | 'exclude' | 'maybe') => void
  onMove: (step: 1 | -1) => void
  onUndo: () => void
  onSearch: () => void
  /** Digit 1–9: pick that exclusion reason (full text). */
  onReason: (index: number) => void
  onEscape: () => void
}

/**
 * Screening without the mouse: I, E, M decide; J/K or the arrow keys move; U undoes; / focuses search; 1–9 pick an
 * exclusion reason. Keys typed into a field are left alone, and modifier combinations stay with the browser.
 */
export function useScreeningKeys(handlers: ScreeningKeyHandlers, isEnabled: boolean): void {
  useShortcutKeys((key) => keyAction(key, handlers), isEnabled, handlers.onEscape)
}

function keyAction(key: string, handlers: ScreeningKeyHandlers): (() => void) | null {
  switch (key) {
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
