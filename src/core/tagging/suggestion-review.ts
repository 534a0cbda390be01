import type { ModalitySuggestion, TermMatch } from './modality-matcher'

/** How sure a modality suggestion is, 0–1, from where its words were found; used to bulk-apply suggestions. */
export function modalityConfidence(suggestion: ModalitySuggestion): number {
  const fields = new Set(suggestion.matches.map((match) => match.field))
  // A modality named in the title is what the study is about; one passing mention in the abstract may be background.
  if (fields.has('title')) return 0.95
  const inAbstract = suggestion.matches.filter((match) => match.field === 'abstract').length
  if (fields.has('mesh') || fields.has('keywords')) return inAbstract > 0 ? 0.9 : 0.8
  return inAbstract >= 2 ? 0.8 : 0.6
}

const fieldNames: Record<TermMatch['field'], string> = {
  title: 'title',
  abstract: 'abstract',
  keywords: 'keywords',
  mesh: 'MeSH',
}

/** The reason shown beside a suggestion: the words found and where, e.g. `“TACE” in title; “chemoembolization” in abstract`. */
export function describeMatches(matches: readonly TermMatch[]): string {
  const byField = new Map<string, Set<string>>()
  for (const match of matches) {
    const words = byField.get(match.field) ?? new Set<string>()
    words.add(match.text)
    byField.set(match.field, words)
  }
  return [...byField]
    .map(
      ([field, words]) =>
        `${[...words].map((word) => `“${word}”`).join(', ')} in ${fieldNames[field as TermMatch['field']]}`,
    )
    .join('; ')
}

/**
 * Suggestions still waiting for the reviewer: those not already accepted or rejected on the record
 * (`decided` maps term id → accepted?).
 */
export function pendingSuggestions<T extends { termId: string }>(
  suggestions: readonly T[],
  decided: ReadonlyMap<string, boolean>,
): T[] {
  return suggestions.filter((suggestion) => !decided.has(suggestion.termId))
}
