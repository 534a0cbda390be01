import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { runProgram, type Program } from '../program'
import { commands } from './index'
import type { SummarizeLine } from './summarize'

const program: Program = { name: 'sift', version: '0.0.0', description: 'test', commands }
const fixture = path.resolve(__dirname, '__fixtures__/summarize-outcomes.csv')
const folder = mkdtempSync(path.join(tmpdir(), 'sift-summarize-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err }
}

async function summarize(...args: string[]) {
  const run = capture()
  const code = await runProgram(program, ['summarize', ...args], run.io)
  return { code, run, lines: code === 0 ? (JSON.parse(run.out.join('\n')) as SummarizeLine[]) : [] }
}

function write(name: string, text: string): string {
  const file = path.join(folder, name)
  writeFileSync(file, text)
  return file
}

describe('sift summarize', () => {
  it('prints studies, patients, range and the DL pool per modality × design × outcome', async () => {
    const { code, lines } = await summarize(fixture)
    expect(code).toBe(0)
    expect(lines.map((l) => [l.modality, l.design, l.outcome, l.timepoint])).toEqual([
      ['Embolization / chemoembolization', 'Randomised controlled trial', 'objective_response', ''],
      ['Embolization / chemoembolization', 'Case series', 'objective_response', ''],
      ['Embolization / chemoembolization', 'Case series', 'symptom_relief', ''],
      ['Hepatic resection', 'Retrospective cohort', 'overall_survival', '5 years'],
      ['Hepatic resection', 'Retrospective cohort', 'overall_survival', '10 years'],
    ])
    // The five case series are example A of meta-analysis.test.ts (DL reference worked by hand there).
    const response = lines[1]
    expect(response).toMatchObject({ studies: 5, patients: 178, min: 30, max: 89.285714, k: 5 })
    expect(response?.pooled).toBeCloseTo(65.482246139218, 4)
    expect(response?.ci_low).toBeCloseTo(45.730309323542, 4)
    expect(response?.ci_high).toBeCloseTo(81.02776229409444, 4)
    expect(response?.tau2).toBeCloseTo(0.6782733294929161, 4)
    expect(response?.i2).toBeCloseTo(81.41290561083513, 4)
    expect(lines[0]).toMatchObject({ studies: 1, pooled: null, pool_note: 'fewer-than-two-studies' })
    expect(lines[3]).toMatchObject({ studies: 2, min: 65, max: 71, pooled: null })
  })

  it('uses REML with --method reml', async () => {
    const { lines } = await summarize(fixture, '--method', 'reml')
    expect(lines[1]?.pooled).toBeCloseTo(65.660621087598, 4)
    expect(lines[1]?.tau2).toBeCloseTo(0.8609593870265123, 4)
  })

  it('names the missing columns', async () => {
    const file = write('missing.csv', 'study_id,modality,outcome,events\ns1,TACE,or,3\n')
    const { code, run } = await summarize(file)
    expect(code).toBe(1)
    expect(run.err.join('\n')).toContain('missing columns design, timepoint, total')
  })

  it('reads a semicolon CSV with a BOM and warns about cells that are not numbers', async () => {
    const file = write(
      'excel.csv',
      '\uFEFFstudy_id;modality;design;outcome;timepoint;events;total\r\ns1;TACE;case-series;or;;3;10\r\ns2;TACE;case-series;or;;n/a;12\r\n',
    )
    const { code, run, lines } = await summarize(file)
    expect(code).toBe(0)
    expect(lines[0]).toMatchObject({ modality: 'TACE', design: 'Case series', studies: 1, min: 30 })
    expect(run.err).toEqual([`sift: ${file}: row 3: events "n/a" is not a number`])
  })

  it('is a usage error without a file or with an unknown method, and a clear error for a missing file', async () => {
    expect((await summarize()).code).toBe(2)
    expect((await summarize(fixture, '--method', 'fe')).code).toBe(2)
    const missing = await summarize(path.join(folder, 'nope.csv'))
    expect(missing.code).toBe(1)
    expect(missing.run.err.join('\n')).toMatch(/no such file/)
  })
})
