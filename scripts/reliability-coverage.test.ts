import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/**
 * Keeps docs/RELIABILITY-TESTS.md honest (issue 8): every row of the test table in ../shared/docs/RELIABILITY.md is
 * mapped, every file named exists, every test named occurs verbatim in its file as a whole string literal (renaming
 * a test fails this), and every vitest or Playwright file named is one that `npm test` actually runs.
 */
const root = path.resolve(import.meta.dirname, '..')
const mappingPath = path.join(root, 'docs/RELIABILITY-TESTS.md')
// The reliability table lives next to the repository (../shared); it is never copied into the project.
const reliabilityPath = path.resolve(root, '../shared/docs/RELIABILITY.md')
const hasReliability = existsSync(reliabilityPath)

if (!hasReliability) {
  if (process.env.CI)
    throw new Error(`reliability coverage: ${reliabilityPath} is missing, and CI must run this test`)
  console.warn(
    `reliability coverage: the id check is skipped, ${reliabilityPath} not found (shared material outside the repository)`,
  )
}

type Row = { id: string; file: string; name: string; how: string; line: number }

/** The cells of a markdown table row (`| a | b |`), with `\|` kept as a literal bar. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'))
}

const idPattern = /^[A-Z]\d+$/

/** Ids in the first column of every table row of RELIABILITY.md's test table. */
function reliabilityIds(): string[] {
  return readFileSync(reliabilityPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => cells(line)[0] ?? '')
    .filter((id) => idPattern.test(id))
}

function mappingRows(): Row[] {
  return readFileSync(mappingPath, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (!line.startsWith('|')) return []
      const [id = '', file = '', name = '', how = ''] = cells(line)
      return idPattern.test(id) ? [{ id, file, name, how, line: index + 1 }] : []
    })
}

type VitestProject = { test: { name: string; include: string[] } }

/** A glob of vitest's include list as a regular expression (`**`, `*` and `{a,b}` are all the config uses). */
function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] ?? ''
    if (glob.startsWith('**/', index)) {
      source += '(?:.*/)?'
      index += 2
    } else if (char === '*') source += '[^/]*'
    else if (char === '{') source += '(?:'
    else if (char === '}') source += ')'
    else if (char === ',') source += '|'
    else source += char.replace(/[.+?^$()[\]\\|]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

async function vitestProjects(): Promise<Map<string, RegExp[]>> {
  const { default: config } = (await import('../vitest.config')) as {
    default: { test: { projects: VitestProject[] } }
  }
  return new Map(
    config.test.projects.map((project) => [project.test.name, project.test.include.map(globToRegExp)]),
  )
}

/** Specs that run without the ./fixtures guards, and why. */
const specsWithoutFixtures: Readonly<Record<string, string>> = {
  'electron.spec.ts': 'drives the Electron app, whose session policy cancels remote requests (S7 unit test)',
  'import-killed.spec.ts': 'starts and SIGKILLs its own Chromium, outside the Playwright page fixture',
}

describe('docs/RELIABILITY-TESTS.md', () => {
  const rows = mappingRows()

  it.skipIf(!hasReliability)('maps every row of the RELIABILITY.md test table', () => {
    const ids = reliabilityIds()
    expect(ids.length).toBeGreaterThan(0)
    const mapped = new Set(rows.map((row) => row.id))
    expect(
      ids.filter((id) => !mapped.has(id)),
      'ids without a test',
    ).toEqual([])
    expect(
      [...mapped].filter((id) => !ids.includes(id)),
      'ids not in RELIABILITY.md',
    ).toEqual([])
  })

  it('names files that exist and test names that occur verbatim in them', () => {
    expect(rows.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const row of rows) {
      const file = path.join(root, row.file)
      if (!row.file || !existsSync(file)) {
        problems.push(`line ${row.line} (${row.id}): no file ${JSON.stringify(row.file)}`)
        continue
      }
      // A test title must be a whole string literal of the file, so a title that was changed around it fails too.
      const isTest =
        row.how.startsWith('vitest') || (row.how.startsWith('Playwright') && row.file !== 'e2e/fixtures.ts')
      const text = readFileSync(file, 'utf8')
      const found = isTest
        ? ["'", '"', '`'].some((quote) => text.includes(`${quote}${row.name}${quote}`))
        : text.includes(row.name)
      if (!row.name || !found)
        problems.push(`line ${row.line} (${row.id}): ${row.file} has no ${JSON.stringify(row.name)}`)
    }
    expect(problems).toEqual([])
  })

  it('names only files that npm test runs, in the way the table says', async () => {
    const projects = await vitestProjects()
    const problems: string[] = []
    for (const row of rows) {
      const vitest = /^vitest (\S+)$/.exec(row.how)
      if (vitest) {
        const includes = projects.get(vitest[1] ?? '')
        if (!includes?.some((pattern) => pattern.test(row.file)))
          problems.push(`line ${row.line}: ${row.file} is not in vitest project ${vitest[1] ?? ''}`)
      } else if (row.how.startsWith('Playwright electron')) {
        if (!/^e2e\/[^/]*electron\.spec\.ts$/.test(row.file))
          problems.push(`line ${row.line}: ${row.file} is not run by the electron project`)
      } else if (row.how.startsWith('Playwright browser')) {
        const isSpec = /^e2e\/[^/]+\.spec\.ts$/.test(row.file) && !row.file.endsWith('electron.spec.ts')
        if (!isSpec && row.file !== 'e2e/fixtures.ts')
          problems.push(`line ${row.line}: ${row.file} is not run by the browser project`)
      } else if (row.how === 'lint') {
        if (row.file !== 'eslint.config.js') problems.push(`line ${row.line}: lint runs eslint.config.js`)
      } else if (row.how === 'security script') {
        if (!row.file.startsWith('.ci/electronegativity'))
          problems.push(`line ${row.line}: npm run security reads .ci/electronegativity-allow.json`)
      } else if (!row.how.startsWith('benchmark')) {
        problems.push(`line ${row.line}: unknown way of running ${JSON.stringify(row.how)}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('a row checked only by a benchmark also names a CI test, except L2', () => {
    const ids = [...new Set(rows.map((row) => row.id))]
    const benchmarkOnly = ids.filter((id) =>
      rows.filter((row) => row.id === id).every((row) => row.how.startsWith('benchmark')),
    )
    expect(benchmarkOnly).toEqual(['L2'])
  })
})

describe('the guards behind rows S7 and D5', () => {
  it('every browser spec runs with the offline and console guards of e2e/fixtures.ts (S7)', () => {
    const specs = readdirSync(path.join(root, 'e2e')).filter((name) => name.endsWith('.spec.ts'))
    const unguarded = specs.filter(
      (name) =>
        !(name in specsWithoutFixtures) &&
        !/from '\.\/fixtures'/.test(readFileSync(path.join(root, 'e2e', name), 'utf8')),
    )
    expect(unguarded).toEqual([])
  })

  it('every schema version has an upgrade test from the version before (D5)', () => {
    const source = readFileSync(path.join(root, 'src/renderer/src/db/migrations.ts'), 'utf8')
    const tests = readFileSync(path.join(root, 'src/renderer/src/db/migrations.test.ts'), 'utf8')
    const versions = [...source.matchAll(/^ {4}version: (\d+),$/gm)].map((match) => Number(match[1]))
    expect(versions[0]).toBe(1)
    const missing = versions.slice(1).filter((version) => !tests.includes(`v${version - 1} → v${version} `))
    expect(missing).toEqual([])
  })
})
