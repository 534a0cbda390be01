// Prints the one line CI reads: "N passed, N failed[, N skipped]", summed over the unit (Vitest) and e2e
// (Playwright) JSON reports. A suite whose report is missing, or a failed `npm test` with no failing test to show
// for it (lint, typecheck or build broke), counts as one failure so the line can never look green by accident.
import { existsSync, readFileSync } from 'node:fs'

const [testExitCode = '1'] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0

function readJson(path) {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

const unit = readJson('reports/unit.json')
if (unit) {
  passed += unit.numPassedTests ?? 0
  failed += (unit.numFailedTests ?? 0) + (unit.numRuntimeErrorTestSuites ?? 0)
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0)
} else {
  console.error('ci-summary: no unit test report (reports/unit.json).')
  failed += 1
}

const e2e = readJson('reports/e2e.json')
if (e2e?.stats) {
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0)
  failed += e2e.stats.unexpected ?? 0
  skipped += e2e.stats.skipped ?? 0
} else {
  console.error('ci-summary: no e2e report (reports/e2e.json).')
  failed += 1
}

if (testExitCode !== '0' && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(testExitCode === '0' && failed === 0 ? 0 : 1)
