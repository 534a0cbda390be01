import type { Command } from '../framework'

/** Every `sift` subcommand, in the order `--help` lists them. Later issues add inspect, convert, dedup, … */
export const commands: Command[] = []
