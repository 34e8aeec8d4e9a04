import * as tf from '@tensorflow/tfjs'
import { jsKernelConfigs, type JsKernelSpec } from './js-kernel'
import { lstmCellBackward, lstmCellForward } from './lstm-pointwise-math'

export const LSTM_CELL = 'S2sLstmCell'
export const LSTM_CELL_GRAD = 'S2sLstmCellGrad'

const forwardSpec: JsKernelSpec = {
  name: LSTM_CELL,
  inputNames: ['z', 'cPrev', 'peep', 'mask'],
  outputShapes: ([z, c]) => [c!, c!, z!, c!, c!],
  scratchShapes: ([z]) => [z!, z!],
  compute: (env, [, c]) => lstmCellForward(env, c![0]!, c![1]!)
}

const backwardSpec: JsKernelSpec = {
  name: LSTM_CELL_GRAD,
  inputNames: ['dh', 'dc', 'act', 'tanhC', 'cPrev', 'peep', 'mask'],
  outputShapes: ([dh, , act]) => [act!, dh!],
  compute: (env, [dh]) => lstmCellBackward(env, dh![0]!, dh![1]!)
}

/** Kernel configs (cpu + wasm) of the fused LSTM cell and its gradient. */
export const lstmCellKernelConfigs = (): tf.KernelConfig[] => [...jsKernelConfigs(forwardSpec), ...jsKernelConfigs(backwardSpec)]

/** True when the fused cell kernels exist for the active backend. */
export const fusedLstmAvailable = (): boolean => tf.getKernel(LSTM_CELL, tf.getBackend()) !== undefined

/** Result of the fused cell; `act`, `cRaw` (c~) and `tanhC` (tanh c~) are what the backward pass needs. */
export interface LstmCellOutputs {
  h: tf.Tensor2D
  c: tf.Tensor2D
  act: tf.Tensor2D
  cRaw: tf.Tensor2D
  tanhC: tf.Tensor2D
}

/**
 * Fused pointwise LSTM step (differentiable: its gradient kernel is registered below).
 * @param z pre-activations [B, 4H]; cPrev [B, H]; peep [3, H] (zeros when disabled); mask [B, 1]
 */
export function lstmCellFused(z: tf.Tensor2D, cPrev: tf.Tensor2D, peep: tf.Tensor2D, mask: tf.Tensor2D): LstmCellOutputs {
  const [h, c, act, cRaw, tanhC] = tf.engine().runKernel(LSTM_CELL, { z, cPrev, peep, mask }, {}) as tf.Tensor2D[]
  return { h: h!, c: c!, act: act!, cRaw: cRaw!, tanhC: tanhC! }
}

/** Gradient of lstmCellFused w.r.t. z and cPrev, given the gradients of its h and c outputs. */
export function lstmCellFusedGrad(dh: tf.Tensor, dc: tf.Tensor, act: tf.Tensor, tanhC: tf.Tensor, cPrev: tf.Tensor, peep: tf.Tensor, mask: tf.Tensor): { dz: tf.Tensor2D; dcPrev: tf.Tensor2D } {
  const [dz, dcPrev] = tf.engine().runKernel(LSTM_CELL_GRAD, { dh, dc, act, tanhC, cPrev, peep, mask }, {}) as tf.Tensor2D[]
  return { dz: dz!, dcPrev: dcPrev! }
}

let gradientRegistered = false

/**
 * Registers the autodiff rule of the fused cell (needed where the cell is used outside lstmSequence, i.e. the
 * decoder). Peephole gradients: dp_i = Σ_b dz_i·c_{t-1}, dp_f = Σ_b dz_f·c_{t-1}, dp_o = Σ_b dz_o·c~.
 */
export function registerLstmCellGradient(): void {
  if (gradientRegistered) return
  gradientRegistered = true
  tf.registerGradient({
    kernelName: LSTM_CELL,
    inputsToSave: ['cPrev', 'peep', 'mask'],
    outputsToSave: [false, false, true, true, true],
    gradFunc: (dy, saved) => {
      const [cPrev, peep, mask, act, cRaw, tanhC] = saved as tf.Tensor2D[]
      const [dh, dc] = dy as tf.Tensor[]
      const { dz, dcPrev } = lstmCellFusedGrad(dh!, dc!, act!, tanhC!, cPrev!, peep!, mask!)
      return {
        z: () => dz,
        cPrev: () => dcPrev,
        peep: () => peepholeGrads(dz, cPrev!, cRaw!),
        mask: () => tf.zerosLike(mask!)
      }
    }
  })
}

/** [3, H] peephole gradients from dz [N, 4H], c_{t-1} [N, H] and c~ [N, H] (N = any flattened batch). */
export function peepholeGrads(dz: tf.Tensor2D, cPrev: tf.Tensor2D, cRaw: tf.Tensor2D): tf.Tensor2D {
  const [dzi, dzf, , dzo] = tf.split(dz, 4, 1)
  return tf.stack([tf.sum(tf.mul(dzi!, cPrev), 0), tf.sum(tf.mul(dzf!, cPrev), 0), tf.sum(tf.mul(dzo!, cRaw), 0)]) as tf.Tensor2D
}
