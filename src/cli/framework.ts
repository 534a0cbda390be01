/** What a command may print to, so tests capture output instead of spying on `process`. */
export type Io = {
  out: (text: string) => void
  err: (text: string) => void
}

export type OptionSpec = {
  /** Long name without dashes, e.g. `to` for `--to`. */
  name: string
  short?: string
  /** A flag takes no value; anything else takes the next argument. */
  kind: 'flag' | 'value'
  description: string
  valueName?: string
}

export type ParsedArgs = {
  positionals: string[]
  flags: Set<string>
  values: Map<string, string>
}

export type Command = {
  name: string
  summary: string
  usage: string
  options: OptionSpec[]
  run: (args: ParsedArgs, context: CommandContext) => Promise<number> | number
}

export type CommandContext = {
  io: Io
  /** `--json`: machine-readable output, one JSON value per line. */
  isJson: boolean
}

/** Exit codes: 0 success, 1 the input could not be used, 2 the command line was wrong. */
export const exitCodes = { ok: 0, badInput: 1, usage: 2 } as const

/** A failure the user caused and can fix: printed as a message, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.badInput,
  ) {
    super(message)
  }
}

export const globalOptions: OptionSpec[] = [
  { name: 'json', kind: 'flag', description: 'Print machine-readable JSON.' },
  { name: 'help', short: 'h', kind: 'flag', description: 'Show help for the command.' },
]

function findOption(specs: OptionSpec[], token: string): OptionSpec | undefined {
  if (token.startsWith('--')) return specs.find((spec) => spec.name === token.slice(2))
  return specs.find((spec) => spec.short !== undefined && `-${spec.short}` === token)
}

/**
 * Parses `argv` against the command's options: `--name value`, `--name=value`, `-x value`, flags, and `--` to end
 * options. Unknown options and missing values are usage errors.
 */
export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() }
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] ?? ''
    if (token === '--') {
      parsed.positionals.push(...argv.slice(index + 1))
      break
    }
    if (!token.startsWith('-') || token === '-') {
      parsed.positionals.push(token)
      continue
    }
    const [head, inlineValue] = token.includes('=')
      ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)]
      : [token, undefined]
    const spec = findOption(specs, head ?? token)
    if (!spec)
      throw new CliError(`Unknown option ${head}. Run with --help to see the options.`, exitCodes.usage)
    if (spec.kind === 'flag') {
      if (inlineValue !== undefined) throw new CliError(`--${spec.name} takes no value.`, exitCodes.usage)
      parsed.flags.add(spec.name)
      continue
    }
    const value = inlineValue ?? argv[++index]
    if (value === undefined) throw new CliError(`--${spec.name} needs a value.`, exitCodes.usage)
    parsed.values.set(spec.name, value)
  }
  return parsed
}

/** Help text for one command, options aligned. */
export function commandHelp(command: Command): string {
  const options = [...command.options, ...globalOptions]
  const labels = options.map((option) => {
    const short = option.short ? `-${option.short}, ` : '    '
    const value = option.kind === 'value' ? ` ${option.valueName ?? 'VALUE'}` : ''
    return `${short}--${option.name}${value}`
  })
  const width = Math.max(...labels.map((label) => label.length))
  const lines = options.map(
    (option, index) => `  ${(labels[index] ?? '').padEnd(width)}  ${option.description}`,
  )
  return [`Usage: sift ${command.usage}`, '', command.summary, '', 'Options:', ...lines].join('\n')
}
