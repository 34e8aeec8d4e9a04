/** "1 recording", "2 recordings", "0 recordings": a count with its noun in the right number (English, regular nouns). */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
