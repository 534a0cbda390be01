import { describe, expect, it } from 'vitest'

import { batchMirrorReads, takeDocsFromFeed } from '../../src/renderer/src/sync/mirror-reads'
import type { PouchDatabase, PouchDoc } from '../../src/renderer/src/sync/pouch'
import { nodePouchFactory } from './pouch-node'

type Answers = {
  bulkGet: Awaited<ReturnType<PouchDatabase['bulkGet']>>
  revsDiff: Awaited<ReturnType<PouchDatabase['revsDiff']>>
}

/**
 * Two mirrors with the same documents: first revisions (events), one edited to a second revision, one deleted,
 * one with an attachment. Returns both, the second with batched reads.
 */
async function twoMirrors(): Promise<{
  plain: PouchDatabase
  batched: PouchDatabase
  revs: Map<string, string>
}> {
  const revs = new Map<string, string>()
  const mirrors: PouchDatabase[] = []
  for (const name of ['plain', 'batched']) {
    const mirror = nodePouchFactory(`mirror-reads-${name}-${Math.random()}`)
    const docs: PouchDoc[] = [
      { _id: 'e1', type: 'decision.set', v: 1 },
      { _id: 'e2', type: 'note.add', v: 1 },
      { _id: 'edited', type: 'x', v: 1 },
      { _id: 'gone', type: 'x', v: 1 },
      {
        _id: 'with-file',
        _attachments: { 'a.txt': { content_type: 'text/plain', data: Buffer.from('hi').toString('base64') } },
      },
    ]
    for (const result of await mirror.bulkDocs(docs)) revs.set(result.id ?? '', result.rev ?? '')
    const edited = await mirror.get('edited')
    const second = await mirror.put({ ...edited, v: 2 })
    revs.set('edited-2', second.rev ?? '')
    const gone = await mirror.get('gone')
    await mirror.put({ ...gone, _deleted: true })
    mirrors.push(mirror)
  }
  const [plain, batched] = mirrors as [PouchDatabase, PouchDatabase]
  batchMirrorReads(batched, 500)
  return { plain, batched, revs }
}

/** Results in a comparable order (replication takes them in any order). */
function sortedResults(answer: Answers['bulkGet']): Answers['bulkGet']['results'] {
  return [...answer.results].sort((a, b) => a.id.localeCompare(b.id))
}

describe('batched mirror reads', () => {
  it('answer bulkGet as PouchDB does, first revisions from one read and the rest the usual way', async () => {
    const { plain, batched, revs } = await twoMirrors()
    const ask = (db: PouchDatabase) =>
      db.bulkGet({
        docs: [
          { id: 'e1', rev: revs.get('e1') },
          { id: 'e2', rev: revs.get('e2') },
          { id: 'edited', rev: revs.get('edited-2') },
          { id: 'with-file', rev: revs.get('with-file') },
          { id: 'missing', rev: '1-abc' },
        ],
        revs: true,
        latest: true,
      })
    const expected = sortedResults(await ask(plain))
    const answer = sortedResults(await ask(batched))
    expect(answer).toEqual(expected)
    // The first revision comes with its history, which replication needs to write it as it is.
    const e1 = answer.find((result) => result.id === 'e1')?.docs[0]
    expect(e1 && 'ok' in e1 ? e1.ok._revisions : undefined).toEqual({
      start: 1,
      ids: [revs.get('e1')?.slice(2)],
    })
  })

  it('answer revsDiff as PouchDB does: present, missing, other revisions, deleted', async () => {
    const { plain, batched, revs } = await twoMirrors()
    const diffs = {
      e1: [revs.get('e1') ?? ''],
      e2: ['1-0000000000000000000000000000000a'],
      edited: [revs.get('edited-2') ?? '', '3-0000000000000000000000000000000b'],
      gone: [revs.get('gone') ?? ''],
      missing: ['1-0000000000000000000000000000000c'],
    }
    expect(await batched.revsDiff(diffs)).toEqual(await plain.revsDiff(diffs))
    expect(await batched.revsDiff({})).toEqual({})
  })

  it('reads a batch of first revisions without asking PouchDB one document at a time', async () => {
    const { batched, revs } = await twoMirrors()
    const perDocument = { get: 0, revisionTree: 0 }
    // PouchDB calls both with callbacks as well as promises: every argument is passed on.
    const mirror = batched as unknown as {
      get: (...args: unknown[]) => unknown
      _getRevisionTree: (...args: unknown[]) => unknown
    } & Pick<PouchDatabase, 'bulkGet' | 'revsDiff'>
    const get = mirror.get.bind(mirror)
    const tree = mirror._getRevisionTree.bind(mirror)
    mirror.get = (...args) => {
      perDocument.get++
      return get(...args)
    }
    mirror._getRevisionTree = (...args) => {
      perDocument.revisionTree++
      return tree(...args)
    }
    await mirror.bulkGet({ docs: ['e1', 'e2'].map((id) => ({ id, rev: revs.get(id) })), revs: true })
    await mirror.revsDiff({ e1: [revs.get('e1') ?? ''], e2: [revs.get('e2') ?? ''] })
    expect(perDocument).toEqual({ get: 0, revisionTree: 0 })
  })
})

describe('documents just written into the mirror', () => {
  it('are read back from memory once, as PouchDB would answer, and anything else from the mirror', async () => {
    const { plain, batched, revs } = await twoMirrors()
    const reads = batchMirrorReads(batched, 500)
    const written = await batched.get('e1')
    reads.keepWritten([written])
    let allDocsReads = 0
    const allDocs = batched.allDocs.bind(batched)
    batched.allDocs = (options) => {
      allDocsReads++
      return allDocs(options)
    }
    const ask = (db: PouchDatabase) => db.bulkGet({ docs: [{ id: 'e1', rev: revs.get('e1') }], revs: true })
    expect(sortedResults(await ask(batched))).toEqual(sortedResults(await ask(plain)))
    expect(allDocsReads).toBe(0)
    // Once: asked again, it is read from the mirror.
    expect(sortedResults(await ask(batched))).toEqual(sortedResults(await ask(plain)))
    expect(allDocsReads).toBe(1)
    // Kept for its own revision only: another one is asked the usual way.
    reads.keepWritten([written])
    const other = (db: PouchDatabase) =>
      db.bulkGet({ docs: [{ id: 'e1', rev: '1-0000000000000000000000000000000a' }], revs: true })
    expect(sortedResults(await other(batched))).toEqual(sortedResults(await other(plain)))
    // A later revision is not kept: its history is more than itself.
    reads.keepWritten([await batched.get('edited')])
    const askEdited = (db: PouchDatabase) =>
      db.bulkGet({ docs: [{ id: 'edited', rev: revs.get('edited-2') }], revs: true })
    expect(sortedResults(await askEdited(batched))).toEqual(sortedResults(await askEdited(plain)))
  })
})

/** A server-side database with two first revisions and one edited to a second, whose `bulkGet` is watched. */
async function watchedServer(): Promise<{ server: PouchDatabase; asked: string[] }> {
  const server = nodePouchFactory(`feed-server-${Math.random()}`)
  await server.bulkDocs([
    { _id: 'e1', v: 1 },
    { _id: 'e2', v: 1 },
    { _id: 'edited', v: 1 },
  ])
  await server.put({ ...(await server.get('edited')), v: 2 })
  const asked: string[] = []
  const bulkGet = server.bulkGet.bind(server)
  server.bulkGet = (options) => {
    asked.push(...options.docs.map((request) => request.id))
    return bulkGet(options)
  }
  return { server, asked }
}

describe('pulling with the documents of the change feed', () => {
  it('asks for no first revision twice, still asks for later ones, and pulls the same documents', async () => {
    const { server, asked } = await watchedServer()
    const plain = nodePouchFactory(`feed-plain-${Math.random()}`)
    await plain.replicate.from(server)
    expect(asked.sort()).toEqual(['e1', 'e2', 'edited'])

    asked.length = 0
    const feed = takeDocsFromFeed(server, 500)
    const mirror = nodePouchFactory(`feed-mirror-${Math.random()}`)
    await mirror.replicate.from(server, { filter: feed.filter })
    expect(asked).toEqual(['edited'])
    const everything = async (db: PouchDatabase) =>
      (await db.allDocs({ keys: ['e1', 'e2', 'edited'], include_docs: true })).rows
    expect(await everything(mirror)).toEqual(await everything(plain))
    // Written with their history, as replication writes what `_bulk_get` returns.
    const tree = async (db: PouchDatabase) => db.get('edited', { revs: true })
    expect(await tree(mirror)).toEqual(await tree(plain))
  })

  it('keeps the checkpoint of a pull without a filter', async () => {
    const { server } = await watchedServer()
    const mirror = nodePouchFactory(`feed-checkpoint-${Math.random()}`)
    await mirror.replicate.from(server)
    const since: unknown[] = []
    const changes = server.changes.bind(server) as (options: object) => unknown
    ;(server as unknown as { changes: (options: { since?: unknown }) => unknown }).changes = (options) => {
      since.push(options.since)
      return changes(options)
    }
    const feed = takeDocsFromFeed(server, 500)
    await mirror.replicate.from(server, { filter: feed.filter })
    // Started where the first pull stopped, not from the beginning.
    expect(since[0]).not.toBe(0)
    expect(since.length).toBeGreaterThan(0)
  })

  it('forgets documents replication did not ask for', async () => {
    const { server, asked } = await watchedServer()
    const feed = takeDocsFromFeed(server, 500)
    const e1 = await server.get('e1')
    feed.filter(e1)
    feed.forget()
    asked.length = 0
    await server.bulkGet({ docs: [{ id: 'e1', rev: e1._rev }], revs: true })
    expect(asked).toEqual(['e1'])
  })

  it('tells listeners the documents the filter saw in one pass together (one answer of the feed), until they stop', async () => {
    const { server } = await watchedServer()
    const feed = takeDocsFromFeed(server, 500)
    const [e1, e2, edited] = await Promise.all(['e1', 'e2', 'edited'].map((id) => server.get(id)))
    if (!e1 || !e2 || !edited) throw new Error('documents expected')
    const heard: string[][] = []
    const stop = feed.listen((docs) => heard.push(docs.map((doc) => doc._id)))
    // PouchDB's HTTP adapter filters the changes of one answer in one synchronous pass.
    expect([feed.filter(e1), feed.filter(e2)]).toEqual([true, true])
    expect(heard).toEqual([])
    await Promise.resolve()
    expect(heard).toEqual([['e1', 'e2']])
    feed.filter(edited)
    await Promise.resolve()
    expect(heard).toEqual([['e1', 'e2'], ['edited']])

    stop()
    feed.filter(e1)
    await Promise.resolve()
    expect(heard).toHaveLength(2)
  })
})
