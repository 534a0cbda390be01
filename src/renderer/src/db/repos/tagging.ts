import { newId } from '../../../../core/ids/ids'
import type { Taxonomy as CoreTaxonomy } from '../../../../core/tagging/taxonomy'
import type { SiftDb } from '../db'
import type { RecordTag, Taxonomy } from '../schema'
import { appendEvent } from './events'

export type TagChoice = {
  recordId: string
  taxonomyId: string
  termId: string
  source: RecordTag['source']
}

function recordTagId(recordId: string, taxonomyId: string, termId: string): string {
  return `${recordId}:${taxonomyId}:${termId}`
}

/** Modality and design taxonomies of a project, and the tags reviewers accept or reject on records. */
export function createTaggingRepo(db: SiftDb) {
  async function setTag(
    projectId: string,
    choice: TagChoice,
    confirmed: boolean,
    actor: string,
  ): Promise<void> {
    const row: RecordTag = {
      id: recordTagId(choice.recordId, choice.taxonomyId, choice.termId),
      projectId,
      recordId: choice.recordId,
      tagId: choice.termId,
      taxonomyId: choice.taxonomyId,
      source: choice.source,
      confirmed,
    }
    const before = (await db.recordTags.get(row.id)) ?? null
    await db.recordTags.put(row)
    await appendEvent(db, {
      projectId,
      actor,
      type: confirmed ? 'tag.accept' : 'tag.reject',
      entity: 'recordTag',
      entityId: row.id,
      before,
      after: row,
    })
  }

  return {
    /** Creates the project's modality and design taxonomies from a template (NETLM or blank). */
    async installTemplate(
      projectId: string,
      taxonomies: readonly CoreTaxonomy[],
      actor: string,
    ): Promise<void> {
      await db.transaction('rw', db.taxonomies, db.events, async () => {
        for (const taxonomy of taxonomies) {
          const existing = await db.taxonomies
            .where('[projectId+kind]')
            .equals([projectId, taxonomy.kind])
            .count()
          if (existing > 0) continue
          const row: Taxonomy = {
            id: newId('tx_'),
            projectId,
            kind: taxonomy.kind,
            name: taxonomy.name,
            terms: taxonomy.terms,
          }
          await db.taxonomies.add(row)
          await appendEvent(db, {
            projectId,
            actor,
            type: 'taxonomy.create',
            entity: 'taxonomy',
            entityId: row.id,
            after: row,
          })
        }
      })
    },

    /** Saves an edited taxonomy (after add, rename, merge, reorder or nest), logged with the version before. */
    async saveTaxonomy(taxonomy: Taxonomy, actor: string): Promise<void> {
      await db.transaction('rw', db.taxonomies, db.events, async () => {
        const before = (await db.taxonomies.get(taxonomy.id)) ?? null
        await db.taxonomies.put(taxonomy)
        await appendEvent(db, {
          projectId: taxonomy.projectId,
          actor,
          type: 'taxonomy.update',
          entity: 'taxonomy',
          entityId: taxonomy.id,
          before,
          after: taxonomy,
        })
      })
    },

    accept: (projectId: string, choice: TagChoice, actor: string) =>
      db.transaction('rw', db.recordTags, db.events, () => setTag(projectId, choice, true, actor)),

    reject: (projectId: string, choice: TagChoice, actor: string) =>
      db.transaction('rw', db.recordTags, db.events, () => setTag(projectId, choice, false, actor)),

    /** Accepts many suggestions at once (bulk apply above a confidence), in one transaction. */
    async acceptMany(projectId: string, choices: readonly TagChoice[], actor: string): Promise<number> {
      await db.transaction('rw', db.recordTags, db.events, async () => {
        for (const choice of choices) await setTag(projectId, choice, true, actor)
      })
      return choices.length
    },

    /** Takes a tag off a record (accepted or rejected), logged. */
    async clear(
      projectId: string,
      recordId: string,
      taxonomyId: string,
      termId: string,
      actor: string,
    ): Promise<void> {
      const id = recordTagId(recordId, taxonomyId, termId)
      await db.transaction('rw', db.recordTags, db.events, async () => {
        const before = await db.recordTags.get(id)
        if (!before) return
        await db.recordTags.delete(id)
        await appendEvent(db, {
          projectId,
          actor,
          type: 'tag.clear',
          entity: 'recordTag',
          entityId: id,
          before,
        })
      })
    },
  }
}

export type TaggingRepo = ReturnType<typeof createTaggingRepo>
