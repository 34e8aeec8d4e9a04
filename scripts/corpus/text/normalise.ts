import { MAX_CARDINAL, cardinal, digits, ordinal, year } from './spell-number'

/**
 * Normalises text to the model's alphabet: lowercase a-z, apostrophe, single spaces; numbers, money, times,
 * percentages and a few abbreviations spelled out as spoken. Pure (no I/O): usable by the corpus, the peer and the app.
 */
type Rule = readonly [RegExp, (match: string, ...groups: string[]) => string]

const CURRENCIES: Readonly<Record<string, readonly [string, string]>> = {
  $: ['dollar', 'cent'],
  '£': ['pound', 'penny'],
  '€': ['euro', 'cent']
}

const plural = (count: number, word: string): string => {
  if (count === 1) return word
  return word === 'penny' ? 'pence' : `${word}s`
}

/** 1050 → "one thousand fifty", leading zeros read digit by digit, years in 1100-2099 read as years. */
function integer(text: string): string {
  if (text.length > 1 && text.startsWith('0')) return digits(text)
  const n = Number(text)
  if (n > MAX_CARDINAL) return digits(text)
  if (text.length === 4 && n >= 1100 && n <= 2099) return year(n)
  return cardinal(n)
}

/** Amounts ("1,250" or "1250" dollars) are never years. */
function quantity(text: string): string {
  const plain = text.replace(/,/g, '')
  const n = Number(plain)
  return n > MAX_CARDINAL ? digits(plain) : cardinal(n)
}

function pluralWords(words: string): string {
  if (words.endsWith('y')) return `${words.slice(0, -1)}ies`
  return words.endsWith('x') ? `${words}es` : `${words}s`
}

function clock(hour: string, minute: string, meridiem: string | undefined): string {
  const m = Number(minute)
  const suffix = meridiem ? ` ${meridiem.toLowerCase()} m` : ''
  if (m === 0) return `${cardinal(Number(hour))}${suffix || " o'clock"}`
  return `${cardinal(Number(hour))} ${m < 10 ? `oh ${cardinal(m)}` : cardinal(m)}${suffix}`
}

const RULES: readonly Rule[] = [
  [/\be\.g\./gi, () => ' for example '],
  [/\bi\.e\./gi, () => ' that is '],
  [/\betc\./gi, () => ' et cetera '],
  [/\bmrs\./gi, () => 'missus'],
  [/\bmr\./gi, () => 'mister'],
  [/\bdr\./gi, () => 'doctor'],
  [/([$£€])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d\d))?\b/g, (_m, sign, whole, cents) => {
    const [unit, sub] = CURRENCIES[sign as string] as readonly [string, string]
    const amount = Number((whole as string).replace(/,/g, ''))
    const head = `${quantity(whole as string)} ${plural(amount, unit)}`
    const c = cents === undefined ? 0 : Number(cents)
    return c === 0 ? head : `${head} and ${cardinal(c)} ${plural(c, sub)}`
  }],
  [/\b(\d{1,2}):(\d\d)(?:\s*([ap])\.?m\b\.?)?/gi, (_m, h, min, mer) => clock(h as string, min as string, mer)],
  [/\b(\d{1,2})\s*([ap])\.?m\b\.?/gi, (_m, h, mer) => `${cardinal(Number(h))} ${(mer as string).toLowerCase()} m`],
  [/(\d+(?:\.\d+)?)\s*%/g, (_m, n) => `${n} percent`],
  [/\b(\d{1,15})(?:st|nd|rd|th)\b/gi, (_m, n) => ordinal(Number(n))],
  [/\b(\d+)'?s\b/g, (_m, n) => pluralWords(integer(n as string))],
  [/\b(\d+)\.(\d+)\b/g, (_m, whole, frac) => `${integer(whole as string)} point ${digits(frac as string)}`],
  [/\b\d{1,3}(?:,\d{3})+\b/g, (m) => quantity(m)],
  [/(\d)(?=[a-z])|([a-z])(?=\d)/gi, (m) => `${m} `],
  [/\d+/g, (m) => ` ${integer(m)} `],
  [/&/g, () => ' and '],
  [/@/g, () => ' at '],
  [/\+/g, () => ' plus '],
  [/=/g, () => ' equals '],
  [/%/g, () => ' percent ']
]

export function normaliseText(raw: string): string {
  let text = raw.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[\u2018\u2019\u02bc`]/g, "'")
  for (const [pattern, replace] of RULES) text = text.replace(pattern, replace as (m: string, ...g: string[]) => string)
  return text
    .toLowerCase()
    .replace(/[^a-z']+/g, ' ')
    .replace(/(^|[^a-z])'+|'+(?=[^a-z]|$)/g, '$1')
    .replace(/ +/g, ' ')
    .trim()
}
