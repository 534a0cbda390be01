import type { SectionId } from '../../app/routes'

/** What each section will let the reviewer do; shown until the section's own page lands. */
export const sectionIntros: Record<SectionId, string> = {
  import:
    'Bring in citation exports from PubMed, Embase, Scopus, Web of Science, EBSCO, Ovid, Zotero, EndNote and more. ' +
    'Each file becomes an import batch you can inspect and undo.',
  records: 'Every record of the project: search, sort and export any selection as RIS or CSV.',
  deduplicate:
    'Find the same paper exported by several databases, review suggested duplicate clusters side by side and merge them.',
  screen:
    'Screen titles and abstracts, then full texts: include, exclude or maybe, with exclusion reasons, blinded pairs ' +
    'and conflict resolution.',
  tag: 'Tag included studies by treatment modality and study design, with suggestions that explain themselves.',
  extract:
    'Extract study characteristics and outcome data per arm and timepoint through the project’s forms.',
  summarise:
    'Evidence tables and summaries by modality and design, pooled rates, the PRISMA 2020 flow diagram, and CSV/RIS exports.',
  settings: 'Project settings: reviewers, taxonomies, extraction forms and backups.',
}
