import blankTemplate from '../../../../../resources/taxonomies/blank.json'
import netlmTemplate from '../../../../../resources/taxonomies/netlm.json'
import { parseTemplate, type TaxonomyTemplate } from '../../../../core/tagging/taxonomy-json'

/** The taxonomy templates shipped in resources/, parsed (and so checked) like an imported file. */
export function taxonomyTemplates(): TaxonomyTemplate[] {
  return [netlmTemplate, blankTemplate].flatMap((raw) => {
    const parsed = parseTemplate(raw)
    return parsed.ok ? [parsed.value] : []
  })
}
