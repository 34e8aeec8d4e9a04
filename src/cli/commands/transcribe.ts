import { mkdir, writeFile } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatTranscript, TRANSCRIPT_FORMATS, type TranscriptFormat } from '../../shared/transcript-format'
import { newJobId } from '../../shared/rpc-client'
import { UsageError, type Command } from '../command'
import { decoderFlagOptions, decoderSettingsFrom, DECODER_FLAGS_SYNOPSIS } from '../decoder-flags'
import { withEngine } from '../engine-session'
import { showProgress } from '../progress'

export const transcribeCommand: Command = {
  name: 'transcribe',
  synopsis: `s2s transcribe FILE... [--format txt|srt|vtt|json] [--out DIR] [--model DIR] ${DECODER_FLAGS_SYNOPSIS}`,
  summary: 'transcribe audio files (wav, mp3, flac, ogg, opus, m4a, webm) with timestamps',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' }, ...decoderFlagOptions },
      strict: true
    })
    if (positionals.length === 0) throw new UsageError('expected at least one audio FILE')
    const format = (values.format ?? 'txt') as TranscriptFormat
    if (!TRANSCRIPT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${TRANSCRIPT_FORMATS.join(', ')}, got "${values.format}"`)
    const decoding = decoderSettingsFrom(values)
    let failures = 0
    await withEngine(async (engine) => {
      for (const file of positionals) {
        const jobId = newJobId('transcribe')
        const stop = showProgress(engine, jobId, basename(file))
        try {
          const transcript = await engine.call('asr.transcribeFile', { path: resolve(file), modelDir: values.model && resolve(values.model), decoding }, jobId)
          const text = formatTranscript(transcript, format)
          if (values.out) {
            await mkdir(values.out, { recursive: true })
            const target = join(values.out, `${basename(file, extname(file))}.${format}`)
            await writeFile(target, text)
            console.error(`${file} → ${target}`)
          } else {
            process.stdout.write(positionals.length > 1 ? `== ${file}\n${text}` : text)
          }
        } catch (err) {
          failures += 1
          console.error(`s2s transcribe: ${(err as Error).message.split('\n')[0]}`)
        } finally {
          stop()
        }
      }
    })
    return failures === 0 ? 0 : 1
  }
}
