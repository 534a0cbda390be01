import type { Command } from '../framework'
import { classifyCommand } from './classify'
import { convertCommand } from './convert'
import { inspectCommand } from './inspect'

/** Every `sift` subcommand, in the order `--help` lists them. */
export const commands: Command[] = [inspectCommand, convertCommand, classifyCommand]
