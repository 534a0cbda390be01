import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseMedline } from '../src/core/import/formats/medline'
import { parseRis } from '../src/core/import/formats/ris'
import { parseWos } from '../src/core/import/formats/wos'
import { parseFile } from '../src/core/import/import-file'

type BenchRow = {
  name: string
  format: string
  megabytes: number
  records: number
  seconds: number
  mbPerSecond: number
  recordsPerSecond: number
}

const corpusDir = path.resolve(process.cwd(), '../shared/corpus/imports')
const resultsFile = path.resolve(process.cwd(), 'bench/results/import.json')

/**
 * Runs `work` until at least `minSeconds` have passed and at least five times (after one warm-up run) and returns
 * the median seconds per run: on small corpus files one garbage-collection pause inside a run would otherwise
 * decide the figure.
 */
function time(work: () => void, minSeconds = 0.5): number {
  work()
  const runs: number[] = []
  const start = performance.now()
  while (performance.now() - start < minSeconds * 1000 || runs.length < 5) {
    const began = performance.now()
    work()
    runs.push(performance.now() - began)
  }
  runs.sort((a, b) => a - b)
  return (runs[Math.floor(runs.length / 2)] ?? 0) / 1000
}

function row(name: string, format: string, bytes: number, records: number, seconds: number): BenchRow {
  const megabytes = bytes / 1e6
  return {
    name,
    format,
    megabytes,
    records,
    seconds,
    mbPerSecond: megabytes / seconds,
    recordsPerSecond: records / seconds,
  }
}

/** A synthetic RIS export of `count` Scopus-like records (about 1.3 kB each). */
export function generateRis(count: number): string {
  const parts: string[] = []
  for (let i = 0; i < count; i++) {
    parts.push(
      `TY  - JOUR\nTI  - Effect of intervention ${i} on outcome in a randomised controlled trial of adults\nAU  - Smith, John\nAU  - García-López, María\nAU  - Chen, Wei\nPY  - ${1990 + (i % 35)}\nT2  - Journal of Generated Examples\nJ2  - J Gen Ex\nVL  - ${i % 90}\nIS  - ${i % 12}\nSP  - ${i % 900}\nEP  - ${(i % 900) + 9}\nDO  - 10.5555/gen.${i}\nAB  - Background: this abstract is generated for benchmarking. Methods: we describe a trial with ${i} participants and several outcomes measured over twelve months. Results: the intervention changed the outcome. Conclusions: more research is needed in other populations and settings.\nKW  - benchmark\nKW  - generated\nKW  - trial\nSN  - 1234-5678\nUR  - https://example.org/${i}\nN1  - Export Date: 1 January 2024\nER  - \n\n`,
    )
  }
  return parts.join('')
}

/** A synthetic PubMed MEDLINE export of `count` records with continuation lines. */
export function generateMedline(count: number): string {
  const parts: string[] = []
  for (let i = 0; i < count; i++) {
    parts.push(
      `PMID- ${30000000 + i}\nOWN - NLM\nSTAT- MEDLINE\nDP  - ${1990 + (i % 35)} Mar\nTI  - Effect of intervention ${i} on outcome in a randomised controlled trial of\n      adults with a long title that wraps.\nPG  - ${i % 900}-9\nAB  - BACKGROUND: this abstract is generated for benchmarking. METHODS: we describe a\n      trial with ${i} participants and several outcomes measured over twelve months.\n      RESULTS: the intervention changed the outcome. CONCLUSIONS: more research.\nFAU - Smith, John\nAU  - Smith J\nFAU - Chen, Wei\nAU  - Chen W\nLA  - eng\nPT  - Journal Article\nTA  - J Gen Ex\nJT  - Journal of Generated Examples\nMH  - Humans\nMH  - *Benchmarking\nAID - 10.5555/gen.${i} [doi]\nSO  - J Gen Ex. 2020 Mar;1(1):1-9.\n\n`,
    )
  }
  return parts.join('')
}

/** A synthetic Web of Science plain-text export of `count` records with wrapped author, title and reference lines. */
export function generateWos(count: number): string {
  const parts: string[] = ['FN Clarivate Analytics Web of Science\nVR 1.0\n']
  for (let i = 0; i < count; i++) {
    parts.push(
      `PT J\nAU Smith, J\n   Garcia-Lopez, M\n   Chen, W\nAF Smith, John\n   García-López, María\n   Chen, Wei\nTI Effect of intervention ${i} on outcome in a randomised controlled trial of adults with a long\n   title that wraps\nSO JOURNAL OF GENERATED EXAMPLES\nLA English\nDT Article\nDE benchmark; generated; trial\nID RANDOMIZED-TRIAL; OUTCOMES\nAB Background: this abstract is generated for benchmarking. Methods: we describe a trial with ${i} participants and several outcomes measured over twelve months. Results: the intervention changed the outcome. Conclusions: more research is needed.\nC1 [Smith, John] Univ Example, Dept Med, Example City, England.\nCR Smith J, 2001, J GEN EX, V1, P1\n   Chen W, 2010, J GEN EX, V10, P100, DOI 10.5555/gen.ref${i}\nNR 2\nTC ${i % 50}\nSN 1234-5678\nEI 8765-4321\nJ9 J GEN EX\nJI J. Gen. Ex.\nPY ${1990 + (i % 35)}\nVL ${i % 90}\nIS ${i % 12}\nBP ${i % 900}\nEP ${(i % 900) + 9}\nDI 10.5555/gen.${i}\nUT WOS:${String(100000000 + i).padStart(15, '0')}\nER\n\n`,
    )
  }
  parts.push('EF\n')
  return parts.join('')
}

function benchCorpus(rows: BenchRow[]): void {
  if (!existsSync(corpusDir)) return
  const totals = new Map<string, { bytes: number; records: number; seconds: number }>()
  for (const folder of readdirSync(corpusDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue
    for (const file of readdirSync(path.join(corpusDir, folder.name))) {
      const bytes = new Uint8Array(readFileSync(path.join(corpusDir, folder.name, file)))
      const parsed = parseFile(bytes, file)
      const seconds = time(() => parseFile(bytes, file), 0.05)
      const total = totals.get(parsed.format) ?? { bytes: 0, records: 0, seconds: 0 }
      totals.set(parsed.format, {
        bytes: total.bytes + bytes.length,
        records: total.records + parsed.records.length,
        seconds: total.seconds + seconds,
      })
    }
  }
  for (const [format, total] of totals)
    rows.push(row('corpus (all files)', format, total.bytes, total.records, total.seconds))
}

/**
 * The peer in the same run: citation-js parsing the same RIS text into CSL-JSON (its parse + normalise), on a
 * tenth of the input because it is much slower.
 */
async function benchCitationJs(rows: BenchRow[], ris: string): Promise<void> {
  type CitationJs = { plugins: { input: { chain: (input: string, options: object) => unknown[] } } }
  const loaded = (await import('@citation-js/core')) as CitationJs & { default?: CitationJs }
  const core = loaded.default ?? loaded
  await import('@citation-js/plugin-ris')
  const sample = ris.slice(0, ris.indexOf('TY  - ', Math.floor(ris.length / 10)))
  let count = 0
  const seconds = time(() => {
    count = core.plugins.input.chain(sample, { generateGraph: false }).length
  }, 2)
  // Bytes, like every other row: `sample.length` counts UTF-16 units, which undercounts the accented names.
  const bytes = new TextEncoder().encode(sample).length
  rows.push(row('generated 10,000 RIS (citation-js → CSL)', '@citation-js/plugin-ris', bytes, count, seconds))
}

/** Prints MB/s and records/s per format (corpus and generated 100,000-record RIS, MEDLINE and WoS) and writes bench/results/import.json. */
export async function runImportBench(): Promise<void> {
  const rows: BenchRow[] = []
  benchCorpus(rows)
  const ris = generateRis(100_000)
  const risBytes = new TextEncoder().encode(ris)
  rows.push(
    row(
      'generated 100,000 RIS (parse + normalise)',
      'ris',
      risBytes.length,
      parseRis(ris).records.length,
      time(() => parseRis(ris), 2),
    ),
  )
  rows.push(
    row(
      'generated 100,000 RIS (parseFile: decode + hash + parse)',
      'ris',
      risBytes.length,
      100_000,
      time(() => parseFile(risBytes, 'x.ris'), 2),
    ),
  )
  const medline = generateMedline(100_000)
  const medlineBytes = new TextEncoder().encode(medline).length
  rows.push(
    row(
      'generated 100,000 MEDLINE (parse + normalise)',
      'medline',
      medlineBytes,
      parseMedline(medline).records.length,
      time(() => parseMedline(medline), 2),
    ),
  )
  const wos = generateWos(100_000)
  rows.push(
    row(
      'generated 100,000 WoS (parse + normalise)',
      'wos',
      new TextEncoder().encode(wos).length,
      parseWos(wos).records.length,
      time(() => parseWos(wos), 2),
    ),
  )
  await benchCitationJs(rows, ris)
  const ours = rows.find((r) => r.name.startsWith('generated 100,000 RIS (parse'))
  const peer = rows.find((r) => r.format === '@citation-js/plugin-ris')
  if (ours && peer)
    console.log(
      `RIS parse + normalise vs citation-js: ${(ours.mbPerSecond / peer.mbPerSecond).toFixed(1)}× faster`,
    )
  console.table(
    rows.map((r) => ({
      input: r.name,
      format: r.format,
      MB: r.megabytes.toFixed(1),
      records: r.records,
      'MB/s': r.mbPerSecond.toFixed(1),
      'records/s': Math.round(r.recordsPerSecond),
    })),
  )
  mkdirSync(path.dirname(resultsFile), { recursive: true })
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
  )
}
