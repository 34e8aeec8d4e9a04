/** "1 recording", "2 recordings", "0 recordings": a count with its noun in the right number (English). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`
}
