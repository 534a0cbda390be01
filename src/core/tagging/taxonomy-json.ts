import { cleanSynonyms, type Taxonomy, type TaxonomyKind, type TaxonomyTerm } from './taxonomy'

/** The `format` marker written into exported taxonomy files, so a wrong file is recognised as such. */
export const taxonomyFormat = 'sift-taxonomy'
/** The `format` marker of template files (a modality and a design taxonomy together). */
export const templateFormat = 'sift-taxonomy-template'

/** A starting point for a project: its modality and study-design taxonomies. */
export type TaxonomyTemplate = {
  id: string
  name: string
  description: string
  modality: Taxonomy
  design: Taxonomy
}

/** Parsed value or a message the user can act on; parsing never throws. */
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: string }

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(fields: Fields, key: string, where: string): string {
  const value = fields[key]
  if (typeof value !== 'string' || value.trim() === '')
    throw new TaxonomyJsonError(`${where}: "${key}" must be a non-empty text.`)
  return value.trim()
}

/** Internal signal for the first problem found; converted to an error outcome at the public boundary. */
class TaxonomyJsonError extends Error {}

function parseTerm(value: unknown, index: number, kind: TaxonomyKind): TaxonomyTerm {
  const where = `term ${index + 1}`
  if (!isObject(value)) throw new TaxonomyJsonError(`${where} is not an object.`)
  const id = text(value, 'id', where)
  const label = text(value, 'label', `${where} (${id})`)
  const synonyms = value.synonyms ?? []
  if (!Array.isArray(synonyms) || synonyms.some((synonym) => typeof synonym !== 'string'))
    throw new TaxonomyJsonError(`${where} (${id}): "synonyms" must be a list of texts.`)
  const parentId = value.parentId ?? null
  if (parentId !== null && typeof parentId !== 'string')
    throw new TaxonomyJsonError(`${where} (${id}): "parentId" must be a term id or null.`)
  const order = value.order ?? index
  if (typeof order !== 'number' || !Number.isFinite(order))
    throw new TaxonomyJsonError(`${where} (${id}): "order" must be a number.`)
  const level = value.evidenceLevel
  if (level !== undefined && (typeof level !== 'number' || !Number.isInteger(level) || level < 1))
    throw new TaxonomyJsonError(
      `${where} (${id}): "evidenceLevel" must be a whole number from 1 (strongest).`,
    )
  if (level !== undefined && kind !== 'design')
    throw new TaxonomyJsonError(`${where} (${id}): only design terms have an evidence level.`)
  return {
    id,
    label,
    synonyms: cleanSynonyms(label, synonyms as string[]),
    parentId,
    order,
    ...(level === undefined ? {} : { evidenceLevel: level }),
  }
}

function checkTree(terms: TaxonomyTerm[]): void {
  const byId = new Map<string, TaxonomyTerm>()
  for (const term of terms) {
    if (byId.has(term.id)) throw new TaxonomyJsonError(`The term id "${term.id}" appears twice.`)
    byId.set(term.id, term)
  }
  for (const term of terms) {
    if (term.parentId !== null && !byId.has(term.parentId))
      throw new TaxonomyJsonError(
        `Term "${term.id}" is nested under "${term.parentId}", which does not exist.`,
      )
    // Walking up at most terms.length steps finds any cycle through this term.
    let current: TaxonomyTerm | undefined = term
    for (let steps = 0; current && current.parentId !== null; steps++) {
      if (steps > terms.length) throw new TaxonomyJsonError(`Term "${term.id}" is nested inside itself.`)
      current = byId.get(current.parentId)
    }
  }
}

function parseTaxonomyValue(value: unknown, where: string, expectedKind?: TaxonomyKind): Taxonomy {
  if (!isObject(value)) throw new TaxonomyJsonError(`${where} is not a taxonomy object.`)
  if (value.format !== undefined && value.format !== taxonomyFormat)
    throw new TaxonomyJsonError(`${where} is a ${JSON.stringify(value.format)} file, not a Sift taxonomy.`)
  const kind = value.kind
  if (kind !== 'modality' && kind !== 'design')
    throw new TaxonomyJsonError(`${where}: "kind" must be "modality" or "design".`)
  if (expectedKind && kind !== expectedKind)
    throw new TaxonomyJsonError(`${where}: expected a ${expectedKind} taxonomy, found a ${kind} taxonomy.`)
  if (!Array.isArray(value.terms)) throw new TaxonomyJsonError(`${where}: "terms" must be a list.`)
  const terms = value.terms.map((term, index) => parseTerm(term, index, kind))
  checkTree(terms)
  // Orders from a hand-edited file may have gaps or ties; keep file order for ties and renumber densely.
  const position = new Map(terms.map((term, index) => [term.id, index]))
  const orders = new Map<string, number>()
  const parents = new Set(terms.map((term) => term.parentId))
  for (const parent of parents) {
    terms
      .filter((term) => term.parentId === parent)
      .sort((a, b) => a.order - b.order || (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
      .forEach((term, order) => orders.set(term.id, order))
  }
  return {
    id: text(value, 'id', where),
    kind,
    name: text(value, 'name', where),
    terms: terms.map((term) => ({ ...term, order: orders.get(term.id) ?? 0 })),
  }
}

function guard<T>(parse: () => T): ParseOutcome<T> {
  try {
    return { ok: true, value: parse() }
  } catch (error) {
    if (error instanceof TaxonomyJsonError) return { ok: false, error: error.message }
    throw error
  }
}

function parseJsonText(source: string): unknown {
  try {
    return JSON.parse(source) as unknown
  } catch (error) {
    throw new TaxonomyJsonError(`The file is not valid JSON (${(error as Error).message}).`)
  }
}

/**
 * Checks an already-parsed value (e.g. an imported JSON module) as a taxonomy: kinds, unique ids, existing parents,
 * no cycles, evidence levels only on design terms. Orders are renumbered densely; synonyms are deduplicated.
 */
export function parseTaxonomy(value: unknown, expectedKind?: TaxonomyKind): ParseOutcome<Taxonomy> {
  return guard(() => parseTaxonomyValue(value, 'The taxonomy', expectedKind))
}

/** Parses an exported taxonomy file (see `taxonomyToJson`). Never throws; the error names the first problem. */
export function parseTaxonomyJson(source: string, expectedKind?: TaxonomyKind): ParseOutcome<Taxonomy> {
  return guard(() => parseTaxonomyValue(parseJsonText(source), 'The taxonomy', expectedKind))
}

/** Pretty-printed JSON of one taxonomy, with the format marker and version, for export and re-import. */
export function taxonomyToJson(taxonomy: Taxonomy): string {
  return `${JSON.stringify({ format: taxonomyFormat, version: 1, ...taxonomy }, null, 2)}\n`
}

function parseTemplateValue(value: unknown): TaxonomyTemplate {
  if (!isObject(value)) throw new TaxonomyJsonError('The template is not an object.')
  if (value.format !== templateFormat)
    throw new TaxonomyJsonError('The file is not a Sift taxonomy template.')
  const taxonomies = value.taxonomies
  if (!Array.isArray(taxonomies)) throw new TaxonomyJsonError('The template: "taxonomies" must be a list.')
  const parsed = taxonomies.map((each, index) => parseTaxonomyValue(each, `Taxonomy ${index + 1}`))
  const modality = parsed.find((taxonomy) => taxonomy.kind === 'modality')
  const design = parsed.find((taxonomy) => taxonomy.kind === 'design')
  if (!modality || !design)
    throw new TaxonomyJsonError('A template needs one modality and one design taxonomy.')
  return {
    id: text(value, 'id', 'The template'),
    name: text(value, 'name', 'The template'),
    description: typeof value.description === 'string' ? value.description : '',
    modality,
    design,
  }
}

/** Checks an already-parsed template (e.g. `resources/taxonomies/netlm.json` imported as a JSON module). */
export function parseTemplate(value: unknown): ParseOutcome<TaxonomyTemplate> {
  return guard(() => parseTemplateValue(value))
}

/** Parses template JSON text. Never throws. */
export function parseTemplateJson(source: string): ParseOutcome<TaxonomyTemplate> {
  return guard(() => parseTemplateValue(parseJsonText(source)))
}
