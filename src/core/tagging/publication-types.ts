import type { DesignId } from './design'

/**
 * NLM publication types (PubMed `PT`, PubMed XML `<PublicationType>`, Embase/RIS exports that copy them) that
 * decide the design, lower-cased. Types that say nothing about design (Journal Article, Comparative Study,
 * Multicenter Study, Research Support…) are absent on purpose: the text classifier decides those records.
 */
const publicationTypeDesigns: ReadonlyMap<string, DesignId> = new Map([
  ['meta-analysis', 'sr-ma'],
  ['network meta-analysis', 'sr-ma'],
  ['systematic review', 'sr-ma'],
  ['randomized controlled trial', 'rct'],
  ['randomized controlled trial, veterinary', 'rct'],
  // NLM scope note: pragmatic trials are randomised by definition.
  ['pragmatic clinical trial', 'rct'],
  ['practice guideline', 'guideline'],
  ['guideline', 'guideline'],
  ['consensus development conference', 'guideline'],
  ['consensus development conference, nih', 'guideline'],
  ['case reports', 'case-report'],
  ['review', 'narrative-review'],
  ['scoping review', 'narrative-review'],
  // Indexers add "Randomized Controlled Trial" whenever a trial is randomised, so a trial type without it is not.
  ['controlled clinical trial', 'non-randomised-controlled'],
  ['clinical trial', 'non-randomised-controlled'],
  ['clinical trial, phase i', 'non-randomised-controlled'],
  ['clinical trial, phase ii', 'non-randomised-controlled'],
  ['clinical trial, phase iii', 'non-randomised-controlled'],
  ['clinical trial, phase iv', 'non-randomised-controlled'],
  ['clinical trial, veterinary', 'non-randomised-controlled'],
  ['equivalence trial', 'non-randomised-controlled'],
  ['observational study', 'prospective-cohort'],
  ['observational study, veterinary', 'prospective-cohort'],
  ['editorial', 'other'],
  ['letter', 'other'],
  ['comment', 'other'],
  ['news', 'other'],
  ['newspaper article', 'other'],
  ['biography', 'other'],
  ['historical article', 'other'],
  ['interview', 'other'],
  ['lecture', 'other'],
  ['published erratum', 'other'],
  ['retraction of publication', 'other'],
])

/**
 * Which design wins when a record carries several decisive types: a synthesis over its parts, an RCT over the
 * trial types, a case report over "Review" (case report with literature review), any research over a letter.
 */
const precedence: readonly DesignId[] = [
  'sr-ma',
  'rct',
  'guideline',
  'case-report',
  'narrative-review',
  'non-randomised-controlled',
  'prospective-cohort',
  'other',
]

/** The design the publication types decide and the types that decided it, or null when none is decisive. */
export function designFromPublicationTypes(
  publicationTypes: readonly string[],
): { design: DesignId; types: string[] } | null {
  const found = new Map<DesignId, string[]>()
  for (const type of publicationTypes) {
    const design = publicationTypeDesigns.get(type.trim().toLowerCase())
    if (design) found.set(design, [...(found.get(design) ?? []), type.trim()])
  }
  for (const design of precedence) {
    const types = found.get(design)
    if (types) return { design, types }
  }
  return null
}
