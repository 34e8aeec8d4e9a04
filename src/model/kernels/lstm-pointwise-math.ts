import type { KernelEnv } from './js-kernel'

/**
 * Forward pointwise half of the seed's peephole LSTM for a batch (the recurrent matmul is done before).
 * inputs: z [B, 4H] pre-activations (gate order i, f, c~, o), cPrev [B, H], peep [3, H], mask [B, 1]
 * outputs: h = m·o·tanh(c~), c = m·c~, act = [i, f, tanh(g), o], cRaw = c~, tanhC = tanh(c~)
 * scratch: pre, sig [B, 4H]. The transcendental work is two vectorised sigmoids (tanh(x) = 2σ(2x) − 1);
 * the JS passes around them are plain arithmetic.
 */
export function lstmCellForward(env: KernelEnv, batch: number, units: number): void {
  const H = units
  let a = env.arrays()
  {
    // 1. pre = [z_i + w_ci c_{t-1}, z_f + w_cf c_{t-1}, 2 z_g, -]
    const [z, cPrev, peep] = a.inputs as [Float32Array, Float32Array, Float32Array]
    const pre = a.scratch[0]!
    for (let b = 0; b < batch; b++) {
      const r = b * 4 * H
      for (let j = 0; j < H; j++) {
        const cp = cPrev[b * H + j]!
        pre[r + j] = z[r + j]! + peep[j]! * cp
        pre[r + H + j] = z[r + H + j]! + peep[H + j]! * cp
        pre[r + 2 * H + j] = 2 * z[r + 2 * H + j]!
      }
    }
  }
  env.sigmoid(['scratch', 0], ['output', 2])
  a = env.arrays()
  {
    // 2. g = 2σ(2 z_g) − 1, c~ = f c_{t-1} + i g; pre = [-, -, 2 c~, z_o + w_co c~]
    const [z, cPrev, peep] = a.inputs as [Float32Array, Float32Array, Float32Array]
    const [, , act, cRaw] = a.outputs as Float32Array[]
    const pre = a.scratch[0]!
    for (let b = 0; b < batch; b++) {
      const r = b * 4 * H
      for (let j = 0; j < H; j++) {
        const g = 2 * act![r + 2 * H + j]! - 1
        const cn = act![r + H + j]! * cPrev[b * H + j]! + act![r + j]! * g
        act![r + 2 * H + j] = g
        cRaw![b * H + j] = cn
        pre[r + 2 * H + j] = 2 * cn
        pre[r + 3 * H + j] = z[r + 3 * H + j]! + peep[2 * H + j]! * cn
      }
    }
  }
  env.sigmoid(['scratch', 0], ['scratch', 1])
  a = env.arrays()
  {
    // 3. o = σ(...), tanh(c~) = 2σ(2c~) − 1, h = m·o·tanh(c~), c = m·c~
    const mask = a.inputs[3]!
    const [h, c, act, cRaw, tanhC] = a.outputs as Float32Array[]
    const sig = a.scratch[1]!
    for (let b = 0; b < batch; b++) {
      const r = b * 4 * H
      const m = mask[b]!
      for (let j = 0; j < H; j++) {
        const k = b * H + j
        const o = sig[r + 3 * H + j]!
        const tc = 2 * sig[r + 2 * H + j]! - 1
        act![r + 3 * H + j] = o
        tanhC![k] = tc
        c![k] = m * cRaw![k]!
        h![k] = m * o * tc
      }
    }
  }
}

/**
 * Backward of lstmCellForward (plain arithmetic). inputs: dh, dc (gradients of the masked h, c), act, tanhC,
 * cPrev, peep, mask. outputs: dz [B, 4H] (gradient of the pre-activations) and dcPrev [B, H].
 */
export function lstmCellBackward(env: KernelEnv, batch: number, units: number): void {
  const H = units
  const a = env.arrays()
  const [dh, dc, act, tanhC, cPrev, peep, mask] = a.inputs as Float32Array[]
  const [dz, dcPrev] = a.outputs as Float32Array[]
  for (let b = 0; b < batch; b++) {
    const m = mask![b]!
    const r = b * 4 * H
    for (let j = 0; j < H; j++) {
      const k = b * H + j
      const i = act![r + j]!
      const f = act![r + H + j]!
      const g = act![r + 2 * H + j]!
      const o = act![r + 3 * H + j]!
      const tc = tanhC![k]!
      const dhr = m * dh![k]!
      const dzo = dhr * tc * o * (1 - o)
      const dcr = m * dc![k]! + dhr * o * (1 - tc * tc) + dzo * peep![2 * H + j]!
      const dzi = dcr * g * i * (1 - i)
      const dzf = dcr * cPrev![k]! * f * (1 - f)
      dz![r + j] = dzi
      dz![r + H + j] = dzf
      dz![r + 2 * H + j] = dcr * i * (1 - g * g)
      dz![r + 3 * H + j] = dzo
      dcPrev![k] = dcr * f + dzi * peep![j]! + dzf * peep![H + j]!
    }
  }
}
