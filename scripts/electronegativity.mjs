// Runs Electronegativity (Electron security checklist) over src/ and fails on any finding that is not on the
// reviewed allow-list in .ci/electronegativity-allow.json. The tool itself always exits 0, so its CSV is read.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const output = join(root, 'reports', 'electronegativity.csv')
mkdirSync(join(root, 'reports'), { recursive: true })
const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
    '-i',
    'src',
    '-o',
    output,
    '-r',
    '-v',
    'false',
    '-e',
    '41.7.1',
  ],
  { cwd: root, encoding: 'utf8' },
)
if (run.status !== 0) {
  console.error(run.stderr || run.stdout)
  process.exit(1)
}

/** Splits one CSV line of the tool's output (quoted fields, no embedded newlines). */
function fields(line) {
  return [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
    .map((match) => match[1].replace(/^"|"$/g, '').replace(/""/g, '"'))
    .slice(0, 8)
}

const allowed = JSON.parse(readFileSync(join(root, '.ci/electronegativity-allow.json'), 'utf8'))
const findings = readFileSync(output, 'utf8').split('\n').slice(1).filter(Boolean).map(fields)
const unexpected = findings.filter(
  ([issue, , , file]) => !allowed.some((entry) => entry.issue === issue.trim() && entry.file === file.trim()),
)
for (const [issue, severity, , file, location, sample] of unexpected) {
  console.error(`electronegativity: ${issue} (${severity}) at ${file}:${location}: ${sample}`)
}
console.log(
  `electronegativity: ${findings.length} findings, ${findings.length - unexpected.length} reviewed, ${unexpected.length} new`,
)
process.exit(unexpected.length === 0 ? 0 : 1)
