import * as tf from '@tensorflow/tfjs'

/** One compared gradient entry. */
export interface GradientSample {
  variable: string
  index: number
  analytic: number
  numeric: number
}

/**
 * Compares tf.variableGrads of `loss` with central finite differences on `perVariable` entries of each
 * variable (chosen deterministically, spread over the tensor). Test-only helper; run on the cpu backend.
 * @returns every compared sample and the worst relative error |a - n| / max(|a|, |n|, floor)
 */
export function checkGradients(loss: () => tf.Scalar, vars: Record<string, tf.Variable>, perVariable = 5, eps = 5e-3,
  floor = 1e-2): { samples: GradientSample[]; worst: number } {
  const list = Object.values(vars)
  const { value, grads } = tf.variableGrads(loss, list)
  value.dispose()
  const samples: GradientSample[] = []
  for (const [name, v] of Object.entries(vars)) {
    const analytic = grads[v.name]!.dataSync()
    const base = v.dataSync().slice()
    for (let j = 0; j < Math.min(perVariable, v.size); j++) {
      const index = Math.floor(((j + 0.5) * v.size) / Math.min(perVariable, v.size))
      const at = (delta: number): number => {
        const probe = base.slice()
        probe[index]! += delta
        v.assign(tf.tensor(probe, v.shape))
        return tf.tidy(() => loss().dataSync()[0]!)
      }
      const numeric = (at(eps) - at(-eps)) / (2 * eps)
      v.assign(tf.tensor(base, v.shape))
      samples.push({ variable: name, index, analytic: analytic[index]!, numeric })
    }
  }
  tf.dispose(grads)
  const worst = Math.max(...samples.map((s) => Math.abs(s.analytic - s.numeric) / Math.max(Math.abs(s.analytic), Math.abs(s.numeric), floor)))
  return { samples, worst }
}
