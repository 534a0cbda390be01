import { formFields, outcomeTimepoints, type ExtractionForm, type FormField } from './form'
import { cellNumberKeys, isRecord, readArms, type ArmValue, type ExtractionValues } from './values'

/** How two values of a slot are compared (see `compare.ts`). */
export type SlotKind = 'number' | 'text' | 'choice' | 'choices' | 'boolean'

/**
 * One comparable leaf of an extraction: a scalar field, one part of a proportion, one property of an arm, one
 * part of an outcome cell. `read` takes it out of one side's values; `write` puts a value into the values being
 * built. Arms are addressed by a pairing key (see `pairArms`) because two reviewers give their arms different ids.
 */
export type Slot = {
  path: string
  label: string
  kind: SlotKind
  read: (values: Readonly<Record<string, unknown>>, side: 'a' | 'b') => unknown
  write: (values: ExtractionValues, value: unknown) => void
}

/** Two reviewers' versions of one arm; `key` is the arm id in the consensus (a's id when a has the arm). */
export type ArmPair = { key: string; a?: ArmValue; b?: ArmValue }

const normalLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Pair the arms of two extractions: same label (ignoring case and spacing) first, then the rest by position.
 * The result is in a's order followed by b's unpaired arms.
 */
export function pairArms(armsA: readonly ArmValue[], armsB: readonly ArmValue[]): ArmPair[] {
  const unpairedB = new Set(armsB.map((_, index) => index))
  const partner = new Map<number, number>()
  armsA.forEach((arm, indexA) => {
    const label = normalLabel(arm.label)
    if (label === '') return
    const match = [...unpairedB].find((indexB) => normalLabel(armsB[indexB]?.label ?? '') === label)
    if (match !== undefined) {
      partner.set(indexA, match)
      unpairedB.delete(match)
    }
  })
  armsA.forEach((_, indexA) => {
    if (partner.has(indexA)) return
    const [next] = unpairedB
    if (next !== undefined) {
      partner.set(indexA, next)
      unpairedB.delete(next)
    }
  })
  const pairs: ArmPair[] = armsA.map((a, indexA) => {
    const indexB = partner.get(indexA)
    return { key: a.id, a, b: indexB === undefined ? undefined : armsB[indexB] }
  })
  const keys = new Set(pairs.map((pair) => pair.key))
  for (const indexB of unpairedB) {
    const b = armsB[indexB]
    if (b === undefined) continue
    let key = b.id
    for (let copy = 2; keys.has(key); copy += 1) key = `${b.id}-${copy}`
    keys.add(key)
    pairs.push({ key, b })
  }
  return pairs
}

function child(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined
}

function fieldSlots(field: FormField): Slot[] {
  const kind: SlotKind | undefined =
    field.type === 'integer' || field.type === 'number' || field.type === 'percent'
      ? 'number'
      : field.type === 'text' || field.type === 'longText' || field.type === 'date'
        ? 'text'
        : field.type === 'select'
          ? 'choice'
          : field.type === 'multiSelect'
            ? 'choices'
            : field.type === 'yesNo'
              ? 'boolean'
              : undefined
  if (kind !== undefined) {
    const write = (values: ExtractionValues, value: unknown) => {
      values[field.id] = value as ExtractionValues[string]
    }
    return [{ path: field.id, label: field.label, kind, read: (values) => values[field.id], write }]
  }
  if (field.type !== 'proportion') return []
  return (['events', 'total'] as const).map((part) => ({
    path: `${field.id}.${part}`,
    label: `${field.label} › ${part}`,
    kind: 'number',
    read: (values) => child(values[field.id], part),
    write: (values, value) => {
      const current = values[field.id]
      const proportion = isRecord(current) ? current : { events: null, total: null }
      values[field.id] = { ...proportion, [part]: value ?? null } as ExtractionValues[string]
    },
  }))
}

const armParts = [
  { part: 'label', label: 'label', kind: 'choice' },
  { part: 'modality', label: 'modality', kind: 'choice' },
  { part: 'technique', label: 'technique or agent', kind: 'text' },
  { part: 'n', label: 'n', kind: 'number' },
] as const

function armSlots(armsId: string, pairs: readonly ArmPair[]): Slot[] {
  return pairs.flatMap((pair, index) => {
    const name = pair.a?.label.trim() || pair.b?.label.trim() || `Arm ${index + 1}`
    return armParts.map(({ part, label, kind }) => ({
      path: `${armsId}.${pair.key}.${part}`,
      label: `${name} › ${label}`,
      kind,
      read: (_values, side) => pair[side]?.[part],
      write: (values, value) => {
        const arms = Array.isArray(values[armsId]) ? readArms(values[armsId]) : []
        let arm = arms.find((candidate) => candidate.id === pair.key)
        if (arm === undefined) {
          arm = { id: pair.key, label: '', modality: '', technique: '', n: null }
          arms.push(arm)
        }
        values[armsId] = arms.map((candidate) =>
          candidate.id === pair.key
            ? { ...candidate, [part]: value ?? (part === 'n' ? null : '') }
            : candidate,
        )
      },
    }))
  })
}

function gridSlots(form: ExtractionForm, pairs: readonly ArmPair[]): Slot[] {
  const slots: Slot[] = []
  for (const grid of formFields(form)) {
    if (grid.type !== 'outcomeGrid') continue
    for (const pair of pairs) {
      const name = pair.a?.label.trim() || pair.b?.label.trim() || pair.key
      for (const outcome of grid.outcomes) {
        for (const timepoint of outcomeTimepoints(outcome)) {
          const at = timepoint.label === '' ? '' : ` › ${timepoint.label}`
          for (const part of [...cellNumberKeys, 'criteria'] as const) {
            slots.push({
              path: `${grid.id}.${pair.key}.${outcome.id}.${timepoint.id}.${part}`,
              label: `${name} › ${outcome.label}${at} › ${part}`,
              kind: part === 'criteria' ? 'choice' : 'number',
              read: (values, side) => {
                const armId = pair[side]?.id
                if (armId === undefined) return undefined
                return child(child(child(child(values[grid.id], armId), outcome.id), timepoint.id), part)
              },
              write: (values, value) => {
                const gridValue = (isRecord(values[grid.id]) ? values[grid.id] : {}) as Record<
                  string,
                  unknown
                >
                const byOutcome = (isRecord(gridValue[pair.key]) ? gridValue[pair.key] : {}) as Record<
                  string,
                  unknown
                >
                const byTimepoint = (isRecord(byOutcome[outcome.id]) ? byOutcome[outcome.id] : {}) as Record<
                  string,
                  unknown
                >
                const cell = isRecord(byTimepoint[timepoint.id]) ? byTimepoint[timepoint.id] : {}
                values[grid.id] = {
                  ...gridValue,
                  [pair.key]: {
                    ...byOutcome,
                    [outcome.id]: { ...byTimepoint, [timepoint.id]: { ...(cell as object), [part]: value } },
                  },
                } as ExtractionValues[string]
              },
            })
          }
        }
      }
    }
  }
  return slots
}

/**
 * Every comparable leaf of a form for two extractions, in form order (fields, then each arm's properties, then
 * outcome cells arm by arm), with the arm pairing used.
 */
export function extractionSlots(
  form: ExtractionForm,
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): { slots: Slot[]; pairs: ArmPair[] } {
  const armsDefinition = formFields(form).find((field) => field.type === 'arms')
  const pairs = armsDefinition ? pairArms(readArms(a[armsDefinition.id]), readArms(b[armsDefinition.id])) : []
  const slots = formFields(form).flatMap((field) => {
    if (field.type === 'arms') return armSlots(field.id, pairs)
    if (field.type === 'outcomeGrid') return []
    return fieldSlots(field)
  })
  return { slots: [...slots, ...gridSlots(form, pairs)], pairs }
}
