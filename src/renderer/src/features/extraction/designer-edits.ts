import type {
  FormField,
  FormSection,
  OutcomeDefinition,
  OutcomeKind,
  Timepoint,
} from '../../../../core/extraction/form'
import { fieldIdFor } from './designer-fields'

/**
 * Edits the form designer makes to the sections it holds before saving a version. Ids never change once made
 * (values are keyed by them); labels, help, kinds and timepoints may. Every result is checked as a whole form
 * when the version is saved (core `reviseForm`).
 */

/** A new empty section at the end, its id made from the name and unique among the sections. */
export function addSection(sections: readonly FormSection[], label: string): FormSection[] {
  const id = fieldIdFor(label, new Set(sections.map((section) => section.id)))
  return [...sections, { id, label: label.trim(), fields: [] }]
}

/** Renames a section (its id stays). */
export function renameSection(sections: readonly FormSection[], id: string, label: string): FormSection[] {
  return sections.map((section) => (section.id === id ? { ...section, label } : section))
}

/**
 * Removes a section with its fields. Values entered in those fields are not lost: opening an extraction under the
 * new version keeps them as values from an earlier version (core `migrateValues`).
 */
export function removeSection(sections: readonly FormSection[], id: string): FormSection[] {
  return sections.filter((section) => section.id !== id)
}

/** Changes one field of a section; `change` returning null removes it. */
export function updateField(
  sections: readonly FormSection[],
  sectionId: string,
  fieldId: string,
  change: (field: FormField) => FormField | null,
): FormSection[] {
  return sections.map((section) =>
    section.id !== sectionId
      ? section
      : {
          ...section,
          fields: section.fields.flatMap((field) => {
            if (field.id !== fieldId) return [field]
            const changed = change(field)
            return changed ? [changed] : []
          }),
        },
  )
}

/** A field with its help text set, or removed when blank. */
export function withHelp(field: FormField, help: string): FormField {
  if (help.trim() !== '') return { ...field, help }
  const { help: _help, ...rest } = field
  return rest
}

/** Changes the outcomes of an outcome grid field (other fields are returned unchanged). */
export function updateOutcomes(
  field: FormField,
  change: (outcomes: OutcomeDefinition[]) => OutcomeDefinition[],
): FormField {
  return field.type === 'outcomeGrid' ? { ...field, outcomes: change(field.outcomes) } : field
}

/** A new outcome with an id unique in its grid. */
export function newOutcome(
  outcomes: readonly OutcomeDefinition[],
  label: string,
  kind: OutcomeKind,
): OutcomeDefinition {
  const id = fieldIdFor(label, new Set(outcomes.map((outcome) => outcome.id)))
  return { id, label: label.trim(), kind }
}

const unitMonths: [RegExp, number][] = [
  [/^(y|yr|yrs|year|years)$/, 12],
  [/^(m|mo|mos|month|months)$/, 1],
  [/^(w|wk|wks|week|weeks)$/, 12 / 52],
  [/^(d|day|days)$/, 12 / 365],
]

/** The months a timepoint label like "5 years", "6 months" or "30 days" stands for; undefined when it names none. */
export function monthsOf(label: string): number | undefined {
  const match = /^(\d+(?:[.,]\d+)?)[\s-]*([a-z]+)/i.exec(label.trim())
  if (!match) return undefined
  const amount = Number((match[1] ?? '').replace(',', '.'))
  const unit = (match[2] ?? '').toLowerCase()
  const factor = unitMonths.find(([pattern]) => pattern.test(unit))?.[1]
  return factor === undefined ? undefined : Math.round(amount * factor * 100) / 100
}

/** Timepoint labels as the designer shows them: comma-separated. */
export function timepointsText(timepoints: readonly Timepoint[] | undefined): string {
  return (timepoints ?? []).map((timepoint) => timepoint.label).join(', ')
}

/**
 * Timepoints from comma-separated labels. A label an existing timepoint has keeps that timepoint (its id, so the
 * values entered at it stay); a new label gets a new id and the months its label names. Repeated labels count once.
 */
export function timepointsFromText(text: string, existing: readonly Timepoint[] | undefined): Timepoint[] {
  const labels = [...new Set(text.split(/[,;\n]/).map((label) => label.trim()))].filter(Boolean)
  const taken = new Set((existing ?? []).map((timepoint) => timepoint.id))
  return labels.map((label) => {
    const kept = existing?.find((timepoint) => timepoint.label.trim().toLowerCase() === label.toLowerCase())
    if (kept) return kept
    const id = fieldIdFor(label, taken)
    taken.add(id)
    const months = monthsOf(label)
    return months === undefined ? { id, label } : { id, label, months }
  })
}

/** An outcome with these timepoints; none means one cell per arm, so the key is dropped. */
export function withTimepoints(outcome: OutcomeDefinition, timepoints: Timepoint[]): OutcomeDefinition {
  if (timepoints.length > 0) return { ...outcome, timepoints }
  const { timepoints: _timepoints, ...rest } = outcome
  return rest
}
