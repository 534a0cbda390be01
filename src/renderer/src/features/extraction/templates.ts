import blankTemplate from '../../../../../resources/forms/blank.json'
import netlmTemplate from '../../../../../resources/forms/netlm.json'
import type { ExtractionForm } from '../../../../core/extraction/form'
import { parseFormJson } from '../../../../core/extraction/form-parse'

export type FormTemplate = { key: 'netlm' | 'blank'; buttonLabel: string; form: ExtractionForm }

/** The form templates shipped in resources/forms, parsed (and so checked) like an imported form file. */
export function formTemplates(): FormTemplate[] {
  const templates = [
    { key: 'netlm', buttonLabel: 'Use NETLM form', raw: netlmTemplate },
    { key: 'blank', buttonLabel: 'Use blank form', raw: blankTemplate },
  ] as const
  return templates.flatMap(({ key, buttonLabel, raw }) => {
    const parsed = parseFormJson(JSON.stringify(raw))
    return parsed.ok ? [{ key, buttonLabel, form: parsed.form }] : []
  })
}
