import type { ExtractionForm } from '../form'

/** A small form with one field of every type, arms and a grid: the shared fixture of the extraction tests. */
export const testForm: ExtractionForm = {
  id: 'test',
  name: 'Test form',
  version: 1,
  sections: [
    {
      id: 'study',
      label: 'Study',
      fields: [
        { id: 'country', label: 'Country', type: 'text', maxLength: 20 },
        { id: 'notes', label: 'Notes', type: 'longText' },
        { id: 'n_patients', label: 'Number of patients', type: 'integer', min: 1, required: true },
        { id: 'age', label: 'Mean age', type: 'number', unit: 'years', min: 0, max: 120 },
        { id: 'male', label: 'Male', type: 'percent' },
        { id: 'functional', label: 'Functional tumours', type: 'proportion' },
        {
          id: 'design',
          label: 'Study design',
          type: 'select',
          required: true,
          options: [
            { value: 'rct', label: 'Randomised controlled trial' },
            { value: 'case-series', label: 'Case series' },
          ],
        },
        {
          id: 'site',
          label: 'Primary site',
          type: 'multiSelect',
          options: [
            { value: 'pancreas', label: 'Pancreas' },
            { value: 'small-intestine', label: 'Small intestine' },
          ],
        },
        { id: 'multicentre', label: 'Multicentre', type: 'yesNo' },
        { id: 'start', label: 'Study period from', type: 'date' },
      ],
    },
    {
      id: 'arms-section',
      label: 'Arms',
      fields: [{ id: 'arms', label: 'Arms', type: 'arms', studyTotalFieldId: 'n_patients', required: true }],
    },
    {
      id: 'outcomes-section',
      label: 'Outcomes',
      fields: [
        {
          id: 'outcomes',
          label: 'Outcomes',
          type: 'outcomeGrid',
          outcomes: [
            {
              id: 'response',
              label: 'Objective response',
              kind: 'proportion',
              unit: '%',
              hasResponseCounts: true,
              criteria: [
                { value: 'recist-1.1', label: 'RECIST 1.1' },
                { value: 'mrecist', label: 'mRECIST' },
              ],
            },
            { id: 'median_os', label: 'Median OS', kind: 'time-to-event-median', unit: 'months' },
            {
              id: 'median_pfs',
              label: 'Median PFS',
              kind: 'time-to-event-median',
              unit: 'months',
              atMost: 'median_os',
            },
            {
              id: 'os',
              label: 'Overall survival',
              kind: 'rate-at-timepoint',
              unit: '%',
              trend: 'non-increasing',
              timepoints: [
                { id: 'y5', label: '5 years', months: 60 },
                { id: 'y10', label: '10 years', months: 120 },
              ],
            },
            { id: 'complications', label: 'Complications', kind: 'count' },
          ],
        },
      ],
    },
  ],
}
