/**
 * Hosts the app may hand to the operating system's browser: DOI resolvers, PubMed, PubMed Central and
 * Europe PMC — the places a citation links to. Exact host names only; subdomains are not implied.
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'doi.org',
  'dx.doi.org',
  'pubmed.ncbi.nlm.nih.gov',
  'www.ncbi.nlm.nih.gov',
  'pmc.ncbi.nlm.nih.gov',
  'europepmc.org',
]

/** Longer strings are refused outright; no citation link comes close. */
export const MAX_EXTERNAL_URL_LENGTH = 2048

/**
 * Parses `url` with the WHATWG parser (the one Chromium and the OS handler agree with) and returns its
 * normalised `href` when it may be opened externally, otherwise null.
 *
 * Allowed: `https:` only, host exactly on {@link EXTERNAL_HOST_ALLOW_LIST}, default port (443), no user info.
 * Parsing rather than prefix-matching is what defeats look-alikes such as `https://doi.org.evil.com`,
 * `https://doi.org@evil.com` and `https://evil.com\@doi.org`. Callers must open the returned `href`, not
 * their input, so the OS sees exactly what was checked.
 */
export function toAllowedExternalUrl(url: string): string | null {
  if (url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const isAllowed =
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOST_ALLOW_LIST.includes(parsed.hostname)
  return isAllowed ? parsed.href : null
}

/** True when {@link toAllowedExternalUrl} accepts `url` (RELIABILITY.md S4). Never throws. */
export function isAllowedExternalUrl(url: string): boolean {
  return toAllowedExternalUrl(url) !== null
}
