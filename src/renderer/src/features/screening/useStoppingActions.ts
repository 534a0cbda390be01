import { stoppingRepo } from '../../db'

const actions = {
  start: (...args: Parameters<typeof stoppingRepo.start>) => stoppingRepo.start(...args),
  end: (...args: Parameters<typeof stoppingRepo.end>) => stoppingRepo.end(...args),
}

/** Writes of the stopping panel: start and end a reviewer's stopping check. */
export function useStoppingActions() {
  return actions
}
