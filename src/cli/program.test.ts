import { describe, expect, it } from 'vitest'

import { CliError, exitCodes, parseArgs, type Command, type OptionSpec } from './framework'
import { runProgram, type Program } from './program'

const options: OptionSpec[] = [
  { name: 'to', kind: 'value', description: 'format', valueName: 'FORMAT' },
  { name: 'out', short: 'o', kind: 'value', description: 'output' },
  { name: 'json', kind: 'flag', description: 'json' },
]

describe('parseArgs', () => {
  it('reads positionals, values in both spellings, short options and flags', () => {
    const args = parseArgs(['a.ris', '--to', 'csv', '-o', 'x.csv', 'b.nbib', '--json'], options)
    expect(args.positionals).toEqual(['a.ris', 'b.nbib'])
    expect(args.values.get('to')).toBe('csv')
    expect(args.values.get('out')).toBe('x.csv')
    expect(args.flags.has('json')).toBe(true)
    expect(parseArgs(['--to=ris'], options).values.get('to')).toBe('ris')
  })

  it('treats everything after -- as positionals', () => {
    expect(parseArgs(['--', '--to'], options).positionals).toEqual(['--to'])
  })

  it('rejects unknown options and missing values as usage errors', () => {
    expect(() => parseArgs(['--bogus'], options)).toThrow(CliError)
    expect(() => parseArgs(['--to'], options)).toThrow(/needs a value/)
    expect(() => parseArgs(['--json=yes'], options)).toThrow(/takes no value/)
  })
})

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err }
}

const echo: Command = {
  name: 'echo',
  summary: 'Prints its arguments.',
  usage: 'echo WORD…',
  options: [],
  run: (args, { io, isJson }) => {
    if (args.positionals.length === 0) throw new CliError('Give at least one word.')
    io.out(isJson ? JSON.stringify(args.positionals) : args.positionals.join(' '))
    return exitCodes.ok
  },
}
const crash: Command = {
  name: 'crash',
  summary: 'Fails unexpectedly.',
  usage: 'crash',
  options: [],
  run: () => {
    throw new TypeError('boom')
  },
}
const program: Program = { name: 'sift', version: '1.2.3', description: 'test', commands: [echo, crash] }

describe('runProgram', () => {
  it('lists the commands in --help and prints the version', async () => {
    const help = capture()
    expect(await runProgram(program, ['--help'], help.io)).toBe(0)
    expect(help.out.join('\n')).toMatch(/echo\s+Prints its arguments\./)
    const version = capture()
    expect(await runProgram(program, ['--version'], version.io)).toBe(0)
    expect(version.out).toEqual(['1.2.3'])
  })

  it('runs a command, in JSON mode too', async () => {
    const run = capture()
    expect(await runProgram(program, ['echo', 'a', 'b', '--json'], run.io)).toBe(0)
    expect(run.out).toEqual(['["a","b"]'])
  })

  it('shows per-command help', async () => {
    const run = capture()
    expect(await runProgram(program, ['echo', '--help'], run.io)).toBe(0)
    expect(run.out.join('\n')).toContain('Usage: sift echo WORD…')
  })

  it('returns 2 for an unknown command and 1 for bad input, with a message and no stack trace', async () => {
    const unknown = capture()
    expect(await runProgram(program, ['nope'], unknown.io)).toBe(exitCodes.usage)
    expect(unknown.err.join('')).toContain('Unknown command "nope"')
    const bad = capture()
    expect(await runProgram(program, ['echo', '--json'], bad.io)).toBe(exitCodes.badInput)
    expect(JSON.parse(bad.err[0] ?? '')).toEqual({ error: 'Give at least one word.' })
  })

  it('reports an unexpected failure without a stack trace', async () => {
    const run = capture()
    expect(await runProgram(program, ['crash'], run.io)).toBe(exitCodes.badInput)
    expect(run.err).toEqual(['sift: Unexpected failure: boom'])
  })
})
