import { describe, expect, it } from 'vitest'
import { isDeadLeftover } from './leftovers'

describe('isDeadLeftover', () => {
  it('marks temp files and staging folders of gone processes, keeps those of running ones and everything else', () => {
    expect(isDeadLeftover('.active.json.999999999.1733350000000.tmp')).toBe(true)
    expect(isDeadLeftover('.staging-999999999-ft-abc')).toBe(true)
    expect(isDeadLeftover(`.active.json.${process.pid}.1733350000000.tmp`)).toBe(false)
    expect(isDeadLeftover(`.staging-${process.ppid}-ft-abc`)).toBe(false)
    expect(isDeadLeftover('ft-abc')).toBe(false)
    expect(isDeadLeftover('rec-1.wav')).toBe(false)
  })
})
