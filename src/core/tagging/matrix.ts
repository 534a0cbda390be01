/** One accepted tag: a record carries a term of a taxonomy. */
export type AcceptedTag = { recordId: string; taxonomyId: string; termId: string }

/** Record ids per (modality term, design term) cell; a record with two modalities counts in both rows. */
export type TagMatrix = Map<string, Map<string, string[]>>

/**
 * Cross-tabulates records by modality and design (accepted tags only). Rows are modality term ids, columns design
 * term ids; records lacking either tag are left out, since the matrix answers "what evidence per modality".
 */
export function modalityDesignMatrix(
  tags: readonly AcceptedTag[],
  modalityTaxonomyId: string,
  designTaxonomyId: string,
): TagMatrix {
  const modalities = new Map<string, string[]>()
  const designs = new Map<string, string[]>()
  for (const tag of tags) {
    const target =
      tag.taxonomyId === modalityTaxonomyId
        ? modalities
        : tag.taxonomyId === designTaxonomyId
          ? designs
          : null
    if (target) target.set(tag.recordId, [...(target.get(tag.recordId) ?? []), tag.termId])
  }
  const matrix: TagMatrix = new Map()
  for (const [recordId, modalityTerms] of modalities) {
    for (const modality of new Set(modalityTerms)) {
      for (const design of new Set(designs.get(recordId) ?? [])) {
        const row = matrix.get(modality) ?? new Map<string, string[]>()
        row.set(design, [...(row.get(design) ?? []), recordId])
        matrix.set(modality, row)
      }
    }
  }
  return matrix
}
