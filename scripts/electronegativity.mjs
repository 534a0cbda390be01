// Runs Electronegativity (Electron security checklist) over src/ and fails on any finding that is not on the
// reviewed allow-list in .ci/electronegativity-allow.json. The tool itself always exits 0, so its CSV is read.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const output = join(root, 'reports', 'electronegativity.csv')
mkdirSync(join(root, 'reports'), { recursive: true })
// The tool does not truncate an existing output file; start from none.
rmSync(output, { force: true })
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

/** Splits one CSV line of the tool's output (quoted fields, doubled quotes). */
function fields(line) {
  return [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((match) =>
    match[1].replace(/^"|"$/g, '').replace(/""/g, '"').trim(),
  )
}

/**
 * One finding per line, named by the check in its wiki URL at the end of the line. The tool mangles the start of
 * the line of its global CSP check (the description holds a line break and the row comes out cut); such a line
 * still names its check in the URL, and has no file ("N/A").
 */
function parseFindings(text) {
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const issue = /wiki\/([A-Z0-9_]+)\s*$/.exec(line)?.[1]
      if (!issue) return []
      const cells = fields(line)
      const isWhole = cells[0] === issue
      return [
        {
          issue,
          severity: isWhole ? cells[1] : '?',
          file: isWhole ? cells[3] : 'N/A',
          location: isWhole ? cells[4] : '',
          sample: isWhole ? cells[5] : '',
        },
      ]
    })
}

const allowed = JSON.parse(readFileSync(join(root, '.ci/electronegativity-allow.json'), 'utf8'))
const findings = parseFindings(readFileSync(output, 'utf8'))
const unexpected = findings.filter(
  ({ issue, file }) => !allowed.some((entry) => entry.issue === issue && entry.file === file),
)
for (const { issue, severity, file, location, sample } of unexpected) {
  console.error(`electronegativity: ${issue} (${severity}) at ${file}:${location}: ${sample}`)
}
console.log(
  `electronegativity: ${findings.length} findings, ${findings.length - unexpected.length} reviewed, ${unexpected.length} new`,
)
process.exit(unexpected.length === 0 ? 0 : 1)
