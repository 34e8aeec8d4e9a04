const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

/**
 * Pointwise half of the seed's peephole LSTM for a batch, in one pass (the recurrent matmul is done
 * before). Rows are batch entries; z holds pre-activations [B, 4H] in gate order i, f, c~, o.
 * Writes h = m·o·tanh(c~), c = m·c~ (m = mask), act = [i, f, tanh(g), o] and cRaw = c~ for the backward pass.
 */
export function lstmCellForward(z: ArrayLike<number>, cPrev: ArrayLike<number>, peep: ArrayLike<number>, mask: ArrayLike<number>,
  units: number, h: Float32Array, c: Float32Array, act: Float32Array, cRaw: Float32Array): void {
  const batch = mask.length
  for (let b = 0; b < batch; b++) {
    const m = mask[b]!
    const zr = b * 4 * units
    for (let j = 0; j < units; j++) {
      const k = b * units + j
      const cp = cPrev[k]!
      const i = sigmoid(z[zr + j]! + peep[j]! * cp)
      const f = sigmoid(z[zr + units + j]! + peep[units + j]! * cp)
      const g = Math.tanh(z[zr + 2 * units + j]!)
      const cn = f * cp + i * g
      const o = sigmoid(z[zr + 3 * units + j]! + peep[2 * units + j]! * cn)
      act[zr + j] = i
      act[zr + units + j] = f
      act[zr + 2 * units + j] = g
      act[zr + 3 * units + j] = o
      cRaw[k] = cn
      c[k] = m * cn
      h[k] = m * o * Math.tanh(cn)
    }
  }
}

/**
 * Backward of lstmCellForward. dh, dc: gradients w.r.t. the masked outputs h, c.
 * Writes dz [B, 4H] (gradient of the pre-activations) and dcPrev [B, H].
 */
export function lstmCellBackward(dh: ArrayLike<number>, dc: ArrayLike<number>, act: ArrayLike<number>, cRaw: ArrayLike<number>,
  cPrev: ArrayLike<number>, peep: ArrayLike<number>, mask: ArrayLike<number>, units: number, dz: Float32Array, dcPrev: Float32Array): void {
  const batch = mask.length
  for (let b = 0; b < batch; b++) {
    const m = mask[b]!
    const zr = b * 4 * units
    for (let j = 0; j < units; j++) {
      const k = b * units + j
      const [i, f, g, o] = [act[zr + j]!, act[zr + units + j]!, act[zr + 2 * units + j]!, act[zr + 3 * units + j]!]
      const tc = Math.tanh(cRaw[k]!)
      const dhr = m * dh[k]!
      const dzo = dhr * tc * o * (1 - o)
      const dcr = m * dc[k]! + dhr * o * (1 - tc * tc) + dzo * peep[2 * units + j]!
      const cp = cPrev[k]!
      const dzi = dcr * g * i * (1 - i)
      const dzf = dcr * cp * f * (1 - f)
      dz[zr + j] = dzi
      dz[zr + units + j] = dzf
      dz[zr + 2 * units + j] = dcr * i * (1 - g * g)
      dz[zr + 3 * units + j] = dzo
      dcPrev[k] = dcr * f + dzi * peep[j]! + dzf * peep[units + j]!
    }
  }
}
