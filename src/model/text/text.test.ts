import { describe, expect, it } from 'vitest'
import { normalizeText } from './normalizer'
import { cardinalWords, ordinalWords, yearWords } from './number-words'
import { BLANK_ID, EOS_ID, Vocabulary } from './vocabulary'

describe('number words', () => {
  it.each([
    [0, 'zero'], [7, 'seven'], [13, 'thirteen'], [42, 'forty two'], [100, 'one hundred'], [101, 'one hundred one'],
    [1000, 'one thousand'], [12345, 'twelve thousand three hundred forty five'], [2_000_000, 'two million']
  ])('cardinal %d', (n, words) => expect(cardinalWords(n)).toBe(words))

  it.each([[1, 'first'], [2, 'second'], [3, 'third'], [4, 'fourth'], [12, 'twelfth'], [20, 'twentieth'], [21, 'twenty first']])(
    'ordinal %d', (n, words) => expect(ordinalWords(n)).toBe(words))

  it.each([[1984, 'nineteen eighty four'], [1900, 'nineteen hundred'], [1905, 'nineteen oh five'], [2005, 'two thousand five'],
    [2024, 'twenty twenty four']])('year %d', (n, words) => expect(yearWords(n)).toBe(words))
})

describe('normalizeText', () => {
  it.each([
    ['Hello, World!', 'hello world'],
    ['I have 42 apples.', 'i have forty two apples'],
    ['In 1984 it was 1,984 people', 'in nineteen eighty four it was one thousand nine hundred eighty four people'],
    ['Pi is 3.14', 'pi is three point one four'],
    ['the 21st century', 'the twenty first century'],
    ['$5 and 50%', 'five dollars and fifty percent'],
    ['Don\u2019t stop -- rock & roll', "don't stop rock and roll"],
    ["'quoted' words'", 'quoted words'],
    ['Caf\u00e9 na\u00efve', 'cafe naive'],
    ['  many   spaces\n\there ', 'many spaces here']
  ])('%j -> %j', (input, expected) => expect(normalizeText(input)).toBe(expected))
})

describe('Vocabulary', () => {
  const vocab = new Vocabulary()
  it('has 32 tokens with specials first', () => {
    expect(vocab.size).toBe(32)
    expect(vocab.tokens[BLANK_ID]).toBe('<blank>')
  })
  it('round-trips normalised text', () => {
    const text = "it's a test"
    expect(vocab.decode(vocab.encode(text))).toBe(text)
  })
  it('stops decoding at eos and skips specials', () => {
    expect(vocab.decode([...vocab.encode('ab'), BLANK_ID, EOS_ID, ...vocab.encode('cd')])).toBe('ab')
  })
  it('rejects characters outside the vocabulary', () => {
    expect(() => vocab.encode('A')).toThrow(/not in the vocabulary/)
  })
})
