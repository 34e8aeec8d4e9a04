import * as tf from '@tensorflow/tfjs'
import type { ModelConfig } from '../config'
import { Seq2SeqModel } from './seq2seq'

/**
 * Where each index of a widened axis comes from: an index of the old axis, or -1 for a position that belongs to a
 * new encoder unit.
 */
type AxisMap = Int32Array

/** `count` consecutive blocks of `from` units each, widened to blocks of `to` (old unit i of block b keeps index i). */
function blocks(count: number, from: number, to: number): AxisMap {
  const map = new Int32Array(count * to).fill(-1)
  for (let b = 0; b < count; b++) for (let i = 0; i < from; i++) map[b * to + i] = b * from + i
  return map
}

const same = (n: number): AxisMap => Int32Array.from({ length: n }, (_, i) => i)

function concatMaps(...maps: AxisMap[]): AxisMap {
  const out: number[] = []
  let offset = 0
  for (const map of maps) {
    for (const i of map) out.push(i < 0 ? -1 : i + offset)
    offset += map.reduce((n, i) => Math.max(n, i + 1), 0)
  }
  return Int32Array.from(out)
}

/** How one weight's axes widen: rows are inputs (a new row carries a new unit's output), columns outputs. */
interface WeightPlan {
  rows: AxisMap
  cols: AxisMap
}

/** Rows and columns of every weight that touches the encoder's units; weights not listed keep their shape. */
function plans(cfg: ModelConfig, units: number): Map<string, WeightPlan> {
  const { encoder: enc, decoder: dec, features } = cfg
  const h = enc.units
  const gates = blocks(4, h, units)
  const memory = blocks(2, h, units) // [fw | bw]
  const out = new Map<string, WeightPlan>()
  for (let l = 0; l < enc.layers; l++) {
    // a layer's input: stacked frames, or the previous layer's [fw | bw] (twice over after a pyramid step)
    const input = l === 0 ? same(features.melBands * enc.stack) : blocks(enc.pyramidAfter.includes(l - 1) ? 4 : 2, h, units)
    for (const dir of ['fw', 'bw']) {
      const name = `enc/${l}/${dir}`
      out.set(`${name}/wx`, { rows: input, cols: gates })
      out.set(`${name}/wh`, { rows: blocks(1, h, units), cols: gates })
      out.set(`${name}/b`, { rows: same(1), cols: gates })
      out.set(`${name}/peep`, { rows: same(3), cols: blocks(1, h, units) })
    }
  }
  out.set('att/wk', { rows: memory, cols: same(cfg.attention.dim) })
  out.set('att/wa', { rows: memory, cols: same(dec.units) })
  out.set('ctc/w', { rows: memory, cols: same(cfg.tokens.length) })
  out.set('dec/lstm/wx', { rows: concatMaps(same(dec.embedDim), memory), cols: same(4 * dec.units) })
  out.set('dec/wc', { rows: concatMaps(memory, same(dec.units)), cols: same(dec.units) })
  return out
}

/**
 * Widened values: old weights at their old places; a new unit's own incoming weights, bias and peepholes keep the
 * fresh (seeded) initialisation of `fresh`; every weight carrying a new unit's output is zero, so the widened model
 * computes exactly what the old one did, and training grows those weights from their gradients (Net2Net-style
 * function-preserving growth, Chen et al. 2016, with zeros instead of copied units).
 */
function widenedValues(old: Float32Array, fresh: Float32Array, plan: WeightPlan): Float32Array {
  const out = new Float32Array(fresh.length)
  const cols = plan.cols.length
  const oldCols = old.length / plan.rows.filter((i) => i >= 0).length
  for (let r = 0; r < plan.rows.length; r++) {
    const oldRow = plan.rows[r]!
    if (oldRow < 0) continue // a new unit's output: zero
    for (let c = 0; c < cols; c++) {
      const oldCol = plan.cols[c]!
      out[r * cols + c] = oldCol < 0 ? fresh[r * cols + c]! : old[oldRow * oldCols + oldCol]!
    }
  }
  return out
}

/**
 * A model with `units` encoder units per direction (at least the current number) that computes the same outputs
 * as `model`: more capacity for a run that has stopped improving on its training data, without starting over.
 * LSTM encoders only; the attention must not tie the decoder's size to the encoder's (dot attention).
 * @throws with a one-line reason when the model cannot be widened this way
 */
export function widenEncoder(model: Seq2SeqModel, units: number): Seq2SeqModel {
  const cfg = model.config
  if (cfg.encoder.cell !== 'lstm') throw new Error(`only LSTM encoders can be widened (this one is ${cfg.encoder.cell})`)
  if (cfg.attention.type === 'dot') throw new Error('dot attention ties the decoder to the encoder width; it cannot be widened')
  if (!Number.isInteger(units) || units < cfg.encoder.units) throw new Error(`the new width must be a whole number of at least ${cfg.encoder.units} units, got ${units}`)
  const widened = Seq2SeqModel.create({ ...cfg, encoder: { ...cfg.encoder, units } }) // create() copies the config
  const weightPlans = plans(cfg, units)
  for (const [name, variable] of widened.params) {
    const source = model.params.get(name)
    if (!source) throw new Error(`the model has no weight ${name}`)
    const plan = weightPlans.get(name)
    if (!plan) {
      variable.assign(source)
      continue
    }
    const values = widenedValues(source.dataSync() as Float32Array, variable.dataSync() as Float32Array, plan)
    tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)))
  }
  return widened
}
