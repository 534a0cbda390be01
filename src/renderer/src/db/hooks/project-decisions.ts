import Dexie, { cmp, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie'

import type { SiftDb } from '../db'
import type { Decision } from '../schema'

/** Above this many changed decisions, one read of the whole project is cheaper than reading each of them. */
const rereadLimit = 500

/** Decision ids changed since the last read, or 'all' when the whole project has to be read again. */
type Changes = Set<string> | 'all'

/**
 * Every decision of one project, kept in memory for the screens that compute the screening status from all of
 * them, and brought up to date with what each committed transaction changed: Dexie reports the primary keys it
 * wrote or deleted (in this tab and others), and only those decisions are read again. A live query would read the
 * whole project after every decision; in Chromium with 10,000 decisions that read took about 100 ms of IndexedDB's
 * time per key press, and every other read or write of the page (team sync's outbox among them) waited behind it.
 * A change Dexie reports as a range (a deleted range, a cleared table, a new database) reads the project again.
 */
export class ProjectDecisionsView {
  private rows = new Map<string, Decision>()
  private snapshot: Decision[] | undefined = undefined
  private readonly listeners = new Set<() => void>()
  private changes: Changes = 'all'
  private isReading = false
  /** Counts times the view started following the database: a read begun before a restart is not applied. */
  private generation = 0
  private readonly part: string

  constructor(
    private readonly db: SiftDb,
    private readonly projectId: string,
  ) {
    this.part = `idb://${db.name}/decisions/`
  }

  /** For `useSyncExternalStore`: the first listener starts following the database, the last one stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) {
      this.generation++
      Dexie.on.storagemutated.subscribe(this.onMutated)
      this.changes = 'all'
      void this.refresh()
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size > 0) return
      Dexie.on.storagemutated.unsubscribe(this.onMutated)
      this.rows = new Map()
      this.snapshot = undefined
    }
  }

  /** The project's decisions ordered by id (as the project index gives them); undefined until first read. */
  readonly current = (): Decision[] | undefined => this.snapshot

  private readonly onMutated = (parts: ObservabilitySet): void => {
    const written = parts[this.part]
    const deleted = parts[`${this.part}:dels`]
    if (!written && !deleted) return
    for (const tree of [written, deleted]) {
      if (!tree || this.changes === 'all') continue
      for (const node of nodesOf(tree)) {
        if (typeof node.from === 'string' && cmp(node.from, node.to) === 0) this.changes.add(node.from)
        else {
          this.changes = 'all'
          break
        }
      }
    }
    void this.refresh()
  }

  /** Reads what changed, one read at a time: changes reported meanwhile are taken by the next turn. */
  private async refresh(): Promise<void> {
    if (this.isReading) return
    this.isReading = true
    try {
      while (this.listeners.size > 0 && (this.changes === 'all' || this.changes.size > 0)) {
        const changes = this.changes
        this.changes = new Set()
        const read = await this.read(changes)
        if (read === 'unchanged') continue
        this.snapshot = [...this.rows.values()]
        if (read === 'new ids') {
          this.snapshot.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          this.rows = new Map(this.snapshot.map((row) => [row.id, row]))
        }
        for (const listener of this.listeners) listener()
      }
    } catch {
      // The next change reads the whole project again (the database may have been closed or deleted meanwhile).
      this.changes = 'all'
    } finally {
      this.isReading = false
    }
  }

  /**
   * Applies one set of changes: 'unchanged' when none was this project's (another project's decisions), 'new ids'
   * when decisions not held before came in (the order has to be restored).
   */
  private async read(changes: Changes): Promise<'unchanged' | 'changed' | 'new ids'> {
    const { decisions } = this.db
    const generation = this.generation
    if (changes === 'all' || changes.size > rereadLimit) {
      const all = await decisions.where('projectId').equals(this.projectId).toArray()
      if (generation !== this.generation) return 'unchanged'
      this.rows = new Map(all.map((row) => [row.id, row]))
      return 'changed'
    }
    const ids = [...changes]
    const found = await decisions.bulkGet(ids)
    // Stopped and started again meanwhile: the whole project is read next, this part would show alone.
    if (generation !== this.generation) return 'unchanged'
    let result: 'unchanged' | 'changed' | 'new ids' = 'unchanged'
    ids.forEach((id, index) => {
      const row = found[index]
      if (row?.projectId !== this.projectId) {
        if (this.rows.delete(id)) result = result === 'new ids' ? result : 'changed'
        return
      }
      result = this.rows.has(id) && result !== 'new ids' ? 'changed' : 'new ids'
      this.rows.set(id, row)
    })
    return result
  }
}

/** The ranges of an interval tree (Dexie's record of changed keys), in any order. */
function nodesOf(tree: IntervalTree): IntervalTreeNode[] {
  const nodes: IntervalTreeNode[] = []
  const pending: (IntervalTreeNode | null | undefined)[] = ['from' in tree ? tree : null]
  while (pending.length > 0) {
    const node = pending.pop()
    if (!node) continue
    nodes.push(node)
    pending.push(node.l, node.r)
  }
  return nodes
}

const views = new WeakMap<SiftDb, Map<string, ProjectDecisionsView>>()

/** The one view of a project's decisions per database (the screens showing them share it). */
export function projectDecisionsView(db: SiftDb, projectId: string): ProjectDecisionsView {
  let byProject = views.get(db)
  if (!byProject) {
    byProject = new Map()
    views.set(db, byProject)
  }
  let view = byProject.get(projectId)
  if (!view) {
    view = new ProjectDecisionsView(db, projectId)
    byProject.set(projectId, view)
  }
  return view
}
