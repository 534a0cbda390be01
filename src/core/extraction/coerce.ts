/**
 * Input coercion for extraction values. Form inputs hand over strings ('' for an empty box, '12', 'yes'), number
 * inputs may hand over NaN, stored values are numbers and booleans; every path ends in the stored representation
 * where "not entered" is `null`.
 */

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

/** Whether an input is empty: nothing, blank text or NaN (an empty `valueAsNumber` input). */
export function isEmptyInput(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (typeof value === 'number' && Number.isNaN(value))
  )
}

/**
 * A number from an input: numbers pass, numeric text is read (a decimal comma is accepted because reviewers copy
 * from European papers), empty input is `null`. Anything else is returned as is so the schema reports it.
 */
export function toNumberInput(value: unknown): unknown {
  if (isEmptyInput(value)) return null
  if (typeof value !== 'string') return value
  const text = value.trim().replace(/^([-+]?\d*),(\d+)$/, '$1.$2')
  return numberPattern.test(text) ? Number(text) : value
}

/** Text from an input: empty input is '' (text inputs are never null so they stay controlled). */
export function toTextInput(value: unknown): unknown {
  if (value === undefined || value === null) return ''
  return value
}

/** A yes/no answer: booleans pass; 'yes'/'no'/'true'/'false' (radio values) are read; empty input is `null`. */
export function toYesNoInput(value: unknown): unknown {
  if (isEmptyInput(value)) return null
  if (typeof value !== 'string') return value
  const text = value.trim().toLowerCase()
  if (text === 'yes' || text === 'true') return true
  if (text === 'no' || text === 'false') return false
  return value
}

/** A single choice: empty input is `null`. */
export function toChoiceInput(value: unknown): unknown {
  return isEmptyInput(value) ? null : value
}

/** A list of choices: empty input is `[]`, one bare choice becomes a list of one. */
export function toChoicesInput(value: unknown): unknown {
  if (isEmptyInput(value)) return []
  return typeof value === 'string' ? [value] : value
}

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** Whether text is a real date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (no 2023-02-30). */
export function isPartialDate(text: string): boolean {
  const match = datePattern.exec(text)
  if (!match) return false
  const year = Number(match[1])
  if (match[2] === undefined) return true
  const month = Number(match[2])
  if (month < 1 || month > 12) return false
  if (match[3] === undefined) return true
  const day = Number(match[3])
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day >= 1 && day <= daysInMonth
}
