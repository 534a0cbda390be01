import {
  compileModalities,
  suggestModalities,
  type CompiledModalities,
} from '../../../../core/tagging/modality-matcher'
import { classifyDesign } from '../../../../core/tagging/design-classifier'
import { describeMatches, modalityConfidence } from '../../../../core/tagging/suggestion-review'
import type { StoredRecord, Taxonomy } from '../../db/schema'

/** A suggested tag for one record, ready to show: which term, how sure, and why. */
export type TagSuggestion = {
  taxonomyId: string
  termId: string
  label: string
  confidence: number
  reason: string
  source: 'suggested' | 'publication-type' | 'manual'
}

/** Compiles the project's modality taxonomy for matching (once per taxonomy version). */
export function compileProjectModalities(taxonomy: Taxonomy | null): CompiledModalities | null {
  if (!taxonomy?.terms) return null
  return compileModalities({ id: taxonomy.id, kind: 'modality', name: taxonomy.name, terms: taxonomy.terms })
}

/** Modality suggestions for a record, with confidence and the words that revealed them. */
export function modalitySuggestions(
  record: StoredRecord,
  taxonomyId: string,
  compiled: CompiledModalities,
): TagSuggestion[] {
  return suggestModalities(record, compiled).map((suggestion) => ({
    taxonomyId,
    termId: suggestion.termId,
    label: suggestion.label,
    confidence: modalityConfidence(suggestion),
    reason: describeMatches(suggestion.matches),
    source: 'suggested',
  }))
}

/** The study-design suggestion for a record, if the project's design taxonomy has the suggested term. */
export function designSuggestion(record: StoredRecord, design: Taxonomy): TagSuggestion | null {
  const suggestion = classifyDesign(record)
  const term = design.terms?.find((entry) => entry.id === suggestion.design)
  if (!term) return null
  const reason =
    suggestion.source === 'publication-type'
      ? `Publication type: ${suggestion.publicationTypes.join(', ')}`
      : suggestion.cues.length > 0
        ? `Cue words: ${[...new Set(suggestion.cues.slice(0, 6).map((cue) => `“${cue.text}”`))].join(', ')}`
        : 'No design cue found; weakest guess'
  return {
    taxonomyId: design.id,
    termId: term.id,
    label: term.label,
    confidence: suggestion.confidence,
    reason,
    source: suggestion.source === 'publication-type' ? 'publication-type' : 'suggested',
  }
}

export type TaxonomySet = {
  modality: Taxonomy | null
  design: Taxonomy | null
  compiled: CompiledModalities | null
}

/** Every suggestion for a record: its modalities (several may apply) and its study design. */
export function suggestionsFor(
  record: StoredRecord,
  { modality, design, compiled }: TaxonomySet,
): TagSuggestion[] {
  const modalities = modality && compiled ? modalitySuggestions(record, modality.id, compiled) : []
  const designed = design ? designSuggestion(record, design) : null
  return designed ? [...modalities, designed] : modalities
}
