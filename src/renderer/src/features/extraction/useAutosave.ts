import { useEffect, useRef } from 'react'
import type { FieldValues, UseFormWatch } from 'react-hook-form'

/**
 * Calls `save` once the form has been still for `delay` ms after a change, and once more on unmount if a change
 * is still waiting (switching study must not drop the last keystrokes).
 */
export function useAutosave(watch: UseFormWatch<FieldValues>, save: () => Promise<void>, delay = 600) {
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  }, [save])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let isPending = false
    const subscription = watch(() => {
      isPending = true
      clearTimeout(timer)
      timer = setTimeout(() => {
        isPending = false
        void saveRef.current()
      }, delay)
    })
    return () => {
      subscription.unsubscribe()
      clearTimeout(timer)
      if (isPending) void saveRef.current()
    }
  }, [watch, delay])
}
