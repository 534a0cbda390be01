/**
 * The study designs the classifier can suggest, strongest evidence first. They are the term ids of the generic
 * design taxonomy in `resources/taxonomies/*.json`; a project may rename those terms (labels) but suggestions
 * always use these ids.
 */
export const designIds = [
  'sr-ma',
  'rct',
  'non-randomised-controlled',
  'prospective-cohort',
  'retrospective-cohort',
  'case-control',
  'case-series',
  'case-report',
  'narrative-review',
  'guideline',
  'other',
] as const

/** A study design id (see `designIds`). */
export type DesignId = (typeof designIds)[number]

/** Default labels, as in the design taxonomy template. */
export const designLabels: Readonly<Record<DesignId, string>> = {
  'sr-ma': 'Systematic review / meta-analysis of RCTs',
  rct: 'Randomised controlled trial',
  'non-randomised-controlled': 'Non-randomised controlled study',
  'prospective-cohort': 'Prospective cohort',
  'retrospective-cohort': 'Retrospective cohort',
  'case-control': 'Case-control study',
  'case-series': 'Case series',
  'case-report': 'Case report',
  'narrative-review': 'Narrative review',
  guideline: 'Guideline / consensus',
  other: 'Other (editorial, letter, comment)',
}

/** True when `value` is one of the classifier's design ids. */
export function isDesignId(value: string): value is DesignId {
  return (designIds as readonly string[]).includes(value)
}
