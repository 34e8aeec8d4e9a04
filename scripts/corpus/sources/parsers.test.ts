import { describe, expect, it } from 'vitest'
import { bibleSentences } from './bible'
import { shortFortunes } from './fortunes'
import { gcideQuotations } from './gcide'
import { manProse } from './manpages'
import { wordnetExamples } from './wordnet'

describe('source parsers', () => {
  it('wordnet: quoted examples of glosses, not the licence header', () => {
    const data = '  1 This software "AS IS" header\n00003553 03 n 02 whole 0 | an assemblage; "the team played well"; "a whole"\n'
    expect(wordnetExamples(data)).toEqual(['the team played well', 'a whole'])
  })

  it('fortunes: short entries without attribution, split into sentences', () => {
    const file = 'Short one. Two!\n\t-- Somebody\n%\nline\nline\nline\nline\n%\nLast words\n'
    expect(shortFortunes(file)).toEqual(['Short one.', 'Two!', 'Last words'])
  })

  it('bible: verse text without numbers or headings', () => {
    const out = '\nGenesis 1\n\n  1 In the beginning God created the heaven. And the earth.\n  2 Light: and there was light.\n'
    expect(bibleSentences(out)).toEqual(['In the beginning God created the heaven.', 'And the earth.', 'Light:', 'and there was light.'])
  })

  it('gcide: indented quotation blocks without the author', () => {
    const dict = '   1. To act upon.\n      [1913 Webster]\n\n            As might affect the earth\n            with cold heat. --Milton.\n      [1913 Webster]\n'
    expect(gcideQuotations(dict)).toEqual(['As might affect the earth with cold heat.'])
  })

  it('man pages: seven-space-indented prose only', () => {
    const page = 'NAME\n       ls - list\nDESCRIPTION\n       List information about files.  Sort entries.\n       -a, --all\n'
    expect(manProse(page)).toEqual(['List information about files.', 'Sort entries.'])
  })
})
