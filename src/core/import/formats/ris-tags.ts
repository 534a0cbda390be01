import type { TagMap } from '../draft'

/**
 * RIS tag → field map, as data. Covers the RIS spec plus dialects seen in real exports: Ovid and EBSCOhost use
 * `T1`/`A1`/`N2`/`JF`/`Y1`; Scopus and Zotero use `T2` for the journal and `J2` for its abbreviation; Google
 * Scholar uses `JO`; EndNote puts the journal in `T2` or `JF`/`JO`; WoS RIS adds `J9`/`JI`. Tags not listed here
 * are kept verbatim in `raw`.
 */
export const risTags: TagMap = {
  TI: 'title',
  T1: 'title',
  CT: 'title',
  AU: 'author',
  A1: 'author',
  AB: 'abstract',
  N2: 'abstract',
  PY: 'year',
  Y1: 'year',
  DA: 'date',
  T2: 'journal',
  JF: 'journal',
  JO: 'journal',
  JA: 'journalAbbrev',
  J2: 'journalAbbrev',
  J1: 'journalAbbrev',
  JI: 'journalAbbrev',
  J9: 'journalAbbrev',
  VL: 'volume',
  IS: 'issue',
  SP: 'startPage',
  EP: 'endPage',
  DO: 'doi',
  DI: 'doi',
  M3: 'doiMaybe',
  // EBSCOhost puts the DOI in L3.
  L3: 'doiMaybe',
  // WoS RIS writes the PubMed id in PM; Zotero and EndNote put the PMCID in C2 (other C2 values stay in raw).
  PM: 'pmid',
  C2: 'pmcidMaybe',
  SN: 'issn',
  KW: 'keyword',
  UR: 'url',
  L1: 'url',
  L2: 'url',
  LK: 'url',
  LA: 'language',
}
