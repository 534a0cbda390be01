import { describe, expect, it } from 'vitest'
import {
  backupNameSchema,
  INVOKE_CHANNELS,
  INVOKE_METHODS,
  IPC_CONTRACT,
  isMenuCommand,
  saveFileRequestSchema,
} from './contract'

describe('IPC contract', () => {
  it('names every channel domain:verb-noun and gives each a distinct method', () => {
    for (const channel of INVOKE_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/)
    const methods = Object.values(INVOKE_METHODS)
    expect(new Set(methods).size).toBe(methods.length)
    expect(Object.keys(IPC_CONTRACT).sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('accepts the calls the renderer makes', () => {
    expect(IPC_CONTRACT['dialog:open-files'].args.safeParse([]).success).toBe(true)
    expect(IPC_CONTRACT['dialog:open-files'].args.safeParse([{ isMultiple: false }]).success).toBe(true)
    expect(IPC_CONTRACT['app:get-info'].args.safeParse([]).success).toBe(true)
    expect(IPC_CONTRACT['file:write'].args.safeParse(['/tmp/a.csv', new Uint8Array([1, 2])]).success).toBe(
      true,
    )
    expect(IPC_CONTRACT['backup:write'].args.safeParse(['sift-2025-01-01.json', '{}']).success).toBe(true)
  })

  it('rejects extra arguments, wrong types and unknown option keys', () => {
    expect(IPC_CONTRACT['app:get-info'].args.safeParse(['extra']).success).toBe(false)
    expect(IPC_CONTRACT['file:read'].args.safeParse([42]).success).toBe(false)
    expect(IPC_CONTRACT['file:read'].args.safeParse(['/tmp/a\0b']).success).toBe(false)
    expect(
      IPC_CONTRACT['dialog:open-files'].args.safeParse([{ properties: ['openDirectory'] }]).success,
    ).toBe(false)
    expect(IPC_CONTRACT['shell:open-external'].args.safeParse([{ url: 'https://doi.org' }]).success).toBe(
      false,
    )
  })

  it.each([
    '../evil',
    'a/b',
    'a\\b',
    '.hidden',
    'x..y',
    '',
    'nul',
    'COM1.json',
    'a'.repeat(200),
    'über.json',
  ])('refuses backup name %j', (name) => {
    expect(backupNameSchema.safeParse(name).success).toBe(false)
  })

  it('keeps save-file suggestions to a bare file name', () => {
    expect(saveFileRequestSchema.safeParse({ suggestedName: 'records.csv', data: 'x' }).success).toBe(true)
    expect(saveFileRequestSchema.safeParse({ suggestedName: '../../.bashrc', data: 'x' }).success).toBe(false)
  })

  it('recognises only the declared menu commands', () => {
    expect(isMenuCommand('import-citations')).toBe(true)
    expect(isMenuCommand('rm -rf')).toBe(false)
    expect(isMenuCommand(undefined)).toBe(false)
  })
})
