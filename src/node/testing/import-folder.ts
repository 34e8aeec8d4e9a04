import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { speakToWav } from '../tts'
import { encodeWav16 } from '../wav'

/** The good pairs writeImportFolder writes (audio name, transcript). */
export const GOOD_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['good1.wav', 'open the door'], ['good2.wav', 'turn left'], ['good3.wav', 'call my mother'], ['good4.wav', 'stop the music']
]

/** A folder for import tests: four good flite pairs and one of each kind of broken pair, with the problem each causes. */
export function writeImportFolder(dir: string): RegExp[] {
  for (const [name, text] of GOOD_PAIRS) {
    speakToWav(text, join(dir, name))
    writeFileSync(join(dir, name.replace('.wav', '.txt')), `${text}\n`)
  }
  speakToWav('no text here', join(dir, 'notext.wav'))
  writeFileSync(join(dir, 'orphan.txt'), 'an orphan transcript')
  writeFileSync(join(dir, 'junk.wav'), 'definitely not audio')
  writeFileSync(join(dir, 'junk.txt'), 'junk')
  writeFileSync(join(dir, 'long.wav'), encodeWav16(new Float32Array(31 * 16000), 16000))
  writeFileSync(join(dir, 'long.txt'), 'far too long')
  speakToWav('silence', join(dir, 'empty.wav'))
  writeFileSync(join(dir, 'empty.txt'), ' -- ')
  return [
    /^empty\.wav: the transcript is empty \(nothing the model can spell\)$/,
    /^junk\.wav: not a readable audio file/,
    /^long\.wav: 31\.0 s is longer than the 30 s limit$/,
    /^notext\.wav: no transcript \(notext\.txt is missing\)$/,
    /^orphan\.txt: no audio file with the same name$/
  ]
}
