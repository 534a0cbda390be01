import { toNumberInput } from './coerce'
import type { ExtractionForm } from './form'
import { extractionSlots, type SlotKind } from './slots'
import { cloneValue, emptyValues, isFilled, numberOrNull, type ExtractionValues } from './values'

/**
 * A value the two reviewers disagree on. `path` names it: `fieldId`, `fieldId.events`, `arms.<armKey>.n`,
 * `outcomes.<armKey>.<outcomeId>.<timepointId>.<part>`; `armKey` is reviewer a's arm id (b's for an arm only b
 * entered). `label` is readable ("TACE › Objective tumour response › events").
 */
export type ExtractionDifference = { path: string; label: string; a: unknown; b: unknown }

/** How a disagreement is settled: take a's value, b's value, or a value the reviewers agreed on. */
export type ReconcileChoice = 'a' | 'b' | { custom: unknown }

/** The consensus values and the disagreements no choice settled (those are left empty). */
export type ReconcileResult = { values: ExtractionValues; unresolved: string[] }

/** Numbers closer than this are equal: 1/3 typed as 0.333333333333 and computed as 1/3 should not disagree. */
const tolerance = 1e-9

function normalText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

function isSame(kind: SlotKind, a: unknown, b: unknown): boolean {
  switch (kind) {
    case 'number': {
      const x = numberOrNull(toNumberInput(a))
      const y = numberOrNull(toNumberInput(b))
      return x === null || y === null
        ? x === y
        : Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y))
    }
    case 'text':
      return normalText(a) === normalText(b)
    case 'choice':
      return normalText(a).toLowerCase() === normalText(b).toLowerCase()
    case 'choices': {
      const set = (value: unknown) =>
        [...new Set((Array.isArray(value) ? value : []).map((item) => normalText(item).toLowerCase()))].sort()
      return set(a).join('\u0000') === set(b).join('\u0000')
    }
    case 'boolean':
      return (typeof a === 'boolean' ? a : null) === (typeof b === 'boolean' ? b : null)
  }
}

/**
 * The values two reviewers extracted differently for one record, in form order. Numbers are equal within a
 * relative tolerance of 1e-9; text is compared trimmed; select values, arm labels, modalities and criteria are
 * compared trimmed and case-insensitively; multi-selects as sets. Empty (null, '', []) equals empty. Arms are
 * paired by label, then by position. Keys the form does not know (orphaned fields) are not compared.
 */
export function compareExtractions(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  form: ExtractionForm,
): ExtractionDifference[] {
  const { slots } = extractionSlots(form, a, b)
  return slots.flatMap((slot) => {
    const valueA = slot.read(a, 'a')
    const valueB = slot.read(b, 'b')
    if (!isFilled(valueA) && !isFilled(valueB)) return []
    return isSame(slot.kind, valueA, valueB)
      ? []
      : [{ path: slot.path, label: slot.label, a: valueA, b: valueB }]
  })
}

/**
 * The consensus of two extractions: agreed values are taken as they are (a's spelling), each disagreement as
 * `choices[path]` says. A disagreement without a choice stays empty and is listed in `unresolved`. A choice for
 * an agreed path overrides it too (an edit during the consensus meeting). The consensus arm ids are the pairing
 * keys, so its outcome cells line up with its arms. `a` and `b` are not modified.
 */
export function reconcile(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  choices: Readonly<Record<string, ReconcileChoice>>,
  form: ExtractionForm,
): ReconcileResult {
  const { slots } = extractionSlots(form, a, b)
  const values = emptyValues(form)
  const unresolved: string[] = []
  for (const slot of slots) {
    const valueA = slot.read(a, 'a')
    const valueB = slot.read(b, 'b')
    const choice = choices[slot.path]
    let value: unknown
    if (choice === 'a') value = valueA
    else if (choice === 'b') value = valueB
    else if (choice !== undefined) value = choice.custom
    else if (isSame(slot.kind, valueA, valueB)) value = valueA
    else {
      unresolved.push(slot.path)
      continue
    }
    // A copy keeps the consensus independent of the originals (arrays of a multi-select).
    if (isFilled(value)) slot.write(values, cloneValue(value))
  }
  return { values, unresolved }
}
