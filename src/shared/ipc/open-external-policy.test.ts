import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXTERNAL_HOST_ALLOW_LIST, isAllowedExternalUrl, toAllowedExternalUrl } from './open-external-policy'

describe('isAllowedExternalUrl (S4)', () => {
  it.each([
    'https://doi.org/10.1136/bmj.n71',
    'https://dx.doi.org/10.1000/xyz',
    'https://pubmed.ncbi.nlm.nih.gov/33782057/',
    'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8005924/',
    'https://pmc.ncbi.nlm.nih.gov/articles/PMC8005924/',
    'https://europepmc.org/article/MED/33782057',
    'https://DOI.org/10.1000/UPPER',
    'https://doi.org:443/10.1000/default-port',
    'https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['plain http', 'http://doi.org/10.1000/xyz'],
    ['file', 'file:///etc/passwd'],
    ['smb', 'smb://doi.org/share'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript with allowed host text', 'javascript://doi.org/%0aalert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['ftp', 'ftp://doi.org/'],
    ['app scheme', 'app://sift/index.html'],
    ['look-alike suffix', 'https://doi.org.evil.com/10.1000/xyz'],
    ['look-alike prefix', 'https://evildoi.org/'],
    ['subdomain of an allowed host', 'https://evil.doi.org/'],
    ['trailing dot', 'https://doi.org./10.1000/xyz'],
    ['userinfo before an evil host', 'https://doi.org@evil.com/'],
    ['userinfo before an allowed host', 'https://user:pass@doi.org/'],
    ['username only', 'https://user@doi.org/'],
    ['backslash trick', 'https://evil.com\\@doi.org/'],
    ['non-default port', 'https://doi.org:8443/'],
    ['port 80 on https', 'https://doi.org:80/'],
    ['cyrillic look-alike', 'https://dоi.org/'],
    ['bare host', 'doi.org/10.1000/xyz'],
    ['protocol-relative', '//doi.org/10.1000/xyz'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['too long', `https://doi.org/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('returns the normalised href, which is what gets opened', () => {
    expect(toAllowedExternalUrl('https://DOI.org:443/10.1000/x')).toBe('https://doi.org/10.1000/x')
  })
})

const allowedHost = fc.constantFrom(...EXTERNAL_HOST_ALLOW_LIST)
const pathAndQuery = fc.webPath().chain((path) => fc.webQueryParameters().map((query) => `${path}?${query}`))

describe('isAllowedExternalUrl properties (S4)', () => {
  it('never throws and always answers a boolean', () => {
    fc.assert(fc.property(fc.string(), (url) => typeof isAllowedExternalUrl(url) === 'boolean'))
  })

  it('allows every https URL on an allowed host with any path', () => {
    fc.assert(
      fc.property(allowedHost, pathAndQuery, (host, path) => isAllowedExternalUrl(`https://${host}${path}`)),
    )
  })

  it('only ever allows https on an allowed host without user info or port', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        if (!isAllowedExternalUrl(url)) return true
        const parsed = new URL(url)
        return (
          parsed.protocol === 'https:' &&
          EXTERNAL_HOST_ALLOW_LIST.includes(parsed.hostname) &&
          parsed.port === '' &&
          parsed.username === '' &&
          parsed.password === ''
        )
      }),
    )
  })

  it('refuses any other scheme on an allowed host', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,10}$/).filter((s) => s !== 'https')
    fc.assert(fc.property(scheme, allowedHost, (s, host) => !isAllowedExternalUrl(`${s}://${host}/`)))
  })

  it('refuses look-alikes built around an allowed host', () => {
    const domain = fc.domain()
    fc.assert(
      fc.property(allowedHost, domain, (host, other) => {
        return [
          `https://${host}.${other}/`,
          `https://${other}.${host}/`,
          `https://${host}@${other}/`,
          `https://${host}:x@${other}/`,
          `https://${other}\\@${host}/`,
          `https://${other}#@${host}/`,
        ].every((url) => !isAllowedExternalUrl(url))
      }),
    )
  })

  it('refuses every explicit port other than 443', () => {
    const port = fc.integer({ min: 0, max: 65535 }).filter((p) => p !== 443)
    fc.assert(fc.property(allowedHost, port, (host, p) => !isAllowedExternalUrl(`https://${host}:${p}/`)))
  })
})
