import path from 'node:path'

import { ESLint, Linter } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

/** The `no-restricted-syntax` setting ESLint applies to the window factory, as `npm run lint` would. */
async function restrictedSyntaxFor(file: string): Promise<Linter.RuleEntry> {
  const config = (await new ESLint({ cwd: root }).calculateConfigForFile(file)) as Linter.Config
  const entry = config.rules?.['no-restricted-syntax']
  if (entry === undefined) throw new Error(`no-restricted-syntax is not configured for ${file}`)
  return entry
}

function messagesFor(entry: Linter.RuleEntry, code: string): string[] {
  return new Linter({ configType: 'flat' })
    .verify(code, [{ rules: { 'no-restricted-syntax': entry } }])
    .map((message) => message.message)
}

describe('ESLint rules against insecure window options (RELIABILITY.md S1)', () => {
  it.each([
    ['nodeIntegration', 'true'],
    ['nodeIntegrationInWorker', 'true'],
    ['nodeIntegrationInSubFrames', 'true'],
    ['contextIsolation', 'false'],
    ['sandbox', 'false'],
    ['webSecurity', 'false'],
    ['allowRunningInsecureContent', 'true'],
    ['experimentalFeatures', 'true'],
    ['webviewTag', 'true'],
  ])('lint fails on %s: %s in src/main', async (key, value) => {
    const entry = await restrictedSyntaxFor('src/main/window.ts')
    const messages = messagesFor(entry, `new BrowserWindow({ webPreferences: { ${key}: ${value} } })`)
    expect(messages).toEqual([`${key}: ${value} weakens the Electron sandbox.`])
  })

  it('lets the secure values through', async () => {
    const entry = await restrictedSyntaxFor('src/main/window.ts')
    const code =
      'new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true } })'
    expect(messagesFor(entry, code)).toEqual([])
  })
})
