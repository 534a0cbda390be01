import { describe, expect, it } from 'vitest'

import { latentRows, symmetricEigen, type SparseRows } from './latent'

/** Compressed sparse rows from rows of [column, value] pairs (columns ascending). */
function sparse(rows: Array<Array<[number, number]>>, columnCount: number): SparseRows {
  const rowStart = new Int32Array(rows.length + 1)
  const columns: number[] = []
  const values: number[] = []
  rows.forEach((row, at) => {
    for (const [column, value] of row) {
      columns.push(column)
      values.push(value)
    }
    rowStart[at + 1] = columns.length
  })
  return {
    rowCount: rows.length,
    columnCount,
    rowStart,
    columns: Int32Array.from(columns),
    values: Float32Array.from(values),
  }
}

const cosine = (rows: Float32Array, width: number, a: number, b: number): number => {
  let dot = 0
  for (let j = 0; j < width; j++) dot += (rows[a * width + j] ?? 0) * (rows[b * width + j] ?? 0)
  return dot
}

describe('symmetricEigen', () => {
  it('gives the eigenvalues largest first and unit eigenvectors', () => {
    // [[2, 1], [1, 2]]: eigenvalues 3 (vector (1, 1)/√2) and 1 (vector (1, −1)/√2).
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2)
    expect(values[0]).toBeCloseTo(3, 12)
    expect(values[1]).toBeCloseTo(1, 12)
    expect(Math.abs(vectors[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 12)
    expect((vectors[0] ?? 0) * (vectors[2] ?? 0)).toBeCloseTo(0.5, 12)
    expect((vectors[1] ?? 0) * (vectors[3] ?? 0)).toBeCloseTo(-0.5, 12)
  })
})

describe('latentRows', () => {
  // Two topics of four words each (columns 0-3 and 4-7). Rows 0 and 1 share no word but belong to the same topic
  // (rows 2 and 3 link their words); rows 4-7 are the second topic; row 8 is empty.
  const pair = (a: number, b: number): Array<[number, number]> => [
    [a, Math.SQRT1_2],
    [b, Math.SQRT1_2],
  ]
  const matrix = sparse(
    [pair(0, 1), pair(2, 3), pair(0, 2), pair(1, 3), pair(4, 5), pair(6, 7), pair(4, 6), pair(5, 7), []],
    8,
  )

  it('gives records on the same topic in different words similar unit rows, records on other topics not', () => {
    const { rows, width } = latentRows(matrix, 2)
    expect(width).toBe(2)
    for (let row = 0; row < 8; row++) expect(cosine(rows, width, row, row)).toBeCloseTo(1, 6)
    expect(cosine(rows, width, 0, 1)).toBeGreaterThan(0.99)
    expect(Math.abs(cosine(rows, width, 0, 4))).toBeLessThan(0.01)
    expect(Math.abs(cosine(rows, width, 0, 5))).toBeLessThan(0.01)
    expect(cosine(rows, width, 8, 8)).toBe(0)
  })

  it('is deterministic for a seed and never wider than the matrix rank allows', () => {
    const first = latentRows(matrix, 3, { seed: 5 })
    const again = latentRows(matrix, 3, { seed: 5 })
    expect([...again.rows]).toEqual([...first.rows])
    expect(latentRows(sparse([pair(0, 1)], 2), 8).width).toBe(1)
    expect(latentRows(matrix, 0).width).toBe(0)
  })
})
