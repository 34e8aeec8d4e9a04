import * as tf from '@tensorflow/tfjs'
import type { KernelArgs } from './wasm-internals'

interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding
  dataFormat: 'NHWC' | 'NCHW'
  dimRoundingMode?: 'floor' | 'round' | 'ceil'
  filterShape: [number, number, number, number]
}

/**
 * Conv2DBackpropFilter (filter gradient of conv2d / conv1d), missing from tfjs-backend-wasm 4.22, in plain JS
 * over the wasm heap. NHWC only (what tf.conv1d produces).
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh − padTop + kh, ow·sw − padLeft + kw, ci] · dy[b, oh, ow, co]
 */
export function conv2DBackpropFilterKernel({ inputs: { x, dy }, attrs, backend }: KernelArgs<Conv2DBackpropFilterAttrs>): tf.TensorInfo {
  if (attrs.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (project wasm kernel) supports NHWC only')
  const info = tf.backend_util.computeConv2DInfo(x!.shape as [number, number, number, number], attrs.filterShape,
    attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast')
  const out = backend.makeOutput(attrs.filterShape, 'float32')
  const xs = backend.typedArrayFromHeap(x!)
  const gs = backend.typedArrayFromHeap(dy!)
  const ws = backend.typedArrayFromHeap(out)
  ws.fill(0)
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info
  const { top, left } = info.padInfo
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const g = ((b * outHeight + oh) * outWidth + ow) * outChannels
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight - top + kh
          if (ih < 0 || ih >= inHeight) continue
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth - left + kw
            if (iw < 0 || iw >= inWidth) continue
            const xBase = ((b * inHeight + ih) * inWidth + iw) * inChannels
            for (let ci = 0; ci < inChannels; ci++) {
              const xv = xs[xBase + ci]!
              if (xv === 0) continue
              const w = ((kh * filterWidth + kw) * inChannels + ci) * outChannels
              for (let co = 0; co < outChannels; co++) ws[w + co]! += xv * gs[g + co]!
            }
          }
        }
      }
    }
  }
  return out
}
