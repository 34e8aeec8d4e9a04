/** Turning source prose into candidate sentences, and deciding which raw sentences a TTS voice can read cleanly. */
export const MIN_WORDS = 2
export const MAX_WORDS = 20

/** Splits prose at sentence and clause ends (. ! ? ; :) followed by whitespace. */
export function splitSentences(prose: string): string[] {
  return prose
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?;:])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

const ALLOWED = /^[A-Za-z0-9 '".,;:!?()\-$%&]+$/
const ACRONYM = /\b[A-Z]{2,}\b/
const UNBALANCED = /^[^(]*\)|\([^)]*$/
/** Command-line options (-m), camelCase identifiers, letters glued to digits (bash-5.0, mp3, 1990s; ordinals are fine). */
const CODE_LIKE = /(^|\s)-\w|[a-z][A-Z]|[A-Za-z]-?\d|\d(?!(?:st|nd|rd|th)\b)[A-Za-z]/
/** Forms the text normaliser does not read as spoken: abbreviations, 3:05 / 3:00, leading zeros (007). */
const MISREAD = /\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|etc|vs|e\.g|i\.e|[ap]\.m)\.|:0\d|(?<![\d,.])0\d/i

/**
 * True when every character has a spoken form the normaliser (src/model/text) knows and it would read the text as
 * spoken, there are no acronyms (engines disagree on spelling them out), no unbalanced brackets (fragments of a longer
 * text), no double hyphen (dialogue) and nothing that looks like code.
 */
export function isSpeakable(raw: string): boolean {
  const text = raw.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[\u2018\u2019\u201c\u201d]/g, "'")
  return ALLOWED.test(text) && !ACRONYM.test(text) && !UNBALANCED.test(text) && !CODE_LIKE.test(text) && !MISREAD.test(text) && !text.includes('--')
}

function wordCount(normalised: string): number {
  return normalised === '' ? 0 : normalised.split(' ').length
}

export function hasUsableLength(normalised: string): boolean {
  const n = wordCount(normalised)
  return n >= MIN_WORDS && n <= MAX_WORDS
}
