import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { runProgram, type Program } from '../program'
import { commands } from './index'

const program: Program = { name: 'sift', version: '0.0.0', description: 'test', commands }

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err }
}

const title = 'Effect of intensive glucose lowering on coronary microvascular function in type 2 diabetes'
const csv = [
  'key,title,authors,year,journal,volume,pages,doi',
  `A1,${title},"Müller, Anna; Okafor, Chidi",2017,Diabetes Care,40,412-419,10.2337/dc16-1234`,
  'A2,Statin adherence after myocardial infarction in rural clinics,"Nakamura, H",2019,Heart,105,10-15,',
  `A3,${title.toUpperCase()}.,"Muller A; Okafor C",2017,Diabetes Care,40,412-9,`,
  `A4,${title},"Muller A; Okafor C",2017,Diabetes Care,40,2205,`,
].join('\n')

function writeCsv(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sift-dedup-')), 'records.csv')
  writeFileSync(file, text)
  return file
}

describe('sift dedup', () => {
  it('prints clusters and uncertain pairs by the id column', async () => {
    const run = capture()
    expect(await runProgram(program, ['dedup', writeCsv(csv), '--id-column', 'key'], run.io)).toBe(0)
    expect(run.out).toHaveLength(1)
    expect(JSON.parse(run.out[0] ?? '')).toEqual({
      clusters: [['A1', 'A3']],
      uncertain: [{ ids: ['A1', 'A4'], score: expect.any(Number) as number }],
    })
  })

  it('numbers records across files when there is no id column', async () => {
    const run = capture()
    await runProgram(program, ['dedup', writeCsv(csv), 'e2e/data/netlm-sample.ris'], run.io)
    const result = JSON.parse(run.out[0] ?? '') as { clusters: string[][] }
    expect(result.clusters).toEqual([['1', '3']])
  })

  it('rejects an unknown id column and repeated ids', async () => {
    const unknown = capture()
    expect(await runProgram(program, ['dedup', writeCsv(csv), '--id-column', 'nope'], unknown.io)).toBe(2)
    expect(unknown.err.join('\n')).toMatch(/no column named "nope"/)
    const repeated = capture()
    const twice = writeCsv(`${csv}\nA1,Another paper,"Lee, K",2020,Heart,1,1-2,`)
    expect(await runProgram(program, ['dedup', twice, '--id-column', 'key'], repeated.io)).toBe(1)
    expect(repeated.err.join('\n')).toMatch(/appears twice/)
  })

  it('is a usage error without files', async () => {
    expect(await runProgram(program, ['dedup'], capture().io)).toBe(2)
  })
})
