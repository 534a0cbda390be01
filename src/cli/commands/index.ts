import type { Command } from '../framework'
import { classifyCommand } from './classify'
import { convertCommand } from './convert'
import { dedupCommand } from './dedup'
import { inspectCommand } from './inspect'
import { simulateCommand } from './simulate'
import { summarizeCommand } from './summarize'

/** Every `sift` subcommand, in the order `--help` lists them. */
export const commands: Command[] = [
  inspectCommand,
  convertCommand,
  classifyCommand,
  summarizeCommand,
  dedupCommand,
  simulateCommand,
]
