import netlmTemplate from '../../../resources/taxonomies/netlm.json' with { type: 'json' }
import type { CitationRecord } from '../../core/records/record'
import { classifyDesign } from '../../core/tagging/design-classifier'
import {
  compileModalities,
  suggestModalities,
  type CompiledModalities,
} from '../../core/tagging/modality-matcher'
import { parseTemplate } from '../../core/tagging/taxonomy-json'
import { CliError, exitCodes, type Command } from '../framework'
import { readInputs } from './read-inputs'

/** The NETLM template's modality taxonomy, compiled once (the JSON is bundled into the CLI). */
function netlmModalities(): CompiledModalities {
  const template = parseTemplate(netlmTemplate)
  // The template ships with the app and is tested; a broken one is a build error, not a user error.
  if (!template.ok) throw new Error(`resources/taxonomies/netlm.json: ${template.error}`)
  return compileModalities(template.value.modality)
}

/** One JSONL line of `sift classify` (the shape the issue specifies). */
export type ClassifyLine = {
  id: string
  title: string
  design: string
  designConfidence: number
  rctProbability: number
  modalities: string[]
  cues: string[]
}

const round = (value: number): number => Math.round(value * 1000) / 1000

/** The line for one record; `index` (1-based, across all files) is its id when it has no PMID or DOI. */
export function classifyLine(
  record: CitationRecord,
  index: number,
  modalities: CompiledModalities,
  usePublicationTypes: boolean,
): ClassifyLine {
  const design = classifyDesign(record, { usePublicationTypes })
  const cues =
    design.source === 'publication-type'
      ? design.publicationTypes.map((type) => `publication type: ${type}`)
      : [...new Set(design.cues.filter((cue) => cue.weight > 0).map((cue) => cue.text.toLowerCase()))]
  return {
    id: record.pmid || record.doi || String(index),
    title: record.title,
    design: design.design,
    designConfidence: round(design.confidence),
    rctProbability: round(design.rctProbability),
    modalities: suggestModalities(record, modalities).map((suggestion) => suggestion.termId),
    cues,
  }
}

/** `sift classify FILE… [--no-publication-types]`: suggested study design and NETLM modalities, JSONL per record. */
export const classifyCommand: Command = {
  name: 'classify',
  summary: 'Suggest the study design and treatment modalities (NETLM template) of every record, as JSONL.',
  usage: 'classify FILE… [--no-publication-types]',
  options: [
    {
      name: 'no-publication-types',
      kind: 'flag',
      description: 'Ignore PubMed publication types; classify the design from title and abstract only.',
    },
  ],
  async run(args, { io }) {
    const inputs = await readInputs(args.positionals)
    const unreadable = inputs.filter(({ parsed }) => parsed.error)
    if (unreadable.length > 0) {
      throw new CliError(unreadable.map(({ path, parsed }) => `${path}: ${parsed.error}`).join('\n'))
    }
    const modalities = netlmModalities()
    const usePublicationTypes = !args.flags.has('no-publication-types')
    let index = 0
    for (const { path, parsed } of inputs) {
      for (const warning of parsed.warnings) {
        io.err(`sift: ${path}${warning.line > 0 ? `:${warning.line}` : ''}: ${warning.message}`)
      }
      for (const record of parsed.records) {
        io.out(JSON.stringify(classifyLine(record, ++index, modalities, usePublicationTypes)))
      }
    }
    return exitCodes.ok
  },
}
