import { cardinalWords, digitWords, ordinalWords, yearWords } from './number-words'

/**
 * Version of the text policy below; stored in each checkpoint so a model is never scored with a different policy.
 * Policy (v1):
 * 1. Unicode NFKD, diacritics removed, lower case; curly apostrophes become "'".
 * 2. Numbers become words: thousands separators ("1,000") are dropped; "$5" -> "five dollars"; "5%" -> "five percent";
 *    "3.14" -> "three point one four"; ordinals "1st/2nd/3rd/4th" -> "first/second/third/fourth"; a bare
 *    four-digit number in 1100..2099 is read as a year ("1984" -> "nineteen eighty four"), any other integer as a
 *    cardinal ("42" -> "forty two", "12345" -> "twelve thousand three hundred forty five").
 * 3. "&" -> "and", "+" -> "plus", "@" -> "at".
 * 4. Every other character outside a-z, "'" and space becomes a space (hyphens split words); apostrophes are kept
 *    only inside words ("don't"), runs of spaces collapse, and the result is trimmed.
 */
export const NORMALIZER_VERSION = 1

const SYMBOLS: Record<string, string> = { '&': ' and ', '+': ' plus ', '@': ' at ' }

function spellNumber(raw: string, ordinalSuffix: string | undefined): string {
  const plain = raw.replace(/,/g, '')
  if (ordinalSuffix) return ordinalWords(Number(plain))
  const [int, frac] = plain.split('.')
  const n = Number(int)
  const isYear = frac === undefined && !raw.includes(',') && /^\d{4}$/.test(int!) && n >= 1100 && n < 2100
  const head = isYear ? yearWords(n) : cardinalWords(n)
  return frac ? `${head} point ${digitWords(frac)}` : head
}

function numbersToWords(text: string): string {
  return text
    .replace(/\$(\d[\d,]*(?:\.\d+)?)/g, (_, num: string) => `${num} dollars`)
    .replace(/(\d)%/g, '$1 percent')
    .replace(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(st|nd|rd|th)?\b/g, (_, int: string, frac: string | undefined, ord: string | undefined) =>
      ` ${spellNumber(int + (frac ?? ''), ord)} `)
}

/** Applies the v1 policy above: free text -> the model's alphabet (a-z, "'", single spaces). */
export function normalizeText(text: string): string {
  let t = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  t = t.replace(/[\u2018\u2019\u02bc`]/g, "'")
  t = t.replace(/[&+@]/g, (c) => SYMBOLS[c]!)
  t = numbersToWords(t)
  t = t.replace(/[^a-z' ]+/g, ' ')
  t = t.replace(/(^|[^a-z])'+|'+(?=[^a-z]|$)/g, '$1')
  return t.replace(/\s+/g, ' ').trim()
}
