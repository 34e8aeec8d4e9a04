import { describe, expect, it } from 'vitest'
import { splitHeldOut } from './held-out-split'

const items = (n: number): Array<{ name: string }> => Array.from({ length: n }, (_, i) => ({ name: `rec-${i}` }))

describe('splitHeldOut', () => {
  it('holds out about a fifth (at least one), the same ones every time, in input order', () => {
    expect(splitHeldOut(items(3)).test).toHaveLength(1)
    const { train, test } = splitHeldOut(items(100))
    expect([train.length, test.length]).toEqual([80, 20])
    expect(splitHeldOut([...items(100)].reverse()).test.map((i) => i.name).sort()).toEqual(test.map((i) => i.name).sort())
    expect(test.map((i) => Number(i.name.slice(4)))).toEqual([...test.map((i) => Number(i.name.slice(4)))].sort((a, b) => a - b))
  })

  it('refuses fewer than two utterances', () => {
    expect(() => splitHeldOut(items(1))).toThrow(/at least 2 utterances/)
  })
})
