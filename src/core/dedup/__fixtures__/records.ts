import { emptyRecord, type Author, type CitationRecord } from '../../records/record'

/** Fields a fixture sets; `authors` as `Family, Given` strings for readability. */
export type FixtureFields = Partial<Omit<CitationRecord, 'authors'>> & { authors?: string[] }

/** A citation record for tests: empty fields except the ones given. */
export function citation(fields: FixtureFields): CitationRecord {
  const { authors = [], ...rest } = fields
  const parsed: Author[] = authors.map((name) => {
    const [family = '', given = ''] = name.split(',').map((part) => part.trim())
    return { family, given }
  })
  return { ...emptyRecord(), ...rest, authors: parsed }
}

/** A journal article as PubMed exports it: the base most trap fixtures vary. */
export const pubmedArticle: FixtureFields = {
  title: 'Effect of intensive glucose lowering on coronary microvascular function in type 2 diabetes',
  authors: ['Müller, Anna', 'Okafor, Chidi', 'Lindqvist, Erik'],
  year: 2017,
  journal: 'Diabetes Care',
  volume: '40',
  issue: '3',
  pages: '412-419',
  doi: '10.2337/dc16-1234',
  pmid: '28100001',
  source: 'PubMed',
}
