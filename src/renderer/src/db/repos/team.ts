import type { EntityTable, IDType } from 'dexie'

import {
  buildReviewerFile,
  recordFingerprint,
  type FingerprintedRecord,
  type ReviewerFile,
} from '../../../../core/screening/reviewer-file'
import { mapIncomingRecordIds } from '../../../../core/screening/merge'
import { compareDecisions, compareTimestamps, latestDecisions } from '../../../../core/screening/status'
import type { SiftDb } from '../db'
import type { Decision, Extraction, Resolution, StoredRecord } from '../schema'
import { decisionId } from './decisions'
import { appendEvent } from './events'
import { consensusReviewerId, mergeTeammateExtractions } from './extractions'
import type { ReviewerProfile } from './reviewers'

export type TeamImportResult = {
  reviewer: string
  decisionsAdded: number
  resolutionsAdded: number
  /** Extractions that were new here or newer than this machine's of the same record and reviewer. */
  extractionsAdded: number
  /** Form versions the teammate's extractions use that this project did not have. */
  formsAdded: number
  unmatchedRecords: number
}

async function fingerprints(db: SiftDb, projectId: string): Promise<FingerprintedRecord[]> {
  const records = await db.records.where('projectId').equals(projectId).toArray()
  return records.map((record) => ({ id: record.id, fingerprint: recordFingerprint(record) }))
}

/** Above this many incoming records one pass over the project is cheaper than a few index lookups per record. */
const lookupLimit = 1_000

/**
 * The local records that can match a teammate's records: those sharing an id, a DOI, a PMID or a title key with
 * one of them, found through the indexes. Every local record with the same fingerprint as an incoming one is among
 * them (fingerprints are built from exactly these stored fields), so matching on this subset gives the same result
 * as on the whole project, at a cost that grows with the incoming work instead of the project (live sync sends a
 * few events at a time into projects of 100,000 records). The lookups are all asked at once in one read
 * transaction: IndexedDB answers them in turn, each answer a short task of its own, without a round trip between
 * them.
 */
async function candidateFingerprints(
  db: SiftDb,
  projectId: string,
  incoming: readonly FingerprintedRecord[],
): Promise<FingerprintedRecord[]> {
  if (incoming.length > lookupLimit) return fingerprints(db, projectId)
  const found = new Map<string, StoredRecord>()
  const keep = (rows: readonly (StoredRecord | undefined)[]) => {
    for (const row of rows) if (row && row.projectId === projectId) found.set(row.id, row)
  }
  const byIndex = (fingerprint: string) => {
    const [kind, value = ''] = splitFingerprint(fingerprint)
    if (kind === 'doi') return db.records.where('[projectId+doi]').equals([projectId, value])
    if (kind === 'pmid') return db.records.where('[projectId+pmid]').equals([projectId, value])
    if (kind === 'title') {
      const titleKey = value.slice(0, value.lastIndexOf('|'))
      return db.records.where('[projectId+titleKey]').equals([projectId, titleKey])
    }
    return null
  }
  await db.transaction('r', db.records, () =>
    Promise.all([
      db.records.bulkGet(incoming.map((record) => record.id)).then(keep),
      ...[...new Set(incoming.map((record) => record.fingerprint))].map((fingerprint) =>
        byIndex(fingerprint)?.toArray().then(keep),
      ),
    ]),
  )
  return [...found.values()].map((record) => ({ id: record.id, fingerprint: recordFingerprint(record) }))
}

function splitFingerprint(fingerprint: string): [string, string] {
  const colon = fingerprint.indexOf(':')
  return colon < 0 ? ['', ''] : [fingerprint.slice(0, colon), fingerprint.slice(colon + 1)]
}

/**
 * Writes each incoming row that is newer than the row stored under its id, and than any earlier incoming row with
 * that id (on a tie the row already there stays). One bulk read and one bulk write for the whole batch, so a
 * teammate's first sync of 10,000 decisions is not 20,000 separate steps. Returns how many rows were written.
 */
async function storeNewer<Row extends { id: string }>(
  table: EntityTable<Row, 'id'>,
  incoming: readonly Row[],
  compare: (a: Row, b: Row) => number,
): Promise<number> {
  const current = new Map<string, Row>()
  for (const row of await table.bulkGet(incoming.map((row) => row.id as IDType<Row, 'id'>)))
    if (row) current.set(row.id, row)
  const newer = new Map<string, Row>()
  for (const row of incoming) {
    const existing = current.get(row.id)
    if (existing && compare(existing, row) >= 0) continue
    current.set(row.id, row)
    newer.set(row.id, row)
  }
  await table.bulkPut([...newer.values()])
  return newer.size
}

/** Team work without a server: a reviewer's work travels as a file, and merging it loses nothing. */
export function createTeamRepo(db: SiftDb) {
  return {
    /**
     * The reviewer's own decisions, resolutions and extractions (with the form versions they use), with record
     * fingerprints so a teammate can match them.
     */
    async exportWork(projectId: string, reviewer: ReviewerProfile): Promise<ReviewerFile> {
      const project = await db.projects.get(projectId)
      const decisions = await db.decisions.where('projectId').equals(projectId).toArray()
      const resolutions = await db.resolutions.where('projectId').equals(projectId).toArray()
      const extractions = await db.extractions.where('projectId').equals(projectId).toArray()
      const forms = await db.extractionForms.where('projectId').equals(projectId).toArray()
      return buildReviewerFile({
        projectName: project?.name ?? '',
        reviewer,
        exportedAt: new Date().toISOString(),
        decisions: decisions.filter((decision) => decision.reviewerId === reviewer.id).map(stripRow),
        resolutions: resolutions.filter((resolution) => resolution.resolvedBy === reviewer.id).map(stripRow),
        records: await fingerprints(db, projectId),
        extractions: extractions
          .filter((row) => row.reviewerId === reviewer.id && row.reviewerId !== consensusReviewerId)
          .map(stripRow),
        forms: forms.map(({ formId, version, definition }) => ({ formId, version, definition })),
      })
    },

    /**
     * Merges a teammate's file: their decisions are matched to local records by DOI, PMID or title and year, and
     * kept where newer than what this machine has for the same record, stage and reviewer; so are their
     * extractions (per record and reviewer, with their outcome rows and any form version missing here).
     * Idempotent.
     */
    async importWork(projectId: string, file: ReviewerFile): Promise<TeamImportResult> {
      const mapped = mapIncomingRecordIds(file, await candidateFingerprints(db, projectId, file.records))
      const tables = [
        db.decisions,
        db.resolutions,
        db.reviewers,
        db.events,
        db.extractionForms,
        db.extractions,
        db.outcomes,
      ]
      return db.transaction('rw', tables, async () => {
        const decisionsAdded = await storeNewer(
          db.decisions,
          latestDecisions(mapped.decisions).map((incoming) => ({
            ...incoming,
            id: decisionId(incoming.recordId, incoming.stage, incoming.reviewerId),
            projectId,
          })),
          compareDecisions,
        )
        const resolutionsAdded = await storeNewer(
          db.resolutions,
          mapped.resolutions.map((incoming) => ({
            ...incoming,
            id: `${incoming.recordId}:${incoming.stage}`,
            projectId,
          })),
          (a, b) => compareTimestamps(a.resolvedAt, b.resolvedAt),
        )
        const { formsAdded, extractionsAdded } = await mergeTeammateExtractions(
          db,
          projectId,
          file.forms ?? [],
          mapped.extractions,
          file.reviewer.id,
        )
        const reviewerRow = `${projectId}:${file.reviewer.id}`
        if (!(await db.reviewers.get(reviewerRow))) {
          await db.reviewers.put({ id: reviewerRow, projectId, name: file.reviewer.name, isLocal: false })
        }
        const result = {
          reviewer: file.reviewer.name,
          decisionsAdded,
          resolutionsAdded,
          extractionsAdded,
          formsAdded,
          unmatchedRecords: mapped.unmatched,
        }
        await appendEvent(db, {
          projectId,
          type: 'team.import-work',
          entity: 'reviewer',
          entityId: file.reviewer.id,
          after: { ...result, exportedAt: file.exportedAt },
        })
        return result
      })
    },
  }
}

function stripRow<T extends Decision | Resolution | Extraction>(row: T): Omit<T, 'id' | 'projectId'> {
  const { id: _id, projectId: _projectId, ...rest } = row
  return rest
}
