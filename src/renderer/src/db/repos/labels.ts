import { newId } from '../../../../core/ids/ids'
import type { SiftDb } from '../db'
import type { Tag } from '../schema'
import { appendEvent } from './events'

/** The project's free labels live in one custom taxonomy, next to the modality and design taxonomies. */
const labelsTaxonomyName = 'Labels'

function cleanLabel(name: string): string {
  const label = name.replace(/\s+/g, ' ').trim()
  if (!label) throw new Error('Type a label first.')
  if (label.length > 60) throw new Error('A label can have at most 60 characters.')
  return label
}

/** Free labels on records ("check with statistician", "conference abstract"), as tags of a custom taxonomy. */
export function createLabelsRepo(db: SiftDb) {
  async function labelsTaxonomyId(projectId: string): Promise<string> {
    const existing = await db.taxonomies
      .where('[projectId+kind]')
      .equals([projectId, 'custom'])
      .filter((taxonomy) => taxonomy.name === labelsTaxonomyName)
      .first()
    if (existing) return existing.id
    const id = newId('tx_')
    await db.taxonomies.add({ id, projectId, kind: 'custom', name: labelsTaxonomyName })
    return id
  }

  return {
    async add(projectId: string, recordId: string, name: string, actor: string): Promise<void> {
      const label = cleanLabel(name)
      await db.transaction('rw', [db.taxonomies, db.tags, db.recordTags, db.events], async () => {
        const taxonomyId = await labelsTaxonomyId(projectId)
        let tag: Tag | undefined = await db.tags
          .where('taxonomyId')
          .equals(taxonomyId)
          .filter((row) => row.name.toLowerCase() === label.toLowerCase())
          .first()
        if (!tag) {
          tag = { id: newId('tg_'), projectId, taxonomyId, name: label, keywords: [] }
          await db.tags.add(tag)
        }
        const already = await db.recordTags.where('[recordId+tagId]').equals([recordId, tag.id]).count()
        if (already > 0) return
        const id = newId('rt_')
        await db.recordTags.add({ id, projectId, recordId, tagId: tag.id, source: 'manual', confirmed: true })
        await appendEvent(db, {
          projectId,
          actor,
          type: 'label.add',
          entity: 'recordTag',
          entityId: id,
          after: { recordId, label },
        })
      })
    },

    async remove(projectId: string, recordTagId: string, actor: string): Promise<void> {
      await db.transaction('rw', db.recordTags, db.events, async () => {
        const before = await db.recordTags.get(recordTagId)
        if (!before) return
        await db.recordTags.delete(recordTagId)
        await appendEvent(db, {
          projectId,
          actor,
          type: 'label.remove',
          entity: 'recordTag',
          entityId: recordTagId,
          before,
        })
      })
    },

    labelsTaxonomyId,
  }
}
