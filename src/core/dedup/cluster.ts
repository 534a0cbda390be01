/** A scored link between two records, by index. */
export type Link = { a: number; b: number; score: number }

/** The result of clustering: each record's cluster (by representative index), and the links the guard refused. */
export type Clustering<L extends Link = Link> = {
  /** `clusterOf[i]` is the representative index of record i's cluster (itself for a singleton). */
  clusterOf: Int32Array
  refused: L[]
}

/** How many members of each side the chaining guard compares when two clusters would join. */
const guardSample = 4

/**
 * Union-find over the accepted links, strongest first, with a guard against chaining: before two clusters join,
 * a few members of each are compared directly with `isCompatible`. A → B → C where A and C are different papers
 * (B a record that resembles both: an erratum-free copy, a conference abstract with a shared DOI) is refused, and
 * the refused link goes to the review queue instead. Costs O(n α(n)) plus at most `guardSample²` checks per join.
 */
export function clusterLinks<L extends Link>(
  count: number,
  links: readonly L[],
  isCompatible: (i: number, j: number) => boolean,
): Clustering<L> {
  const parent = new Int32Array(count)
  const members: number[][] = []
  for (let i = 0; i < count; i++) {
    parent[i] = i
    members.push([i])
  }
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] ?? root
    // Path compression: point every visited node at the root.
    let at = i
    while (parent[at] !== root) {
      const next = parent[at] ?? root
      parent[at] = root
      at = next
    }
    return root
  }
  const refused: L[] = []
  const ordered = [...links].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
  for (const link of ordered) {
    let rootA = find(link.a)
    let rootB = find(link.b)
    if (rootA === rootB) continue
    const membersA = members[rootA] ?? []
    const membersB = members[rootB] ?? []
    if (!areClustersCompatible(membersA, membersB, isCompatible)) {
      refused.push(link)
      continue
    }
    // Union by size: the smaller member list moves, so each record moves O(log n) times.
    if (membersA.length < membersB.length) [rootA, rootB] = [rootB, rootA]
    const into = members[rootA] ?? []
    for (const member of members[rootB] ?? []) into.push(member)
    members[rootB] = []
    parent[rootB] = rootA
  }
  const clusterOf = new Int32Array(count)
  for (let i = 0; i < count; i++) clusterOf[i] = find(i)
  return { clusterOf, refused }
}

function areClustersCompatible(
  a: readonly number[],
  b: readonly number[],
  isCompatible: (i: number, j: number) => boolean,
): boolean {
  // Two singletons: the link itself is the only evidence and was already accepted.
  if (a.length === 1 && b.length === 1) return true
  for (const i of a.slice(0, guardSample)) {
    for (const j of b.slice(0, guardSample)) if (!isCompatible(i, j)) return false
  }
  return true
}
