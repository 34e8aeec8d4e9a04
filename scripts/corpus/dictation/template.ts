import type { Rng } from '../util/rng'

/** A slot makes one filler for `{name}` in a template. */
export type Slot = (rng: Rng) => string
export type Slots = Readonly<Record<string, Slot>>

export const oneOf = (...choices: string[]): Slot => (rng) => rng.pick(choices)

/** Replaces every `{slot}` in the template; an unknown slot name is a programming error. */
export function fill(template: string, slots: Slots, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const slot = slots[name]
    if (!slot) throw new Error(`dictation template "${template}": unknown slot {${name}}`)
    return slot(rng)
  })
}
