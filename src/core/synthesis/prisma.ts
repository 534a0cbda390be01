import type { PrismaScreeningCounts } from '../screening/progress'

/** Records identified in one source database (summed over its import batches). */
export type SourceCount = { source: string; records: number }

export type PrismaInput = {
  /** Records per source database, in the order they should be listed. */
  sources: readonly SourceCount[]
  /** Records removed as duplicates before screening. */
  duplicatesRemoved: number
  /** Records removed before screening for other reasons (automation tools, ineligible by tool…); 0 by default. */
  otherRemoved?: number
  screening: PrismaScreeningCounts
  /** The full-text exclusion reason that means the report could not be retrieved. */
  notRetrievedReason?: string
}

/** Every number of the PRISMA 2020 flow diagram for new systematic reviews (databases and registers only). */
export type PrismaCounts = {
  sources: SourceCount[]
  recordsIdentified: number
  duplicatesRemoved: number
  otherRemoved: number
  recordsScreened: number
  recordsExcluded: number
  recordsAwaitingScreening: number
  reportsSought: number
  reportsNotRetrieved: number
  reportsAssessed: number
  /** Reports excluded after assessment (not counting those not retrieved), and by reason. */
  reportsExcluded: number
  reportsExcludedByReason: { reason: string; reports: number }[]
  reportsAwaitingClassification: number
  studiesIncluded: number
}

/** The exclusion reason Sift's default list uses for a full text that could not be obtained. */
export const defaultNotRetrievedReason = 'Full text unavailable'

/**
 * PRISMA 2020 counts from the project: records per source, duplicates removed and the screening outcome. A
 * full-text exclusion for "Full text unavailable" (or `notRetrievedReason`) is a report not retrieved, so it is
 * moved out of "reports assessed" and "reports excluded" into "reports not retrieved", as the PRISMA 2020
 * statement asks.
 */
export function prismaCounts(input: PrismaInput): PrismaCounts {
  const { screening } = input
  const notRetrievedReason = (input.notRetrievedReason ?? defaultNotRetrievedReason).trim().toLowerCase()
  let reportsNotRetrieved = 0
  const reportsExcludedByReason: { reason: string; reports: number }[] = []
  for (const [reason, reports] of Object.entries(screening.reportsExcludedByReason)) {
    if (reason.trim().toLowerCase() === notRetrievedReason) reportsNotRetrieved += reports
    else reportsExcludedByReason.push({ reason, reports })
  }
  return {
    sources: input.sources.map(({ source, records }) => ({ source, records })),
    recordsIdentified: input.sources.reduce((sum, { records }) => sum + records, 0),
    duplicatesRemoved: input.duplicatesRemoved,
    otherRemoved: input.otherRemoved ?? 0,
    recordsScreened: screening.recordsScreened,
    recordsExcluded: screening.recordsExcluded,
    recordsAwaitingScreening: screening.recordsAwaitingScreening,
    reportsSought: screening.reportsSought,
    reportsNotRetrieved,
    reportsAssessed: screening.reportsAssessed - reportsNotRetrieved,
    reportsExcluded: screening.reportsExcluded - reportsNotRetrieved,
    reportsExcludedByReason,
    reportsAwaitingClassification: screening.reportsAwaitingClassification,
    studiesIncluded: screening.included,
  }
}
