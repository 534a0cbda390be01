import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { runProgram, type Program } from '../program'
import { commands } from './index'

const program: Program = { name: 'sift', version: '0.0.0', description: 'test', commands }
const fixture = path.join(import.meta.dirname, '__fixtures__', 'simulate-screening.csv')
const priors = path.join(import.meta.dirname, '__fixtures__', 'simulate-priors.json')

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err }
}

function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sift-simulate-')), name)
  writeFileSync(file, text)
  return file
}

type Output = {
  dataset: string
  records: number
  includes: number
  runs: Array<{ seed: number; prior: number[]; wss95: number; loss: number; recordsToLastInclude: number }>
  mean: { wss95: number; wss100: number; rrf10: number; atd: number; loss: number }
}

async function simulate(args: string[]): Promise<{ code: number; output: Output | null; err: string }> {
  const run = capture()
  const code = await runProgram(program, ['simulate', ...args], run.io)
  return {
    code,
    output: code === 0 ? (JSON.parse(run.out.join('')) as Output) : null,
    err: run.err.join('\n'),
  }
}

describe('sift simulate', () => {
  it('prints per-seed and mean metrics as JSON, the same for the same seeds', async () => {
    const { code, output } = await simulate([fixture, '--seeds', '3'])
    expect(code).toBe(0)
    expect(output).toMatchObject({ dataset: 'simulate-screening.csv', records: 40, includes: 8 })
    expect(output?.runs.map((run) => run.seed)).toEqual([0, 1, 2])
    const wss = output?.runs.map((run) => run.wss95) ?? []
    expect(output?.mean.wss95).toBeCloseTo(wss.reduce((a, b) => a + b, 0) / 3, 12)
    // The statin records share distinctive words: prioritisation must beat screening in random order clearly.
    expect(output?.mean.wss95).toBeGreaterThan(0.5)
    expect((await simulate([fixture, '--seeds', '3'])).output).toEqual(output)
  })

  it('uses exactly the prior rows of a reference-runs file', async () => {
    const { output } = await simulate([fixture, '--priors', priors])
    expect(output?.runs.map(({ seed, prior }) => ({ seed, prior }))).toEqual([
      { seed: 0, prior: [5, 0] },
      { seed: 1, prior: [24, 6] },
    ])
  })

  it('writes the recall curves as SVG', async () => {
    const svg = path.join(mkdtempSync(path.join(tmpdir(), 'sift-plot-')), 'recall.svg')
    expect((await simulate([fixture, '--seeds', '2', '--plot', svg])).code).toBe(0)
    const text = readFileSync(svg, 'utf8')
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(text.match(/<path /g)).toHaveLength(2)
  })

  it('explains bad input without a stack trace', async () => {
    const noLabel = await simulate([tempFile('a.csv', 'record_id,title\n1,A\n')])
    expect(noLabel.code).toBe(1)
    expect(noLabel.err).toMatch(/no "label" column/)
    expect(noLabel.err).not.toMatch(/at .*\.ts:\d+/)
    const oneInclude = await simulate([tempFile('b.csv', 'title,label\nA,1\nB,0\nC,0\n')])
    expect(oneInclude.err).toMatch(/at least 2 included and 1 excluded/)
    const badPriors = await simulate([fixture, '--priors', tempFile('p.json', '[{"seed":0,"prior":[99]}]')])
    expect(badPriors.code).toBe(1)
    expect(badPriors.err).toMatch(/run 1 needs an integer "seed" and "prior" rows between 0 and 39/)
    expect((await simulate([fixture, '--seeds', '0'])).code).toBe(2)
    expect((await simulate(['missing.csv'])).err).toMatch(/missing.csv: no such file/)
    expect((await simulate([])).code).toBe(2)
  })
})
