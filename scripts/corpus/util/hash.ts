/**
 * Stable 32-bit string hash (FNV-1a, then murmur3's finaliser so the high bits mix well on short, similar keys):
 * split decisions must not depend on seed, order or platform.
 */
export function stableHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A number in [0, 1) fixed by the text: `hashFraction(x) < 0.03` selects a stable 3%. */
export function hashFraction(text: string): number {
  return stableHash(text) / 4294967296
}

/** Eight hex digits naming the content of a plan item, so resumed runs only reuse identical files. */
export function shortHash(text: string): string {
  return stableHash(text).toString(16).padStart(8, '0')
}
