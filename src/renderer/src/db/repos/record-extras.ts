import { newId } from '../../../../core/ids/ids'
import type { SiftDb } from '../db'
import type { Attachment, Note } from '../schema'
import { appendEvent } from './events'

/** Largest full text kept with a project; bigger files are almost always scans that belong elsewhere. */
export const maxAttachmentBytes = 100 * 1024 * 1024

export class AttachmentError extends Error {}

function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-" at the start; some generators put up to 1 kB of junk before it, which readers accept.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes('%PDF-')
}

/** Notes and full-text PDFs attached to records; each write logged in the audit trail. */
export function createRecordExtrasRepo(db: SiftDb) {
  return {
    async addNote(projectId: string, recordId: string, text: string, reviewerId: string): Promise<Note> {
      const trimmed = text.trim()
      if (!trimmed) throw new Error('Write something in the note first.')
      const note: Note = {
        id: newId('nt_'),
        projectId,
        recordId,
        text: trimmed,
        createdAt: new Date().toISOString(),
        reviewerId,
      }
      await db.transaction('rw', db.notes, db.events, async () => {
        await db.notes.add(note)
        await appendEvent(db, {
          projectId,
          actor: reviewerId,
          type: 'note.add',
          entity: 'note',
          entityId: note.id,
          after: note,
        })
      })
      return note
    },

    /** Stores a PDF with the record (replacing an earlier one); anything that is not a PDF is refused. */
    async attachPdf(
      projectId: string,
      recordId: string,
      fileName: string,
      bytes: Uint8Array,
      actor: string,
    ): Promise<Attachment> {
      if (bytes.length > maxAttachmentBytes) throw new AttachmentError(`${fileName} is larger than 100 MB.`)
      if (!isPdf(bytes)) throw new AttachmentError(`${fileName} is not a PDF file.`)
      const attachment: Attachment = {
        id: newId('at_'),
        projectId,
        recordId,
        fileName,
        mimeType: 'application/pdf',
        data: new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }),
      }
      await db.transaction('rw', db.attachments, db.events, async () => {
        const earlier = await db.attachments.where('recordId').equals(recordId).toArray()
        await db.attachments.bulkDelete(earlier.map((row) => row.id))
        await db.attachments.add(attachment)
        await appendEvent(db, {
          projectId,
          actor,
          type: 'attachment.add',
          entity: 'attachment',
          entityId: attachment.id,
          before: earlier.map((row) => row.fileName),
          after: { recordId, fileName, bytes: bytes.length },
        })
      })
      return attachment
    },
  }
}
