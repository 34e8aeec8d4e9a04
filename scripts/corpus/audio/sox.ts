import { execFile } from '../util/exec'
import { SAMPLE_RATE } from './wav'

/**
 * Decodes any file sox reads, runs `effects`, and returns 16 kHz mono float samples (raw little-endian float32 on
 * stdout). A fixed 6 dB cut first leaves headroom for effects that overshoot (sox's own -G fails on some chains);
 * callers set the final level themselves.
 */
export async function soxToFloat32(input: string, effects: readonly string[] = []): Promise<Float32Array> {
  const out = await execFile('sox', ['-V1', input, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-r', String(SAMPLE_RATE), '-c', '1', '-', 'gain', '-6', ...effects])
  const samples = new Float32Array(out.length / 4)
  for (let i = 0; i < samples.length; i++) samples[i] = out.readFloatLE(i * 4)
  return samples
}
