/** Combining marks for LaTeX accent commands: `\'e` → é, `\"o` → ö, `\c{c}` → ç, `\v{s}` → š. */
const accents: Readonly<Record<string, string>> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
}

/** LaTeX commands that stand for a letter or symbol on their own. */
const symbols: Readonly<Record<string, string>> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  textendash: '–',
  textemdash: '—',
  textregistered: '®',
  texttrademark: '™',
  textcopyright: '©',
  textquoteright: '’',
  textquoteleft: '‘',
  textbackslash: '\\',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  omega: 'ω',
}

const accentPattern =
  /\\([`'^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))|\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))/g
/** Formatting commands whose argument is kept as plain text (`\\textit{in vivo}` → `in vivo`). */
const formattingPattern =
  /\\(?:textit|textbf|textsc|textrm|texttt|textsf|textup|textsuperscript|textsubscript|emph|mathrm|mathit|mathbf|mbox|url|uppercase|lowercase)\s*\{/g
const symbolPattern = /\\([A-Za-z]+)(?:\{\})?\s?/g

/**
 * Turns LaTeX markup in BibTeX values into plain Unicode: accent commands (`{\"u}`, `\'{e}`, `\c c`) become
 * composed letters, `\ss`, `\o`, `\&`, `--` become their characters, brace protection (`{DNA}`) is removed and
 * `~` becomes a space. Unknown commands keep their name without the backslash rather than vanishing.
 */
export function latexToUnicode(value: string): string {
  if (!/[\\{}~$-]/.test(value)) return value
  let text = value.replace(formattingPattern, '{')
  text = text.replace(
    accentPattern,
    (
      whole,
      mark?: string,
      braced?: string,
      bare?: string,
      letterMark?: string,
      braced2?: string,
      bare2?: string,
    ) => {
      const combining = accents[mark ?? letterMark ?? '']
      const letter = (braced ?? bare ?? braced2 ?? bare2 ?? '').replace('\\i', 'i').replace('\\j', 'j')
      return combining && letter ? (letter + combining).normalize('NFC') : whole
    },
  )
  text = text.replace(/\\([&%$#_{}])/g, '$1')
  text = text.replace(symbolPattern, (whole, name: string) => symbols[name] ?? `${name} `)
  text = text.replace(/---/g, '—').replace(/--/g, '–').replace(/~/g, ' ')
  return text.replace(/[{}]/g, '').replace(/\$([^$]*)\$/g, '$1')
}
