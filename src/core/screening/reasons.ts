/**
 * The full-text exclusion reasons a new project starts with, roughly in the order reviewers reach for them
 * (keys 1–9 pick the first nine). Projects edit their own copy; these are only defaults. PRISMA 2020 counts
 * full-text exclusions by reason, and "Full text unavailable" may be shown as "reports not retrieved".
 */
export const defaultFullTextExclusionReasons: readonly string[] = Object.freeze([
  'Wrong population',
  'Wrong intervention',
  'Wrong comparator',
  'Wrong outcome',
  'Wrong study design',
  'No outcome data',
  'Duplicate publication',
  'Full text unavailable',
  'Not in English (other language)',
  'Conference abstract only',
])

/** A fresh, editable copy of the default reasons for a new project. */
export function defaultExclusionReasons(): string[] {
  return [...defaultFullTextExclusionReasons]
}
