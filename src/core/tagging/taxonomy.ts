/** What a taxonomy classifies: the treatment modality of a study or its study design. */
export type TaxonomyKind = 'modality' | 'design'

/** One tag a record can carry, with the words that reveal it in a title or abstract. */
export type TaxonomyTerm = {
  /** Stable id (kebab-case); tags on records refer to it, so renaming a term never changes it. */
  id: string
  label: string
  /** Other words and abbreviations for the term; matched like the label (see modality-matcher.ts). */
  synonyms: string[]
  /** The broader term this one is nested under, or null at the top level. */
  parentId: string | null
  /** Position among its siblings, 0-based and dense after every operation. */
  order: number
  /** Design taxonomies only: 1 is the strongest evidence. */
  evidenceLevel?: number
}

/** A project's modality or study-design taxonomy. */
export type Taxonomy = {
  id: string
  kind: TaxonomyKind
  name: string
  terms: TaxonomyTerm[]
}

/** The outcome of an operation that may be refused: the new taxonomy, or why nothing changed. */
export type TaxonomyResult = { ok: true; taxonomy: Taxonomy } | { ok: false; error: string }

function ok(taxonomy: Taxonomy): TaxonomyResult {
  return { ok: true, taxonomy }
}

function fail(error: string): TaxonomyResult {
  return { ok: false, error }
}

/** Children of `parentId` in display order. */
export function childrenOf(taxonomy: Taxonomy, parentId: string | null): TaxonomyTerm[] {
  return taxonomy.terms.filter((term) => term.parentId === parentId).sort((a, b) => a.order - b.order)
}

/** The term with this id, or undefined. */
export function findTerm(taxonomy: Taxonomy, termId: string): TaxonomyTerm | undefined {
  return taxonomy.terms.find((term) => term.id === termId)
}

/** Ids of `termId` and every term nested below it, at any depth. */
export function descendantIds(taxonomy: Taxonomy, termId: string): Set<string> {
  const ids = new Set([termId])
  // Terms are few (tens), so repeated passes are simpler than building a child index and still instant.
  let isGrowing = true
  while (isGrowing) {
    isGrowing = false
    for (const term of taxonomy.terms) {
      if (term.parentId !== null && ids.has(term.parentId) && !ids.has(term.id)) {
        ids.add(term.id)
        isGrowing = true
      }
    }
  }
  return ids
}

/** Renumbers `order` densely (0, 1, 2…) within every sibling group, keeping the current relative order. */
function renumber(terms: TaxonomyTerm[]): TaxonomyTerm[] {
  const groups = new Map<string | null, TaxonomyTerm[]>()
  for (const term of terms) groups.set(term.parentId, [...(groups.get(term.parentId) ?? []), term])
  const orders = new Map<string, number>()
  for (const group of groups.values()) {
    group.sort((a, b) => a.order - b.order).forEach((term, index) => orders.set(term.id, index))
  }
  return terms.map((term) => {
    const order = orders.get(term.id) ?? 0
    return term.order === order ? term : { ...term, order }
  })
}

function withTerms(taxonomy: Taxonomy, terms: TaxonomyTerm[]): Taxonomy {
  return { ...taxonomy, terms: renumber(terms) }
}

/** Unique, trimmed, non-empty synonyms in first-seen order (case-insensitive), without the label itself. */
export function cleanSynonyms(label: string, synonyms: readonly string[]): string[] {
  const seen = new Set([label.trim().toLowerCase()])
  const result: string[] = []
  for (const synonym of synonyms) {
    const text = synonym.trim()
    const key = text.toLowerCase()
    if (text === '' || seen.has(key)) continue
    seen.add(key)
    result.push(text)
  }
  return result
}

/** A kebab-case id from a label that is not yet used in the taxonomy (`hepatic-resection`, `hepatic-resection-2`). */
export function newTermId(taxonomy: Taxonomy, label: string): string {
  const base =
    label
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'term'
  const used = new Set(taxonomy.terms.map((term) => term.id))
  if (!used.has(base)) return base
  let suffix = 2
  while (used.has(`${base}-${suffix}`)) suffix++
  return `${base}-${suffix}`
}

/** What `addTerm` needs; the id is made from the label when not given. */
export type NewTerm = {
  label: string
  synonyms?: string[]
  parentId?: string | null
  id?: string
  evidenceLevel?: number
}

/** Adds a term as the last child of its parent (top level by default). Refuses empty labels and unknown parents. */
export function addTerm(taxonomy: Taxonomy, input: NewTerm): TaxonomyResult {
  const label = input.label.trim()
  if (label === '') return fail('A term needs a label.')
  const parentId = input.parentId ?? null
  if (parentId !== null && !findTerm(taxonomy, parentId)) return fail(`There is no term "${parentId}".`)
  const id = input.id ?? newTermId(taxonomy, label)
  if (findTerm(taxonomy, id)) return fail(`The id "${id}" is already used.`)
  const term: TaxonomyTerm = {
    id,
    label,
    synonyms: cleanSynonyms(label, input.synonyms ?? []),
    parentId,
    order: childrenOf(taxonomy, parentId).length,
    ...(input.evidenceLevel === undefined ? {} : { evidenceLevel: input.evidenceLevel }),
  }
  return ok(withTerms(taxonomy, [...taxonomy.terms, term]))
}

/** Changes a term's label (its id stays, so existing tags keep pointing at it). */
export function renameTerm(taxonomy: Taxonomy, termId: string, label: string): TaxonomyResult {
  const text = label.trim()
  if (text === '') return fail('A term needs a label.')
  if (!findTerm(taxonomy, termId)) return fail(`There is no term "${termId}".`)
  return ok(
    withTerms(
      taxonomy,
      taxonomy.terms.map((term) =>
        term.id === termId ? { ...term, label: text, synonyms: cleanSynonyms(text, term.synonyms) } : term,
      ),
    ),
  )
}

/** Replaces a term's synonyms (trimmed, deduplicated, the label itself dropped). */
export function setSynonyms(taxonomy: Taxonomy, termId: string, synonyms: readonly string[]): TaxonomyResult {
  if (!findTerm(taxonomy, termId)) return fail(`There is no term "${termId}".`)
  return ok({
    ...taxonomy,
    terms: taxonomy.terms.map((term) =>
      term.id === termId ? { ...term, synonyms: cleanSynonyms(term.label, synonyms) } : term,
    ),
  })
}

/**
 * Merges `sourceId` into `targetId`: the target keeps its id and label and gains the source's label and synonyms
 * as synonyms; the source's children move under the target (after its own). Tags pointing at the source must be
 * moved by the caller (the taxonomy does not know about records).
 */
export function mergeTerms(taxonomy: Taxonomy, sourceId: string, targetId: string): TaxonomyResult {
  const source = findTerm(taxonomy, sourceId)
  const target = findTerm(taxonomy, targetId)
  if (!source || !target) return fail(`There is no term "${source ? targetId : sourceId}".`)
  if (sourceId === targetId) return fail('A term cannot be merged into itself.')
  if (descendantIds(taxonomy, sourceId).has(targetId))
    return fail(`"${target.label}" is nested under "${source.label}"; move it out before merging.`)
  const offset = childrenOf(taxonomy, targetId).length
  const terms = taxonomy.terms
    .filter((term) => term.id !== sourceId)
    .map((term) => {
      if (term.id === targetId)
        return {
          ...term,
          synonyms: cleanSynonyms(term.label, [...term.synonyms, source.label, ...source.synonyms]),
        }
      if (term.parentId === sourceId) return { ...term, parentId: targetId, order: offset + term.order }
      return term
    })
  return ok(withTerms(taxonomy, terms))
}

/** Moves a term to `index` among its siblings (clamped to the valid range). */
export function reorderTerm(taxonomy: Taxonomy, termId: string, index: number): TaxonomyResult {
  const term = findTerm(taxonomy, termId)
  if (!term) return fail(`There is no term "${termId}".`)
  const siblings = childrenOf(taxonomy, term.parentId).filter((sibling) => sibling.id !== termId)
  const position = Math.max(0, Math.min(siblings.length, Math.trunc(index)))
  siblings.splice(position, 0, term)
  const orders = new Map(siblings.map((sibling, order) => [sibling.id, order]))
  return ok(
    withTerms(
      taxonomy,
      taxonomy.terms.map((each) => {
        const order = orders.get(each.id)
        return order === undefined ? each : { ...each, order }
      }),
    ),
  )
}

/** Nests a term (with its subtree) under `parentId`, or moves it to the top level with null. Refuses cycles. */
export function nestTerm(taxonomy: Taxonomy, termId: string, parentId: string | null): TaxonomyResult {
  const term = findTerm(taxonomy, termId)
  if (!term) return fail(`There is no term "${termId}".`)
  if (parentId !== null) {
    const parent = findTerm(taxonomy, parentId)
    if (!parent) return fail(`There is no term "${parentId}".`)
    if (descendantIds(taxonomy, termId).has(parentId))
      return fail(`"${term.label}" cannot be nested under itself or under one of its own sub-terms.`)
  }
  if (term.parentId === parentId) return ok(taxonomy)
  const order = childrenOf(taxonomy, parentId).length
  return ok(
    withTerms(
      taxonomy,
      taxonomy.terms.map((each) => (each.id === termId ? { ...each, parentId, order } : each)),
    ),
  )
}

/**
 * Removes a term. Its children move up to the removed term's parent (they are not deleted: a reviewer removing a
 * grouping rarely means to remove what is in it).
 */
export function removeTerm(taxonomy: Taxonomy, termId: string): TaxonomyResult {
  const term = findTerm(taxonomy, termId)
  if (!term) return fail(`There is no term "${termId}".`)
  const offset = childrenOf(taxonomy, term.parentId).length
  const terms = taxonomy.terms
    .filter((each) => each.id !== termId)
    .map((each) =>
      each.parentId === termId ? { ...each, parentId: term.parentId, order: offset + each.order } : each,
    )
  return ok(withTerms(taxonomy, terms))
}

/** Sets (or clears, with undefined) a design term's evidence level; 1 is the strongest. */
export function setEvidenceLevel(
  taxonomy: Taxonomy,
  termId: string,
  level: number | undefined,
): TaxonomyResult {
  if (!findTerm(taxonomy, termId)) return fail(`There is no term "${termId}".`)
  if (level !== undefined && (!Number.isInteger(level) || level < 1))
    return fail('An evidence level is a whole number from 1 (strongest).')
  return ok({
    ...taxonomy,
    terms: taxonomy.terms.map((term) => {
      if (term.id !== termId) return term
      const { evidenceLevel: _dropped, ...rest } = term
      return level === undefined ? rest : { ...rest, evidenceLevel: level }
    }),
  })
}
