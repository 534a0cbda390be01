import { shell } from 'electron'
import { toAllowedExternalUrl } from '../shared/ipc/open-external-policy'

/**
 * Opens `url` in the system browser when the policy allows it (RELIABILITY.md S4) and says whether it did.
 * The normalised URL that passed the check is what gets opened, never the raw input.
 */
export async function openExternalIfAllowed(url: string): Promise<boolean> {
  const allowed = toAllowedExternalUrl(url)
  if (allowed === null) {
    console.warn(`[shell] refused to open ${JSON.stringify(url.slice(0, 200))}`)
    return false
  }
  await shell.openExternal(allowed)
  return true
}
