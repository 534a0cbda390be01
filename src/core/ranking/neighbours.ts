import type { TextIndex } from './text-index'

/**
 * Each record's highest cosine similarity to any member of a set of labelled records (the includes, or the
 * excludes): the dot product of their L2-normalised TF-IDF rows. Companion papers of an included trial are
 * near-copies of it; a linear model can miss them when their words also occur in many excludes.
 *
 * Kept incrementally: new members wait in `pending` and are added together by {@link flushNeighbours} in one sweep
 * over the index with an inverted list of the pending rows, so each decision costs one sweep, and reopening a
 * project with many includes one sweep plus the shared-word products (Σ over words of records × pending members
 * with the word).
 */
export type NeighbourState = {
  index: TextIndex
  nearest: Float32Array
  /** 1 for a member (added or pending). */
  member: Uint8Array
  members: number[]
  pending: number[]
}

export function createNeighbours(index: TextIndex): NeighbourState {
  return {
    index,
    nearest: new Float32Array(index.rowCount),
    member: new Uint8Array(index.rowCount),
    members: [],
    pending: [],
  }
}

/** A copy that can change independently (for a warm start from another model's state). */
export function cloneNeighbours(state: NeighbourState): NeighbourState {
  return {
    ...state,
    nearest: state.nearest.slice(),
    member: state.member.slice(),
    members: [...state.members],
    pending: [...state.pending],
  }
}

/** Records the row as a member (no-op when it already is one); the similarities follow at the next flush. */
export function addNeighbour(state: NeighbourState, row: number): void {
  if (state.member[row]) return
  state.member[row] = 1
  state.members.push(row)
  state.pending.push(row)
}

/** Forgets a member (a changed decision): the similarities are rebuilt from the others at the next flush. */
export function removeNeighbour(state: NeighbourState, row: number): void {
  if (!state.member[row]) return
  state.member[row] = 0
  state.members.splice(state.members.indexOf(row), 1)
  state.nearest.fill(0)
  state.pending = [...state.members]
}

/** Brings `nearest` up to date with the pending members: one sweep over the index. */
export function flushNeighbours(state: NeighbourState): Float32Array {
  const { pending, nearest } = state
  if (pending.length === 0) return nearest
  const { rowStart, columns, values, rowCount, featureCount } = state.index
  // Inverted lists of the pending rows.
  const start = new Int32Array(featureCount + 1)
  for (const row of pending)
    for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
      const column = columns[at] ?? 0
      start[column + 1] = (start[column + 1] ?? 0) + 1
    }
  for (let feature = 0; feature < featureCount; feature++)
    start[feature + 1] = (start[feature + 1] ?? 0) + (start[feature] ?? 0)
  const fill = start.slice(0, featureCount)
  const total = start[featureCount] ?? 0
  const owner = new Int32Array(total)
  const weight = new Float32Array(total)
  pending.forEach((row, slot) => {
    for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
      const column = columns[at] ?? 0
      const place = fill[column] ?? 0
      owner[place] = slot
      weight[place] = values[at] ?? 0
      fill[column] = place + 1
    }
  })
  const sums = new Float64Array(pending.length)
  const touched = new Int32Array(pending.length)
  for (let row = 0; row < rowCount; row++) {
    let touchedCount = 0
    for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
      const column = columns[at] ?? 0
      const from = start[column] ?? 0
      const to = start[column + 1] ?? 0
      if (from === to) continue
      const value = values[at] ?? 0
      for (let posting = from; posting < to; posting++) {
        const slot = owner[posting] ?? 0
        if ((sums[slot] ?? 0) === 0) touched[touchedCount++] = slot
        sums[slot] = (sums[slot] ?? 0) + value * (weight[posting] ?? 0)
      }
    }
    let best = nearest[row] ?? 0
    for (let at = 0; at < touchedCount; at++) {
      const slot = touched[at] ?? 0
      if ((sums[slot] ?? 0) > best) best = sums[slot] ?? 0
      sums[slot] = 0
    }
    nearest[row] = best
  }
  state.pending = []
  return nearest
}
