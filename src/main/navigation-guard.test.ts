import { describe, expect, it, vi } from 'vitest'
import { decideWindowOpen, guardNavigation, guardWebview } from './navigation-guard'

const origins = ['app://sift']

function fakeEvent() {
  return { preventDefault: vi.fn() }
}

describe('guardNavigation (S3)', () => {
  it.each([
    ['a remote URL', 'https://evil.example/phish'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['file://', 'file:///etc/passwd'],
    ['a dropped file', 'file:///home/user/Downloads/records.ris'],
    ['another app host', 'app://other/index.html'],
    ['the dev server in production', 'http://localhost:5173/'],
    ['data:', 'data:text/html,<h1>hi</h1>'],
    ['an unparsable URL', 'not a url'],
  ])('prevents navigation to %s', (_label, url) => {
    const event = fakeEvent()
    const openExternal = vi.fn()
    expect(guardNavigation(event, url, origins, openExternal)).toBe(true)
    expect(event.preventDefault).toHaveBeenCalledOnce()
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('lets the app navigate within its own origin', () => {
    const event = fakeEvent()
    expect(guardNavigation(event, 'app://sift/index.html#/projects', origins)).toBe(false)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('prevents a click on an allow-listed link but opens it in the system browser', () => {
    const event = fakeEvent()
    const openExternal = vi.fn()
    guardNavigation(event, 'https://doi.org/10.1136/bmj.n71', origins, openExternal)
    expect(event.preventDefault).toHaveBeenCalledOnce()
    expect(openExternal).toHaveBeenCalledWith('https://doi.org/10.1136/bmj.n71')
  })

  it('trusts the dev server only when it is among the trusted origins', () => {
    const event = fakeEvent()
    expect(guardNavigation(event, 'http://localhost:5173/', [...origins, 'http://localhost:5173'])).toBe(
      false,
    )
  })
})

describe('guardWebview (S3)', () => {
  it('always prevents attaching a webview', () => {
    const event = fakeEvent()
    guardWebview(event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })
})

describe('decideWindowOpen (S3)', () => {
  it.each([
    'https://evil.example/',
    'app://sift/index.html',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'about:blank',
  ])('denies window.open(%j) and opens nothing', (url) => {
    const openExternal = vi.fn()
    expect(decideWindowOpen(url, openExternal)).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('denies the window but routes an allow-listed https link to the system browser', () => {
    const openExternal = vi.fn()
    expect(decideWindowOpen('https://pubmed.ncbi.nlm.nih.gov/33782057/', openExternal)).toEqual({
      action: 'deny',
    })
    expect(openExternal).toHaveBeenCalledWith('https://pubmed.ncbi.nlm.nih.gov/33782057/')
  })
})
