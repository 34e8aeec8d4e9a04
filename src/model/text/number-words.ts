const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const SCALES: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']]
const ORDINAL_IRREGULAR: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth'
}

function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!
  const tens = TENS[Math.floor(n / 10)]!
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10]}`
}

function belowThousand(n: number): string {
  const rest = n % 100
  if (n < 100) return belowHundred(n)
  const hundreds = `${ONES[Math.floor(n / 100)]} hundred`
  return rest === 0 ? hundreds : `${hundreds} ${belowHundred(rest)}`
}

/** Cardinal words for a non-negative integer below 10^15: 42 -> "forty two" (no "and"). */
export function cardinalWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e15) throw new RangeError(`cannot spell ${n}`)
  if (n < 1000) return belowThousand(n)
  const parts: string[] = []
  let rest = n
  for (const [scale, name] of SCALES) {
    if (rest >= scale) {
      parts.push(`${belowThousand(Math.floor(rest / scale))} ${name}`)
      rest %= scale
    }
  }
  if (rest > 0) parts.push(belowThousand(rest))
  return parts.join(' ')
}

/** Ordinal words: 21 -> "twenty first", 100 -> "one hundredth". */
export function ordinalWords(n: number): string {
  const words = cardinalWords(n).split(' ')
  const last = words.pop()!
  const irregular = ORDINAL_IRREGULAR[last]
  const ord = irregular ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`)
  return [...words, ord].join(' ')
}

/**
 * Year reading for 1100..2099: 1984 -> "nineteen eighty four", 1900 -> "nineteen hundred",
 * 2005 -> "two thousand five", 2024 -> "twenty twenty four", 1905 -> "nineteen oh five".
 */
export function yearWords(n: number): string {
  if (n >= 2000 && n < 2010) return cardinalWords(n)
  const hi = Math.floor(n / 100)
  const lo = n % 100
  if (lo === 0) return `${belowHundred(hi)} hundred`
  return `${belowHundred(hi)} ${lo < 10 ? `oh ${ONES[lo]}` : belowHundred(lo)}`
}

/** Digit-by-digit reading used after a decimal point: "05" -> "zero five". */
export function digitWords(digits: string): string {
  return Array.from(digits, (d) => ONES[Number(d)]!).join(' ')
}
