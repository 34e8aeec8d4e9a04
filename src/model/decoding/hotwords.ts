import type { TokenScorer } from './token-scorer'

interface TrieNode {
  children: Map<number, TrieNode>
  /** A whole hot word/phrase ends here. */
  complete: boolean
}

/** Where a hypothesis is in the hot-word tree: a node (inside a hot-word prefix) or null (mid-word, outside). */
export interface HotwordState {
  node: TrieNode | null
  /** Bonus granted on the current path and not yet confirmed. */
  pending: number
  /** The last token was a space (or nothing yet): a hot word may start here. */
  wordStart: boolean
}

/**
 * Hot-word biasing over a character prefix tree of the user's words and phrases (token ids). A hypothesis at a
 * word start enters the tree; each character that follows a tree edge earns `bonus` at once (so the path
 * survives the beam), a character that leaves the tree revokes what the path earned, and a word end (space or
 * eos) on a complete entry confirms it. Phrases span spaces: a space that continues a phrase keeps the path.
 */
export class HotwordBiasing implements TokenScorer<HotwordState> {
  private readonly root: TrieNode = { children: new Map(), complete: false }

  /** @param phrases token ids of each hot word or phrase (no leading/trailing space) */
  constructor(phrases: readonly (readonly number[])[], private readonly space: number, private readonly eos: number, private readonly bonus: number) {
    for (const phrase of phrases) {
      let node = this.root
      for (const id of phrase) {
        let next = node.children.get(id)
        if (!next) node.children.set(id, (next = { children: new Map(), complete: false }))
        node = next
      }
      if (phrase.length > 0) node.complete = true
    }
  }

  initial(): HotwordState {
    return { node: this.root, pending: 0, wordStart: true }
  }

  extend(state: HotwordState, token: number): { delta: number; state: HotwordState } {
    const { node, pending, wordStart } = state
    const next = token === this.eos ? undefined : node?.children.get(token)
    if (next) {
      // inside a prefix; a space that continues a phrase confirms a complete word before it ("new" in "new york")
      const kept = token === this.space && node!.complete ? 0 : pending
      return { delta: this.bonus, state: { node: next, pending: kept + this.bonus, wordStart: token === this.space } }
    }
    if (token === this.space || token === this.eos) {
      const kept = node?.complete ? 0 : -pending // a complete entry confirms its bonus; a partial one is revoked
      return { delta: kept, state: { node: this.root, pending: 0, wordStart: true } }
    }
    // Left the tree: revoke. At a word start inside a phrase ("new k...") the word may still begin another entry.
    const restart = wordStart && node !== this.root ? this.root.children.get(token) : undefined
    const gained = restart ? this.bonus : 0
    return { delta: gained - pending, state: { node: restart ?? null, pending: gained, wordStart: false } }
  }

  /** One character's bonus at most (pending bonuses are never negative when the bonus is not). */
  ceiling(): number {
    return this.bonus >= 0 ? this.bonus : Infinity
  }
}

/** A hot-word list file's entries: one word or phrase per line; blank lines and `#` comments are skipped. */
export function parseHotwordList(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.replace(/#.*$/, '').trim()).filter((line) => line !== '')
}
