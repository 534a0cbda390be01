import {
  CliError,
  commandHelp,
  exitCodes,
  globalOptions,
  parseArgs,
  type Command,
  type Io,
} from './framework'

export type Program = {
  name: string
  version: string
  description: string
  commands: Command[]
}

/** The top-level help: every command with its one-line summary. */
export function programHelp(program: Program): string {
  const listed = [
    ...program.commands.map((command) => [command.name, command.summary] as const),
    ['help', 'Show help for a command: sift help <command>.'] as const,
    ['version', 'Print the version.'] as const,
  ]
  const width = Math.max(...listed.map(([name]) => name.length))
  return [
    `${program.name} ${program.version} — ${program.description}`,
    '',
    `Usage: ${program.name} <command> [options]`,
    '',
    'Commands:',
    ...listed.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'Global options:',
    '  --json        Print machine-readable JSON.',
    '  -h, --help    Show help (also: sift help <command>).',
    '  -v, --version Print the version.',
  ].join('\n')
}

function reportError(error: unknown, io: Io, isJson: boolean): number {
  const isUserError = error instanceof CliError
  const message = error instanceof Error ? error.message : String(error)
  const text = isUserError ? message : `Unexpected failure: ${message}`
  io.err(isJson ? JSON.stringify({ error: text }) : `sift: ${text}`)
  return isUserError ? error.exitCode : exitCodes.badInput
}

/**
 * Runs the command line and returns the exit code. Never throws: user errors print a message (or a JSON error
 * object with `--json`) and return 1 or 2.
 */
export async function runProgram(program: Program, argv: string[], io: Io): Promise<number> {
  const isJson = argv.includes('--json')
  try {
    const [first, ...rest] = argv
    if (first === undefined || first === '--help' || first === '-h') {
      io.out(programHelp(program))
      return exitCodes.ok
    }
    if (first === '--version' || first === '-v' || first === 'version') {
      io.out(isJson ? JSON.stringify({ version: program.version }) : program.version)
      return exitCodes.ok
    }
    if (first === 'help') {
      const target = program.commands.find((command) => command.name === rest[0])
      io.out(target ? commandHelp(target) : programHelp(program))
      return exitCodes.ok
    }
    const command = program.commands.find((candidate) => candidate.name === first)
    if (!command) {
      throw new CliError(
        `Unknown command "${first}". Run "${program.name} --help" to list the commands.`,
        exitCodes.usage,
      )
    }
    const args = parseArgs(rest, [...command.options, ...globalOptions])
    if (args.flags.has('help')) {
      io.out(commandHelp(command))
      return exitCodes.ok
    }
    return await command.run(args, { io, isJson })
  } catch (error) {
    return reportError(error, io, isJson)
  }
}
