import { designIds, designLabels, isDesignId, type DesignId } from '../tagging/design'

/** Short singular and plural names for the design mix ("12 case series, 1 RCT"). */
const shortNames: Readonly<Record<DesignId, readonly [string, string]>> = {
  'sr-ma': ['systematic review / meta-analysis', 'systematic reviews / meta-analyses'],
  rct: ['RCT', 'RCTs'],
  'non-randomised-controlled': ['non-randomised controlled study', 'non-randomised controlled studies'],
  'prospective-cohort': ['prospective cohort', 'prospective cohorts'],
  'retrospective-cohort': ['retrospective cohort', 'retrospective cohorts'],
  'case-control': ['case-control study', 'case-control studies'],
  'case-series': ['case series', 'case series'],
  'case-report': ['case report', 'case reports'],
  'narrative-review': ['narrative review', 'narrative reviews'],
  guideline: ['guideline', 'guidelines'],
  other: ['other publication', 'other publications'],
}

/** The design id a design string names: the id itself or its default label (any case); null for custom designs. */
export function designIdOf(design: string): DesignId | null {
  const text = design.trim().toLowerCase()
  if (isDesignId(text)) return text
  return designIds.find((id) => designLabels[id].toLowerCase() === text) ?? null
}

/** Strength rank for sorting (strongest first); custom designs after the known ones. */
export function designRank(design: string): number {
  const id = designIdOf(design)
  return id === null ? designIds.length : designIds.indexOf(id)
}

/** "13 case series", "1 RCT"; a custom design label is used as it is. */
export function designCountPhrase(design: string, count: number): string {
  const id = designIdOf(design)
  const name = id === null ? design.trim() : shortNames[id][count === 1 ? 0 : 1]
  return `${count} ${name}`
}

/**
 * One name per design so that a design id ("rct") and its default label ("Randomised controlled trial") group together: a design id or
 * default label becomes the default label; a custom (renamed) label stays as it is.
 */
export function canonicalDesign(design: string): string {
  const id = designIdOf(design)
  return id === null ? design.trim() : designLabels[id]
}
