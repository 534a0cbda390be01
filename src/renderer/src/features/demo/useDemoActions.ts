import { demoRepo } from '../../db'

const actions = {
  loadDemo: () => demoRepo.loadDemo(),
}

/** Writes of the demo: loading the invented NETLM project through the app's repositories. */
export function useDemoActions() {
  return actions
}
