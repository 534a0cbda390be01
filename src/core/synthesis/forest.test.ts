import { describe, expect, it } from 'vitest'

import { forestPlotSvg } from './forest'
import { poolProportions } from './meta-analysis'
import { escapeXml, wrapText } from './svg'

const studies = [
  { label: 'Müller 2004', events: 12, total: 20 },
  { label: "O'Brien & <Co> 2010", events: 30, total: 40 },
  { label: '王 2015', events: 0, total: 9 },
]

describe('forestPlotSvg', () => {
  const pooled = poolProportions(studies, 'reml').pooled
  const svg = forestPlotSvg(studies, pooled, { title: 'Objective response <TACE>' })

  it('draws a row per study, a diamond for the pooled estimate and a 0–100 % axis', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.match(/<rect x=/g)).toHaveLength(3)
    expect(svg.match(/<polygon /g)).toHaveLength(1)
    expect(svg).toContain('Müller 2004')
    expect(svg).toContain('王 2015')
    expect(svg).toContain('>12/20<')
    expect(svg).toContain('>60 % [38–78.6]<')
    expect(svg).toContain('Random effects (REML)')
    for (const tick of ['>0<', '>20<', '>100<']) expect(svg).toContain(tick)
  })

  it('escapes labels and the title', () => {
    expect(svg).toContain('O&apos;Brien &amp; &lt;Co&gt; 2010')
    expect(svg).toContain('<title>Objective response &lt;TACE&gt;</title>')
    expect(svg).not.toContain('<Co>')
  })

  it('draws no diamond without a pooled estimate and marks invalid studies', () => {
    const single = forestPlotSvg([{ label: 'A', events: 5, total: 0 }], null, { title: 'x' })
    expect(single).not.toContain('<polygon')
    expect(single).toContain('not a proportion')
  })
})

describe('svg helpers', () => {
  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0000b\u001Fc\uD800d\tе😀')).toBe('abcd\tе😀')
  })

  it('wraps at spaces and cuts over-long words', () => {
    expect(wrapText('Records identified from databases', 12)).toEqual([
      'Records',
      'identified',
      'from',
      'databases',
    ])
    expect(wrapText('abcdefghij kl', 4)).toEqual(['abcd', 'efgh', 'ij', 'kl'])
    expect(wrapText('', 4)).toEqual([''])
  })
})
