import { bible } from './bible'
import { dictation } from './dictation'
import { fortunes } from './fortunes'
import { gcide } from './gcide'
import { manpages } from './manpages'
import type { TextSource } from './source'
import { wordnet } from './wordnet'

/** Every text source, with its share of the synthetic sentences (weights sum to 1). */
export const TEXT_SOURCES: readonly TextSource[] = [wordnet, dictation, fortunes, bible, gcide, manpages]
