import * as tf from '@tensorflow/tfjs'
import type { KernelArgs, KernelFunc } from './wasm-internals'

interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding
  dataFormat: 'NHWC' | 'NCHW'
  dimRoundingMode?: 'floor' | 'round' | 'ceil'
  filterShape: [number, number, number, number]
}

/**
 * Conv2DBackpropFilter (filter gradient of conv2d / conv1d), missing from tfjs-backend-wasm 4.22: im2col in
 * JS over the wasm heap, then one matrix product on the given BatchMatMul kernel.
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh − padTop + kh, ow·sw − padLeft + kw, ci] · dy[b, oh, ow, co]
 * NHWC only (what tf.conv1d produces).
 */
export function makeConv2DBackpropFilterKernel(batchMatMul: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const { inputs: { x, dy }, backend } = args
    const attrs = args.attrs as unknown as Conv2DBackpropFilterAttrs
    if (attrs.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (project wasm kernel) supports NHWC only')
    const info = tf.backend_util.computeConv2DInfo(x!.shape as [number, number, number, number], attrs.filterShape,
      attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast')
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info
    const rows = batchSize * outHeight * outWidth
    const cols = filterHeight * filterWidth * inChannels
    const patches = backend.makeOutput([rows, cols], 'float32')
    const xs = backend.typedArrayFromHeap(x!)
    const ps = backend.typedArrayFromHeap(patches)
    ps.fill(0)
    for (let r = 0; r < rows; r++) {
      const ow = r % outWidth
      const oh = Math.floor(r / outWidth) % outHeight
      const b = Math.floor(r / (outWidth * outHeight))
      for (let kh = 0; kh < filterHeight; kh++) {
        const ih = oh * strideHeight - info.padInfo.top + kh
        if (ih < 0 || ih >= inHeight) continue
        for (let kw = 0; kw < filterWidth; kw++) {
          const iw = ow * strideWidth - info.padInfo.left + kw
          if (iw < 0 || iw >= inWidth) continue
          const src = ((b * inHeight + ih) * inWidth + iw) * inChannels
          const dst = r * cols + (kh * filterWidth + kw) * inChannels
          for (let ci = 0; ci < inChannels; ci++) ps[dst + ci] = xs[src + ci]!
        }
      }
    }
    const dy2d = { dataId: dy!.dataId, shape: [rows, outChannels], dtype: dy!.dtype }
    const dw = batchMatMul({ inputs: { a: patches, b: dy2d }, backend, attrs: { transposeA: true, transposeB: false } }) as tf.TensorInfo
    backend.disposeData(patches.dataId)
    return { ...dw, shape: attrs.filterShape }
  }
}
