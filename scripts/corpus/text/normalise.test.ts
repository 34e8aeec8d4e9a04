import { describe, expect, it } from 'vitest'
import { normaliseText } from './normalise'
import { cardinal, ordinal, year } from './spell-number'

describe('spell-number', () => {
  it('spells cardinals, ordinals and years', () => {
    expect(cardinal(0)).toBe('zero')
    expect(cardinal(115)).toBe('one hundred fifteen')
    expect(cardinal(2_005_017)).toBe('two million five thousand seventeen')
    expect(ordinal(1)).toBe('first')
    expect(ordinal(22)).toBe('twenty second')
    expect(ordinal(40)).toBe('fortieth')
    expect(ordinal(112)).toBe('one hundred twelfth')
    expect(year(1984)).toBe('nineteen eighty four')
    expect(year(1900)).toBe('nineteen hundred')
    expect(year(1905)).toBe('nineteen oh five')
    expect(year(2007)).toBe('two thousand seven')
    expect(year(2024)).toBe('twenty twenty four')
  })
})

describe('normaliseText', () => {
  const cases: Array<[string, string]> = [
    ['Hello, World!', 'hello world'],
    ["Don't stop — it's 5 o'clock.", "don't stop it's five o'clock"],
    ['Meet me at 7:45 pm on March 3rd, 2024.', 'meet me at seven forty five p m on march third twenty twenty four'],
    ['At 3:00 sharp, or 10:05.', "at three o'clock sharp or ten oh five"],
    ['It costs $1,250.50 and £1.', 'it costs one thousand two hundred fifty dollars and fifty cents and one pound'],
    ['Growth of 12.5% in the 1990s', 'growth of twelve point five percent in the nineteen nineties'],
    ['Call 007 or 911', 'call zero zero seven or nine hundred eleven'],
    ['Mr. Smith & Dr. Jones', 'mister smith and doctor jones'],
    ['Café naïve “quotes” \'single\'', 'cafe naive quotes single'],
    ['mp3 players', 'mp three players'],
    ['  many   spaces\tand-hyphens  ', 'many spaces and hyphens']
  ]
  it.each(cases)('%s', (raw, expected) => {
    expect(normaliseText(raw)).toBe(expected)
  })

  it('only ever produces the model alphabet', () => {
    for (const raw of ['ÆØÅ 3½ ^*~ [x] 1e10 #1 @home 2+2=4 100%']) expect(normaliseText(raw)).toMatch(/^[a-z' ]*$/)
  })
})
