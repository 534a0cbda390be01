import type { TextIndex } from './text-index'

/**
 * Each record's highest similarity to any member of a set of labelled records (the includes, or the excludes):
 * the dot product of their TF-IDF rows over the informative features, those found in at most
 * {@link neighbourMaxShare} of the records (rows are L2-normalised, so this is the cosine without the common words,
 * which carry little weight anyway). Companion papers of an included trial are near-copies of it; a linear model can
 * miss them when their words also occur in many excludes.
 *
 * Kept incrementally: new members wait in `pending` and are added together by {@link flushNeighbours} in one sweep
 * over the index, whatever their number (an inverted list of the pending rows), so reopening a project with
 * thousands of decisions costs one sweep, and each later decision one more.
 */
export type NeighbourState = {
  index: TextIndex
  nearest: Float32Array
  /** 1 for a member (added or pending). */
  member: Uint8Array
  members: number[]
  pending: number[]
  /** Per feature: 1 when informative (see above). */
  informative: Uint8Array
}

/** Features in more than this share of the records are left out of the similarity. */
export const neighbourMaxShare = 0.05

export function createNeighbours(index: TextIndex): NeighbourState {
  const informative = new Uint8Array(index.featureCount)
  // idf = ln((1 + n) / (1 + df)) + 1, so df ≤ share · n  ⇔  idf ≥ ln((1 + n) / (1 + share · n)) + 1.
  const least = Math.log((1 + index.rowCount) / (1 + neighbourMaxShare * index.rowCount)) + 1 - 1e-6
  for (let feature = 0; feature < index.featureCount; feature++)
    informative[feature] = (index.idf[feature] ?? 0) >= least ? 1 : 0
  return {
    index,
    nearest: new Float32Array(index.rowCount),
    member: new Uint8Array(index.rowCount),
    members: [],
    pending: [],
    informative,
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
  const { pending, informative, nearest } = state
  if (pending.length === 0) return nearest
  const { rowStart, columns, values, rowCount, featureCount } = state.index
  // Inverted lists of the pending rows over the informative features.
  const start = new Int32Array(featureCount + 1)
  for (const row of pending)
    for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
      const column = columns[at] ?? 0
      if (informative[column]) start[column + 1] = (start[column + 1] ?? 0) + 1
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
      if (!informative[column]) continue
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
