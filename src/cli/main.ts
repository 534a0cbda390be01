import { commands } from './commands'
import { runProgram } from './program'
import { version } from './version'

const program = {
  name: 'sift',
  version,
  description: 'systematic review workbench: citation files, deduplication, screening simulations',
  commands,
}

const code = await runProgram(program, process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
})
process.exitCode = code
