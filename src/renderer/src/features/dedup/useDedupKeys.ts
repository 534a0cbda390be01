import { useShortcutKeys } from '../../app/useShortcutKeys'

export type DedupKeyHandlers = { onMerge: () => void; onNotDuplicates: () => void; onSkip: () => void }

/** Reviewing duplicates without the mouse: M merges, N marks "not duplicates", S or J skips. */
export function useDedupKeys(handlers: DedupKeyHandlers, isEnabled: boolean): void {
  useShortcutKeys(
    (key) =>
      key === 'm'
        ? handlers.onMerge
        : key === 'n'
          ? handlers.onNotDuplicates
          : key === 's' || key === 'j'
            ? handlers.onSkip
            : null,
    isEnabled,
  )
}
