/**
 * JS matrix-vector product for BatchMatMul shapes with M = 1 or N = 1, reading transposed operands in place.
 * Used for gradient products such as dv = Xᵀ·dE ([T·B, A]ᵀ x [T·B, 1]) where the XNNPACK route would first
 * copy-transpose (or re-pack) the large matrix on every decoder step.
 * Shapes are the rank-3 views [batch, rows, cols] of a and b; batch 1 broadcasts.
 */
export function matVec(a: Float32Array, aShape: readonly number[], b: Float32Array, bShape: readonly number[],
  transposeA: boolean, transposeB: boolean, out: Float32Array): void {
  const [ab, ar, ac] = aShape as [number, number, number]
  const [bb, br, bc] = bShape as [number, number, number]
  const m = transposeA ? ac : ar
  const n = transposeB ? br : bc
  out.fill(0)
  for (let p = 0; p < Math.max(ab, bb); p++) {
    const ao = (ab === 1 ? 0 : p) * ar * ac
    const bo = (bb === 1 ? 0 : p) * br * bc
    const oo = p * m * n
    if (n === 1) {
      // out[i] = Σ_k op(A)[i, k] · op(B)[k, 0]; the stored A is [m, k] (row dot) or [k, m] (axpy over rows)
      if (transposeA) axpyRows(a, ao, ar, ac, b, bo, transposeB ? 1 : bc, out, oo)
      else dotRows(a, ao, ar, ac, b, bo, transposeB ? 1 : bc, out, oo)
    } else {
      // out[j] = Σ_k op(A)[0, k] · op(B)[k, j]; the stored B is [k, n] (axpy over rows) or [n, k] (row dot)
      if (transposeB) dotRows(b, bo, br, bc, a, ao, transposeA ? ac : 1, out, oo)
      else axpyRows(b, bo, br, bc, a, ao, transposeA ? ac : 1, out, oo)
    }
  }
}

/** out[o + r] = Σ_c mat[mo + r·cols + c] · vec[vo + c·vs] for r < rows. */
function dotRows(mat: Float32Array, mo: number, rows: number, cols: number, vec: Float32Array, vo: number, vs: number, out: Float32Array, o: number): void {
  for (let r = 0; r < rows; r++) {
    let acc = 0
    const base = mo + r * cols
    for (let c = 0; c < cols; c++) acc += mat[base + c]! * vec[vo + c * vs]!
    out[o + r] = acc
  }
}

/** out[o + c] += Σ_r vec[vo + r·vs] · mat[mo + r·cols + c] for c < cols. */
function axpyRows(mat: Float32Array, mo: number, rows: number, cols: number, vec: Float32Array, vo: number, vs: number, out: Float32Array, o: number): void {
  for (let r = 0; r < rows; r++) {
    const v = vec[vo + r * vs]!
    if (v === 0) continue
    const base = mo + r * cols
    for (let c = 0; c < cols; c++) out[o + c]! += v * mat[base + c]!
  }
}
