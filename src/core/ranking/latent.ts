import { mulberry32 } from '../screening/queue'

/**
 * A sparse matrix in compressed sparse rows: row `r` holds columns `columns[rowStart[r] .. rowStart[r + 1])` with
 * `values` at the same positions; `columnCount` columns.
 */
export type SparseRows = {
  rowCount: number
  columnCount: number
  rowStart: Int32Array
  columns: Int32Array
  values: Float32Array
}

/**
 * A · X (rows × width, row-major, X being A's columns × width), or with `transpose` Aᵀ · X (A's columns × width, X
 * being rows × width). Each output row sums its terms in the order of A's rows and entries.
 */
function times(matrix: SparseRows, x: Float64Array, width: number, transpose = false): Float64Array {
  const { rowCount, columnCount, rowStart, columns, values } = matrix
  const y = new Float64Array((transpose ? columnCount : rowCount) * width)
  for (let row = 0; row < rowCount; row++) {
    for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
      const column = columns[at] ?? 0
      const out = (transpose ? column : row) * width
      const from = (transpose ? row : column) * width
      const value = values[at] ?? 0
      for (let j = 0; j < width; j++) y[out + j] = (y[out + j] ?? 0) + value * (x[from + j] ?? 0)
    }
  }
  return y
}

/** XᵀX (width × width) of a row-major matrix with `width` columns. */
function gram(x: Float64Array, width: number): Float64Array {
  const g = new Float64Array(width * width)
  const rows = x.length / width
  for (let row = 0; row < rows; row++) {
    const at = row * width
    for (let i = 0; i < width; i++) {
      const xi = x[at + i] ?? 0
      if (xi === 0) continue
      for (let j = i; j < width; j++) g[i * width + j] = (g[i * width + j] ?? 0) + xi * (x[at + j] ?? 0)
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) g[i * width + j] = g[j * width + i] ?? 0
  return g
}

/** XᵀY (width × width) of two row-major matrices with `width` columns and the same rows, symmetrised. */
function crossProduct(x: Float64Array, y: Float64Array, width: number): Float64Array {
  const g = new Float64Array(width * width)
  const rows = x.length / width
  for (let row = 0; row < rows; row++) {
    const at = row * width
    for (let i = 0; i < width; i++) {
      const xi = x[at + i] ?? 0
      if (xi === 0) continue
      const out = i * width
      for (let j = 0; j < width; j++) g[out + j] = (g[out + j] ?? 0) + xi * (y[at + j] ?? 0)
    }
  }
  for (let i = 0; i < width; i++)
    for (let j = 0; j < i; j++) {
      const mean = ((g[i * width + j] ?? 0) + (g[j * width + i] ?? 0)) / 2
      g[i * width + j] = mean
      g[j * width + i] = mean
    }
  return g
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix (size × size, row-major) by cyclic Jacobi rotations, sorted by
 * eigenvalue, largest first. `vectors` holds eigenvector j in column j (row-major).
 */
export function symmetricEigen(
  matrix: Float64Array,
  size: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix)
  const v = new Float64Array(size * size)
  for (let i = 0; i < size; i++) v[i * size + i] = 1
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0
    let scale = 0
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) {
        const value = (a[i * size + j] ?? 0) ** 2
        if (i === j) scale += value
        else off += value
      }
    if (off <= 1e-22 * Math.max(scale, 1e-300)) break
    for (let p = 0; p < size - 1; p++)
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q] ?? 0
        if (apq === 0) continue
        const app = a[p * size + p] ?? 0
        const aqq = a[q * size + q] ?? 0
        const theta = (aqq - app) / (2 * apq)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p] ?? 0
          const akq = a[k * size + q] ?? 0
          a[k * size + p] = c * akp - s * akq
          a[k * size + q] = s * akp + c * akq
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k] ?? 0
          const aqk = a[q * size + k] ?? 0
          a[p * size + k] = c * apk - s * aqk
          a[q * size + k] = s * apk + c * aqk
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p] ?? 0
          const vkq = v[k * size + q] ?? 0
          v[k * size + p] = c * vkp - s * vkq
          v[k * size + q] = s * vkp + c * vkq
        }
      }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort(
    (i, j) => (a[j * size + j] ?? 0) - (a[i * size + i] ?? 0) || i - j,
  )
  const values = new Float64Array(size)
  const vectors = new Float64Array(size * size)
  order.forEach((from, to) => {
    values[to] = a[from * size + from] ?? 0
    for (let k = 0; k < size; k++) vectors[k * size + to] = v[k * size + from] ?? 0
  })
  return { values, vectors }
}

/**
 * An orthonormal basis of the column space of X (row-major, `width` columns) by Cholesky QR: XᵀX = RᵀR, Q = X·R⁻¹.
 * A column whose pivot is negligible (it adds nothing to the span of those before it) is left out, so the returned
 * `width` may be smaller. Done twice for the final basis, which restores the orthogonality that squaring the
 * condition number in XᵀX costs; once is enough between power iterations, which only need the span kept from
 * collapsing onto the top direction.
 */
function orthonormalise(x: Float64Array, width: number, passes = 2): { basis: Float64Array; width: number } {
  let current = x
  let currentWidth = width
  for (let pass = 0; pass < passes; pass++) {
    const g = gram(current, currentWidth)
    let largest = 0
    for (let i = 0; i < currentWidth; i++) largest = Math.max(largest, g[i * currentWidth + i] ?? 0)
    // Upper-triangular R over the kept columns, row-major over all columns (dropped ones stay zero).
    const r = new Float64Array(currentWidth * currentWidth)
    const kept: number[] = []
    for (let j = 0; j < currentWidth; j++) {
      for (const i of kept) {
        let sum = g[i * currentWidth + j] ?? 0
        for (const k of kept) {
          if (k >= i) break
          sum -= (r[k * currentWidth + i] ?? 0) * (r[k * currentWidth + j] ?? 0)
        }
        r[i * currentWidth + j] = sum / (r[i * currentWidth + i] ?? 1)
      }
      let pivot = g[j * currentWidth + j] ?? 0
      for (const k of kept) pivot -= (r[k * currentWidth + j] ?? 0) ** 2
      if (pivot > largest * 1e-12 && pivot > 0) {
        r[j * currentWidth + j] = Math.sqrt(pivot)
        kept.push(j)
      }
    }
    // Q = X·R⁻¹ row by row (forward substitution over the kept columns).
    const rows = current.length / currentWidth
    const out = kept.length
    const q = new Float64Array(rows * out)
    const solved = new Float64Array(currentWidth)
    for (let row = 0; row < rows; row++) {
      const at = row * currentWidth
      for (let slot = 0; slot < out; slot++) {
        const j = kept[slot] ?? 0
        let sum = current[at + j] ?? 0
        for (let before = 0; before < slot; before++) {
          const i = kept[before] ?? 0
          sum -= (solved[i] ?? 0) * (r[i * currentWidth + j] ?? 0)
        }
        const value = sum / (r[j * currentWidth + j] ?? 1)
        solved[j] = value
        q[row * out + slot] = value
      }
    }
    current = q
    currentWidth = out
  }
  return { basis: current, width: currentWidth }
}

/** X (rows × width) · M (width × out), both row-major. */
function denseTimes(x: Float64Array, width: number, m: Float64Array, out: number): Float64Array {
  const rows = x.length / width
  const y = new Float64Array(rows * out)
  for (let row = 0; row < rows; row++)
    for (let i = 0; i < width; i++) {
      const xi = x[row * width + i] ?? 0
      if (xi === 0) continue
      for (let j = 0; j < out; j++) y[row * out + j] = (y[row * out + j] ?? 0) + xi * (m[i * out + j] ?? 0)
    }
  return y
}

/** Standard normal draws (Box–Muller) from a seeded generator. */
function gaussians(count: number, seed: number): Float64Array {
  const random = mulberry32(seed)
  const out = new Float64Array(count)
  for (let at = 0; at < count; at += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - random()))
    const angle = 2 * Math.PI * random()
    out[at] = radius * Math.cos(angle)
    if (at + 1 < count) out[at + 1] = radius * Math.sin(angle)
  }
  return out
}

/**
 * Latent semantic rows: the rows of A projected on its top `rank` right singular vectors (A·V = U·Σ, the classic LSA
 * document vectors), each L2-normalised (rows without entries stay zero), as a row-major rows × width array
 * (width = `rank`, or less when A has lower rank). The truncated SVD is a randomised range finder (Halko, Martinsson
 * & Tropp 2011): a Gaussian test matrix with `oversample` extra columns, `powerIterations` rounds of A·Aᵀ with
 * re-orthonormalisation, then the exact SVD of the small projected matrix. Deterministic for a seed. Cost: about
 * 2·(powerIterations + 1) + 1 sparse products with (rank + oversample) columns, and rows × (rank + oversample)
 * doubles of memory, twice, while it runs.
 */
export function latentRows(
  matrix: SparseRows,
  rank: number,
  options: { oversample?: number; powerIterations?: number; seed?: number } = {},
): { rows: Float32Array; width: number } {
  const { oversample = 10, powerIterations = 2, seed = 1 } = options
  const width = Math.max(0, Math.min(rank + oversample, matrix.rowCount, matrix.columnCount))
  if (width === 0 || rank <= 0) return { rows: new Float32Array(0), width: 0 }
  // Range of A·Ω, sharpened by power iterations: (A·Aᵀ)^q·A·Ω.
  const sample = times(matrix, gaussians(matrix.columnCount * width, seed), width)
  let range = orthonormalise(sample, width, powerIterations > 0 ? 1 : 2)
  // Only the records' side is orthonormalised: the words' side has as many rows as the vocabulary, and Aᵀ·Q of an
  // orthonormal Q loses nothing that the next step needs.
  for (let round = 0; round < powerIterations; round++) {
    const back = times(matrix, range.basis, range.width, true)
    const last = round === powerIterations - 1
    range = orthonormalise(times(matrix, back, range.width), range.width, last ? 2 : 1)
  }
  // B = Qᵀ·A; B·Bᵀ = (AᵀQ)ᵀ(AᵀQ) = U_B Σ² U_Bᵀ; A·V ≈ Q·U_B·Σ.
  // Computed on the records' side (Qᵀ·(A·(Aᵀ·Q))): the vocabulary is often larger than the records.
  const projected = times(matrix, times(matrix, range.basis, range.width, true), range.width)
  const { values, vectors } = symmetricEigen(crossProduct(range.basis, projected, range.width), range.width)
  let out = 0
  while (out < Math.min(rank, range.width) && (values[out] ?? 0) > (values[0] ?? 0) * 1e-12) out++
  const map = new Float64Array(range.width * out)
  for (let i = 0; i < range.width; i++)
    for (let j = 0; j < out; j++)
      map[i * out + j] = (vectors[i * range.width + j] ?? 0) * Math.sqrt(Math.max(0, values[j] ?? 0))
  const dense = denseTimes(range.basis, range.width, map, out)
  const rows = new Float32Array(matrix.rowCount * out)
  for (let row = 0; row < matrix.rowCount; row++) {
    let squares = 0
    for (let j = 0; j < out; j++) squares += (dense[row * out + j] ?? 0) ** 2
    if (squares <= 0) continue
    // A sign per column fixed by its largest entry would not matter: the SVM and cosines are sign-invariant per column.
    const scale = 1 / Math.sqrt(squares)
    for (let j = 0; j < out; j++) rows[row * out + j] = (dense[row * out + j] ?? 0) * scale
  }
  return { rows, width: out }
}
