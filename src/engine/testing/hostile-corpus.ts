import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeWav16 } from '../../node/wav'
import { formatManifest, MANIFEST_COLUMNS } from '../../shared/manifest'

/** One hostile input: an audio file (asr.transcribeFile, `s2s transcribe`) or a manifest (asr.evaluate, `s2s eval`). */
export interface HostileCase {
  label: string
  kind: 'audio' | 'manifest'
  path: string
  /** 'fails': a one-line bad-input reason is the only right answer; 'either': odd but maybe usable. */
  expect: 'fails' | 'works' | 'either'
}

const RATE = 16_000

/** A second of a 440 Hz tone at 16 kHz, 16-bit mono: the healthy file the damaged ones are made from. */
function tone(seconds = 1): Buffer {
  return encodeWav16(Float32Array.from({ length: seconds * RATE }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / RATE)), RATE)
}

/** `tone()` with header fields overwritten: [byte offset, value, bytes (2 or 4)]. */
function patched(...fields: [number, number, 2 | 4][]): Buffer {
  const wav = tone()
  for (const [at, value, size] of fields) {
    if (size === 2) wav.writeUInt16LE(value, at)
    else wav.writeUInt32LE(value, at)
  }
  return wav
}

/** A float32 WAV (format 3) holding `samples`. */
function floatWav(samples: number[]): Buffer {
  const data = Buffer.alloc(samples.length * 4)
  samples.forEach((v, i) => data.writeFloatLE(v, i * 4))
  const header = patched([20, 3, 2], [28, RATE * 4, 4], [32, 4, 2], [34, 32, 2]).subarray(0, 44)
  header.writeUInt32LE(36 + data.length, 4)
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

/** RIFF/WAVE from raw chunks (id + declared size + body). */
function riff(...chunks: [string, number, Buffer][]): Buffer {
  const body = Buffer.concat(chunks.map(([id, size, data]) => Buffer.concat([Buffer.from(id, 'latin1'), u32(size), data])))
  return Buffer.concat([Buffer.from('RIFF'), u32(body.length + 4), Buffer.from('WAVE'), body])
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(value)
  return b
}

/**
 * Writes the issue-9 corpus of malformed and odd inputs into `dir` (audio files, manifests and the folders,
 * links and special files they point at) and returns the cases. Generated on the spot; needs `mkfifo`.
 */
export function writeHostileCorpus(dir: string): HostileCase[] {
  const cases: HostileCase[] = []
  const audio = (label: string, name: string, bytes: Buffer | null, expect: HostileCase['expect'] = 'fails'): void => {
    const path = join(dir, name)
    if (bytes) writeFileSync(path, bytes)
    cases.push({ label, kind: 'audio', path, expect })
  }
  const fmt = tone().subarray(12, 36)
  const pcm = tone().subarray(44)
  audio('an empty file', 'empty.wav', Buffer.alloc(0))
  audio('only a header, no samples', 'header-only.wav', patched([4, 36, 4], [40, 0, 4]).subarray(0, 44))
  audio('a header cut at 20 bytes', 'cut-header.wav', tone().subarray(0, 20))
  audio('data cut short of its declared size', 'cut-data.wav', tone().subarray(0, 1044), 'either')
  audio('a RIFF size of 4 GiB', 'huge-riff.wav', patched([4, 0xffffffff, 4]), 'either')
  audio('a data size of 4 GiB', 'huge-data.wav', patched([40, 0xffffffff, 4]), 'either')
  audio('zero channels', 'zero-channels.wav', patched([22, 0, 2]))
  audio('65535 channels', 'many-channels.wav', patched([22, 0xffff, 2]))
  audio('a sample rate of 0 Hz', 'rate-0.wav', patched([24, 0, 4]))
  audio('a sample rate of 100 Hz', 'rate-100.wav', patched([24, 100, 4]))
  audio('a sample rate of 4 GHz', 'rate-4g.wav', patched([24, 4e9, 4]))
  audio('0 bits per sample', 'bits-0.wav', patched([34, 0, 2]))
  audio('12 bits per sample', 'bits-12.wav', patched([34, 12, 2]), 'either')
  audio('an unknown format tag', 'format-1234.wav', patched([20, 0x1234, 2]))
  audio('NaN samples (float WAV)', 'nan.wav', floatWav(Array.from({ length: RATE }, (_, i) => (i % 3 ? Number.NaN : 0.1))), 'works')
  audio('infinite samples (float WAV)', 'inf.wav', floatWav(Array.from({ length: RATE }, (_, i) => (i % 2 ? Infinity : -Infinity))), 'either')
  audio('samples of 1e30 (float WAV)', 'huge-float.wav', floatWav(Array.from({ length: RATE }, () => 1e30)), 'either')
  audio('a fmt chunk of size 0', 'fmt-0.wav', riff(['fmt ', 0, Buffer.alloc(0)], ['data', pcm.length, pcm]))
  audio('no fmt chunk', 'no-fmt.wav', riff(['data', pcm.length, pcm]))
  audio('no data chunk', 'no-data.wav', riff(['fmt ', 16, fmt.subarray(8)]))
  audio('a LIST chunk claiming 4 GiB', 'huge-list.wav', riff(['fmt ', 16, fmt.subarray(8)], ['LIST', 0xfffffff0, Buffer.from('INFO')], ['data', pcm.length, pcm]), 'either')
  audio('one sample', 'one-sample.wav', encodeWav16(Float32Array.of(0.5), RATE), 'either')
  audio('20 s of digital silence', 'silence.wav', encodeWav16(new Float32Array(20 * RATE), RATE), 'works')
  audio('full-scale DC', 'dc.wav', encodeWav16(new Float32Array(RATE).fill(1), RATE), 'works')
  audio('UTF-8 text named .wav', 'text.wav', Buffer.from('relative_audio_path\tduration_seconds\nnot audio at all\n'))
  audio('a PNG named .mp3', 'image.mp3', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(512)]))
  audio('a zip named .flac', 'archive.flac', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(512, 7)]))
  audio('an ID3 tag and no frames', 'id3-only.mp3', Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x0a'), Buffer.alloc(10)]))
  audio('junk after an MPEG sync word', 'junk.mp3', Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(4096, 0x55)]), 'either')
  audio('junk after fLaC', 'junk.flac', Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(2048, 0x13)]))
  audio('junk after OggS', 'junk.ogg', Buffer.concat([Buffer.from('OggS'), Buffer.alloc(2048, 0x21)]))
  audio('a folder named .wav', 'folder.wav', null)
  mkdirSync(join(dir, 'folder.wav'))
  audio('a file without read permission', 'locked.wav', tone(), 'either') // root may read it anyway
  chmodSync(join(dir, 'locked.wav'), 0)
  audio('a path that does not exist', 'missing.wav', null)
  audio('a link to /dev/zero', 'zero.wav', null)
  symlinkSync('/dev/zero', join(dir, 'zero.wav'))
  audio('a named pipe', 'fifo.wav', null)
  execFileSync('mkfifo', [join(dir, 'fifo.wav')])
  audio('a name with a newline', 'new\nline.wav', tone(), 'works')

  const manifest = (label: string, name: string, text: string | null, expect: HostileCase['expect'] = 'fails'): void => {
    const path = join(dir, name)
    if (text !== null) writeFileSync(path, text)
    cases.push({ label, kind: 'manifest', path, expect })
  }
  writeFileSync(join(dir, 'ok.wav'), tone())
  const header = MANIFEST_COLUMNS.join('\t')
  const row = (path: string, duration = '1'): string => `${path}\t${duration}\tspk\thello there\thello there`
  manifest('an empty manifest', 'empty.tsv', '')
  manifest('a header and no rows', 'header-only.tsv', `${header}\n`)
  manifest('UTF-8 BOM and CRLF line ends', 'bom-crlf.tsv', `\uFEFF${header}\r\n${row('ok.wav')}\r\n`, 'works')
  manifest('old Mac CR line ends', 'cr.tsv', `${header}\r${row('ok.wav')}\r`)
  manifest('rows with three columns', 'missing-columns.tsv', `${header}\nok.wav\t1\tspk\n`)
  manifest('a header without the transcript column', 'bad-header.tsv', 'relative_audio_path\tduration_seconds\tspeaker_id\nok.wav\t1\tspk\n')
  manifest('an absurd duration (1e308 s)', 'absurd-duration.tsv', `${header}\n${row('ok.wav', '1e308')}\n`, 'works')
  manifest('a negative duration', 'negative-duration.tsv', `${header}\n${row('ok.wav', '-1')}\n`)
  manifest('a NaN duration', 'nan-duration.tsv', `${header}\n${row('ok.wav', 'NaN')}\n`)
  manifest('a row naming a folder', 'row-folder.tsv', `${header}\n${row('folder.wav')}\n`)
  manifest('a row naming /dev/zero', 'row-device.tsv', `${header}\n${row('/dev/zero')}\n`)
  manifest('a row escaping to /etc/passwd', 'row-passwd.tsv', `${header}\n${row('../../../../../../etc/passwd')}\n`)
  manifest('a row naming NaN audio', 'row-nan-audio.tsv', formatManifest([{ path: 'nan.wav', durationSeconds: 1, speaker: 's', transcript: 'a', original: 'a' }]), 'works')
  manifest('binary junk named .tsv', 'binary.tsv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString('latin1'))
  manifest('one 2 MB line', 'long-line.tsv', `${header}\n${'x'.repeat(2_000_000)}\n`)
  manifest('the same row twice', 'duplicate.tsv', `${header}\n${row('ok.wav')}\n${row('ok.wav')}\n`, 'works')
  manifest('a manifest that is a folder', 'folder.tsv', null)
  mkdirSync(join(dir, 'folder.tsv'))
  manifest('a manifest that does not exist', 'missing.tsv', null)
  manifest('a manifest that is a named pipe', 'fifo.tsv', null)
  execFileSync('mkfifo', [join(dir, 'fifo.tsv')])
  return cases
}
