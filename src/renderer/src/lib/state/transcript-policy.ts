/**
 * How dictated text is written: the model emits lowercase letters, apostrophes and spaces; each final segment
 * starts with a capital letter and the pronoun "i" (also "i'm", "i'll"…) is capitalised. No punctuation is
 * invented.
 */
export function presentSegment(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean).map((w) => (w === 'i' || w.startsWith("i'") ? 'I' + w.slice(1) : w))
  const sentence = words.join(' ')
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

/** Appends a presented segment to the transcript with one separating space. */
export function appendSegment(transcript: string, segmentText: string): string {
  const addition = presentSegment(segmentText)
  if (!addition) return transcript
  if (!transcript || /\s$/.test(transcript)) return transcript + addition
  return `${transcript} ${addition}`
}
