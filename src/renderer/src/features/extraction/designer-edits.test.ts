import { describe, expect, it } from 'vitest'

import type { FormSection } from '../../../../core/extraction/form'
import {
  addSection,
  monthsOf,
  removeSection,
  renameSection,
  timepointsFromText,
  timepointsText,
  withHelp,
} from './designer-edits'

const sections: FormSection[] = [{ id: 'study', label: 'Study', fields: [] }]

describe('designer edits', () => {
  it('adds a section with a unique id, renames it and removes it', () => {
    const added = addSection(addSection(sections, 'Study '), 'Study')
    expect(added.map((s) => [s.id, s.label])).toEqual([
      ['study', 'Study'],
      ['study_2', 'Study'],
      ['study_3', 'Study'],
    ])
    expect(renameSection(added, 'study_2', 'Outcomes')[1]?.label).toBe('Outcomes')
    expect(removeSection(added, 'study').map((s) => s.id)).toEqual(['study_2', 'study_3'])
  })

  it('sets help text and drops it when blank', () => {
    const field = { id: 'n', label: 'N', type: 'integer' as const }
    expect(withHelp(field, 'All patients')).toEqual({ ...field, help: 'All patients' })
    expect(withHelp({ ...field, help: 'x' }, ' ')).toEqual(field)
  })

  it('reads months from timepoint labels', () => {
    expect(monthsOf('5 years')).toBe(60)
    expect(monthsOf('6-month')).toBe(6)
    expect(monthsOf('30 days')).toBe(0.99)
    expect(monthsOf('end of treatment')).toBeUndefined()
  })

  it('keeps existing timepoints (and their ids) by label and adds new ones', () => {
    const existing = [
      { id: 'y1', label: '1 year', months: 12 },
      { id: 'y5', label: '5 years', months: 60 },
    ]
    const next = timepointsFromText('1 year, 3 years, 5 Years, 3 years', existing)
    expect(next).toEqual([existing[0], { id: 'f_3_years', label: '3 years', months: 36 }, existing[1]])
    expect(timepointsText(next)).toBe('1 year, 3 years, 5 years')
  })
})
