import type { CitationRecord } from '../records/record'
import { compilePhrases, findPhrases, type CompiledPhrases } from './phrase-matcher'
import type { Taxonomy } from './taxonomy'

/** The record fields modality suggestions read. */
export type MatchField = 'title' | 'abstract' | 'keywords' | 'mesh'

/**
 * Where a label or synonym was found. Offsets are UTF-16 indices into the field's text (end exclusive); for the
 * list fields (`keywords`, `mesh`) they are within the entry at `index`.
 */
export type TermMatch = { field: MatchField; index?: number; start: number; end: number; text: string }

/** A suggested modality with every match that supports it, for highlighting as the reason. */
export type ModalitySuggestion = { termId: string; label: string; matches: TermMatch[] }

/** A modality taxonomy compiled for matching; build once and reuse across records. */
export type CompiledModalities = {
  phrases: CompiledPhrases
  labels: ReadonlyMap<string, string>
  order: ReadonlyMap<string, number>
}

/**
 * Compiles a modality taxonomy's labels and synonyms (see phrase-matcher.ts for the matching rules: case-insensitive
 * words, case-sensitive abbreviations, plural and British/American folding, hyphen/space variants, longest match).
 */
export function compileModalities(taxonomy: Taxonomy): CompiledModalities {
  const phrases = compilePhrases(
    taxonomy.terms.map((term) => ({ id: term.id, phrases: [term.label, ...term.synonyms] })),
  )
  // Suggestions follow the taxonomy's display order (depth-first) when they tie on evidence.
  const order = new Map<string, number>()
  const visit = (parentId: string | null): void => {
    const children = taxonomy.terms
      .filter((term) => term.parentId === parentId)
      .sort((a, b) => a.order - b.order)
    for (const child of children) {
      order.set(child.id, order.size)
      visit(child.id)
    }
  }
  visit(null)
  return { phrases, labels: new Map(taxonomy.terms.map((term) => [term.id, term.label])), order }
}

function collect(
  found: Map<string, TermMatch[]>,
  compiled: CompiledModalities,
  field: MatchField,
  text: string,
  index?: number,
): void {
  if (text === '') return
  for (const hit of findPhrases(text, compiled.phrases)) {
    const match: TermMatch = {
      field,
      ...(index === undefined ? {} : { index }),
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
    }
    for (const id of hit.ids) found.set(id, [...(found.get(id) ?? []), match])
  }
}

/**
 * Modalities whose label or synonyms occur in the record's title, abstract, keywords or MeSH headings. Several
 * modalities may be suggested for one record. Ordered by strength of evidence: a match in the title first, then
 * the number of matches, then taxonomy order. Returns `[]` when nothing matches.
 */
export function suggestModalities(
  record: CitationRecord,
  compiled: CompiledModalities,
): ModalitySuggestion[] {
  const found = new Map<string, TermMatch[]>()
  collect(found, compiled, 'title', record.title)
  collect(found, compiled, 'abstract', record.abstract)
  record.keywords.forEach((keyword, index) => collect(found, compiled, 'keywords', keyword, index))
  record.mesh.forEach((heading, index) => collect(found, compiled, 'mesh', heading, index))
  const suggestions = [...found].map(([termId, matches]) => ({
    termId,
    label: compiled.labels.get(termId) ?? termId,
    matches,
  }))
  const inTitle = (suggestion: ModalitySuggestion): number =>
    suggestion.matches.some((match) => match.field === 'title') ? 1 : 0
  return suggestions.sort(
    (a, b) =>
      inTitle(b) - inTitle(a) ||
      b.matches.length - a.matches.length ||
      (compiled.order.get(a.termId) ?? 0) - (compiled.order.get(b.termId) ?? 0),
  )
}
