import {
  addTerm,
  mergeTerms,
  nestTerm,
  removeTerm,
  renameTerm,
  reorderTerm,
  setEvidenceLevel,
  setSynonyms,
  type Taxonomy as CoreTaxonomy,
  type TaxonomyResult,
  type TaxonomyTerm,
} from '../../../../core/tagging/taxonomy'
import type { Taxonomy } from '../../db/schema'

/** The project row as the core taxonomy type the editing operations work on. */
export function asCore(taxonomy: Taxonomy): CoreTaxonomy {
  return {
    id: taxonomy.id,
    kind: taxonomy.kind === 'design' ? 'design' : 'modality',
    name: taxonomy.name,
    terms: taxonomy.terms ?? [],
  }
}

/** Terms in display order (depth first) with their depth, for an indented list. */
export function flattenTerms(terms: readonly TaxonomyTerm[]): { term: TaxonomyTerm; depth: number }[] {
  const rows: { term: TaxonomyTerm; depth: number }[] = []
  const visit = (parentId: string | null, depth: number) => {
    for (const term of terms
      .filter((entry) => entry.parentId === parentId)
      .sort((a, b) => a.order - b.order)) {
      rows.push({ term, depth })
      visit(term.id, depth + 1)
    }
  }
  visit(null, 0)
  return rows
}

export type TermEdit =
  | { kind: 'add'; label: string; synonyms: string[] }
  | { kind: 'rename'; termId: string; label: string }
  | { kind: 'synonyms'; termId: string; synonyms: string[] }
  | { kind: 'remove'; termId: string }
  | { kind: 'merge'; termId: string; intoId: string }
  | { kind: 'nest'; termId: string; parentId: string | null }
  | { kind: 'move'; termId: string; index: number }
  | { kind: 'evidence'; termId: string; level: number | undefined }

/** Applies one edit through core's taxonomy operations (which refuse cycles, empty labels, unknown terms). */
export function applyEdit(taxonomy: Taxonomy, edit: TermEdit): TaxonomyResult {
  const core = asCore(taxonomy)
  switch (edit.kind) {
    case 'add':
      return addTerm(core, { label: edit.label, synonyms: edit.synonyms })
    case 'rename':
      return renameTerm(core, edit.termId, edit.label)
    case 'synonyms':
      return setSynonyms(core, edit.termId, edit.synonyms)
    case 'remove':
      return removeTerm(core, edit.termId)
    case 'merge':
      return mergeTerms(core, edit.termId, edit.intoId)
    case 'nest':
      return nestTerm(core, edit.termId, edit.parentId)
    case 'move':
      return reorderTerm(core, edit.termId, edit.index)
    case 'evidence':
      return setEvidenceLevel(core, edit.termId, edit.level)
  }
}
