import { describe, expect, it } from 'vitest'

import { runProgram, type Program } from '../program'
import { commands } from './index'

const program: Program = { name: 'sift', version: '0.0.0', description: 'test', commands }

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err }
}

describe('sift classify', () => {
  it('prints one JSON line per record with design, modalities and cues', async () => {
    const run = capture()
    expect(await runProgram(program, ['classify', 'e2e/data/netlm-sample.nbib'], run.io)).toBe(0)
    const lines = run.out.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'id',
      'title',
      'design',
      'designConfidence',
      'rctProbability',
      'modalities',
      'cues',
    ])
    expect(lines[0]).toMatchObject({
      id: '90000001',
      design: 'case-series',
      modalities: ['hepatic-artery-embolization'],
    })
    expect(lines[1]).toMatchObject({ design: 'narrative-review', cues: ['publication type: Review'] })
  })

  it('ignores publication types with --no-publication-types', async () => {
    const run = capture()
    await runProgram(program, ['classify', '--no-publication-types', 'e2e/data/netlm-sample.nbib'], run.io)
    const second = JSON.parse(run.out[1] ?? '{}') as { design: string; cues: string[] }
    expect(second.design).not.toBe('narrative-review')
    expect(second.cues.some((cue) => cue.startsWith('publication type'))).toBe(false)
  })

  it('uses the DOI, else the position, as the id', async () => {
    const run = capture()
    await runProgram(program, ['classify', 'e2e/data/netlm-sample.ris'], run.io)
    expect((JSON.parse(run.out[0] ?? '{}') as { id: string }).id).toBe('10.1000/sift.e2e.0001')
  })

  it('is a usage error without files and a clear error for a missing file', async () => {
    const none = capture()
    expect(await runProgram(program, ['classify'], none.io)).toBe(2)
    const missing = capture()
    expect(await runProgram(program, ['classify', 'nope.ris'], missing.io)).toBe(1)
    expect(missing.err.join('\n')).toMatch(/no such file/)
  })
})
