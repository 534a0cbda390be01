import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Writes a RIS file of `count` distinct NETLM-like records to a temp folder and returns its path. */
export function writeRisRecords(count: number, fileName = 'screening.ris'): string {
  const topics = ['TACE', 'radioembolization', 'PRRT', 'hepatic resection', 'RFA']
  let text = ''
  for (let index = 1; index <= count; index++) {
    const topic = topics[index % topics.length] ?? 'therapy'
    text +=
      `TY  - JOUR\nTI  - Record ${String(index).padStart(2, '0')}: ${topic} for neuroendocrine liver metastases\n` +
      `AU  - Author${index}, A\nPY  - ${2000 + index}\nJO  - Journal of Screening Tests\n` +
      `DO  - 10.1000/sift.screen.${index}\nAB  - A case series of ${10 + index} patients treated with ${topic}.\nER  - \n\n`
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sift-e2e-')), fileName)
  writeFileSync(file, text)
  return file
}
