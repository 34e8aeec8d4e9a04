import type * as tf from '@tensorflow/tfjs'

/**
 * A recurrent cell split the fast way: the input half x·W_x + b is computed for all time steps at once by
 * `project`, so `step` only adds the recurrent half and applies the gates.
 */
export interface RecurrentCell {
  readonly units: number
  /** Width G of the projected input (4H for LSTM, 3H for GRU). */
  readonly gateWidth: number
  /** x [N, D] -> x·W_x + b [N, G]. */
  project(x: tf.Tensor2D): tf.Tensor2D
  /** Zero state for a batch: [h] or [h, c], each [B, H]. */
  initialState(batch: number): tf.Tensor2D[]
  /** One time step: projected input [B, G] and state -> new state; element 0 is the output h [B, H]. */
  step(xProj: tf.Tensor2D, state: tf.Tensor2D[]): tf.Tensor2D[]
  /** Optional whole-sequence fast path with the same semantics as runRecurrence: [T, B, G] -> h [T, B, H]. */
  sequence?(xProjTBG: tf.Tensor3D, maskTB1: tf.Tensor3D, reverse: boolean): tf.Tensor3D
}
