import type { CitationRecord } from '../../../core/records/record'
import type { SiftDb } from '../db/db'
import { createImportsRepo } from '../db/repos/imports'
import { createProjectsRepo } from '../db/repos/projects'

/**
 * For tests: a project named `name` in `db` with `records` imported as one RIS file from `source`. Returns the
 * project's id and its records' ids in the order they are stored.
 */
export async function projectWithRecords(
  db: SiftDb,
  name: string,
  records: CitationRecord[],
  source = 'PubMed',
): Promise<{ projectId: string; recordIds: string[] }> {
  const projectId = (await createProjectsRepo(db).create(name)).id
  await createImportsRepo(db).commitBatch({
    projectId,
    fileName: 'search.ris',
    hash: 'h',
    format: 'ris',
    encoding: 'utf-8',
    source,
    warningCount: 0,
    records,
  })
  const recordIds = await db.records.where('projectId').equals(projectId).primaryKeys()
  return { projectId, recordIds }
}
