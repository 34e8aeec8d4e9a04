/** English number words for the transcript normaliser (American style: no "and" inside numbers). */
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const SCALES: ReadonlyArray<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']]
const ORDINAL_WORDS: Readonly<Record<string, string>> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth'
}

/** Largest integer spelled as words; longer digit strings are read digit by digit. */
export const MAX_CARDINAL = 1e15 - 1

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] as string
  const tens = TENS[Math.floor(n / 10)] as string
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10] as string}`
}

function belowThousand(n: number): string {
  if (n < 100) return belowHundred(n)
  const rest = n % 100
  const head = `${ONES[Math.floor(n / 100)] as string} hundred`
  return rest === 0 ? head : `${head} ${belowHundred(rest)}`
}

/** 0 ≤ n ≤ MAX_CARDINAL, integer. */
export function cardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_CARDINAL) throw new RangeError(`cardinal: ${n}`)
  if (n < 1000) return belowThousand(n)
  const parts: string[] = []
  let rest = n
  for (const [scale, word] of SCALES) {
    if (rest >= scale) {
      parts.push(`${belowThousand(Math.floor(rest / scale))} ${word}`)
      rest %= scale
    }
  }
  if (rest > 0) parts.push(belowThousand(rest))
  return parts.join(' ')
}

export function ordinal(n: number): string {
  const words = cardinal(n).split(' ')
  const last = words.pop() as string
  const special = ORDINAL_WORDS[last]
  const suffixed = special ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`)
  return [...words, suffixed].join(' ')
}

/** Years as spoken: 1984 "nineteen eighty four", 1900 "nineteen hundred", 1905 "nineteen oh five", 2005 "two thousand five". */
export function year(n: number): string {
  if (n >= 2000 && n < 2010) return cardinal(n)
  const high = Math.floor(n / 100)
  const low = n % 100
  if (low === 0) return `${cardinal(high)} hundred`
  return `${cardinal(high)} ${low < 10 ? `oh ${cardinal(low)}` : cardinal(low)}`
}

export function digits(text: string): string {
  return [...text].map((d) => ONES[Number(d)] as string).join(' ')
}
