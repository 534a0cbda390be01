/**
 * Sorting records by a string key, fast: the blocking passes sort every record by its title (forwards and
 * reversed) and by several composite keys. Comparing whole strings costs most where it matters least (copies of a
 * paper share their whole title), and it grew faster than n log n from 10,000 to 100,000 records. This is a
 * most-significant-digit radix sort instead: a digit is the next two UTF-16 code units of the key, packed with the
 * record's place in its group into one exactly representable number, so each level is one numeric sort of a
 * `Float64Array`; only groups whose keys agree so far go on to the next digit.
 */

/** Code units per digit, and the digit values: a unit present is its code + 1, a unit past the end 0. */
const unitsPerDigit = 2
const unitValues = 0x10001
/** Positions within a group are packed below the digit: up to 2^18 records per group with two-unit digits. */
const positionsWide = 2 ** 18
/** Larger groups (only the first level of a very large project) use one-unit digits and wider positions. */
const positionsHuge = 2 ** 36
/** Groups this small are finished by insertion sort on whole keys. */
const smallGroup = 16

/**
 * Indices of the non-empty keys, ordered by key (UTF-16 code units, as `<` compares strings), ties by index:
 * exactly the order of sorting `${key}\u0001${index}` strings would give for keys without control characters,
 * without building a string per record.
 */
export function orderByKey(keys: readonly string[]): number[] {
  const order: number[] = []
  for (let i = 0; i < keys.length; i++) if (keys[i]) order.push(i)
  sortGroup(keys, order, 0, order.length, 0)
  return order
}

/** The digit of `key` at code unit `depth`, `units` code units wide. */
function digitAt(key: string, depth: number, units: number): number {
  let digit = 0
  for (let unit = 0; unit < units; unit++) {
    const at = depth + unit
    digit = digit * unitValues + (at < key.length ? key.charCodeAt(at) + 1 : 0)
  }
  return digit
}

/** Sorts `order[from, to)`, whose keys agree on their first `depth` code units and are in index order. */
function sortGroup(keys: readonly string[], order: number[], from: number, to: number, depth: number): void {
  const size = to - from
  if (size < 2) return
  if (size <= smallGroup) {
    insertionSort(keys, order, from, to)
    return
  }
  const units = size <= positionsWide ? unitsPerDigit : 1
  const positions = size <= positionsWide ? positionsWide : positionsHuge
  const codes = new Float64Array(size)
  const members = order.slice(from, to)
  for (let place = 0; place < size; place++) {
    codes[place] = digitAt(keys[members[place] as number] ?? '', depth, units) * positions + place
  }
  // Numeric, and the place breaks ties, so equal digits keep index order.
  codes.sort()
  let runStart = 0
  let runDigit = -1
  for (let at = 0; at <= size; at++) {
    const code = at < size ? (codes[at] as number) : -1
    const digit = at < size ? Math.floor(code / positions) : -1
    if (at < size) order[from + at] = members[code - digit * positions] as number
    if (digit === runDigit) continue
    // A run of equal digits whose last unit is present goes on to the next digit; one whose keys ended is finished
    // (equal keys, already in index order).
    if (at - runStart > 1 && runDigit % unitValues !== 0)
      sortGroup(keys, order, from + runStart, from + at, depth + units)
    runStart = at
    runDigit = digit
  }
}

function insertionSort(keys: readonly string[], order: number[], from: number, to: number): void {
  for (let at = from + 1; at < to; at++) {
    const index = order[at] as number
    const key = keys[index] ?? ''
    let place = at
    for (; place > from; place--) {
      const before = order[place - 1] as number
      const other = keys[before] ?? ''
      if (other < key || (other === key && before < index)) break
      order[place] = before
    }
    order[place] = index
  }
}
