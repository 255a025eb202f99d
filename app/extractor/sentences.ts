// Sentence boundaries in Vietnamese administrative prose, aware of abbreviations such as "TP." and "TS.".

const BOUNDARY = /[.!?…]+["”’')]*\s+(?=[\p{Lu}"“(])/gu
const ABBREVIATION = /(?:^|[\s(])(?:tp|tx|ts|ths|pgs|gs|tt|st|v\.v|vd|tr|k|đ|q)\.$/iu

/** [start, end) offsets of each sentence of a paragraph. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let start = 0
  BOUNDARY.lastIndex = 0
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const dot = m.index + m[0].search(/[.!?…]/) + 1
    if (ABBREVIATION.test(text.slice(Math.max(0, dot - 6), dot))) continue
    const end = m.index + m[0].length
    spans.push([start, end])
    start = end
  }
  if (start < text.length) spans.push([start, text.length])
  return spans.filter(([a, b]) => text.slice(a, b).trim() !== '')
}

/**
 * Clauses of a paragraph: its sentences, cut again at semicolons outside brackets and quotes. `opensSentence`
 * tells whether the clause starts a sentence (an addressee opens a sentence, not a clause of a list).
 */
export interface Clause {
  start: number
  end: number
  opensSentence: boolean
  /** End of the sentence the clause belongs to. */
  sentenceEnd: number
}

export function clauseSpans(text: string): Clause[] {
  const out: Clause[] = []
  for (const [start, end] of sentenceSpans(text)) {
    let from = start
    let depth = 0
    let quoted = false
    for (let i = start; i < end; i++) {
      const c = text[i]
      if (c === '(') depth++
      else if (c === ')') depth = Math.max(0, depth - 1)
      else if (c === '“' || c === '”' || c === '"') quoted = c === '“' ? true : c === '”' ? false : !quoted
      else if (c === ';' && depth === 0 && !quoted && text.slice(i + 1, end).trim() !== '') {
        out.push({ start: from, end: i + 1, opensSentence: from === start, sentenceEnd: end })
        from = i + 1
      }
    }
    out.push({ start: from, end, opensSentence: from === start, sentenceEnd: end })
  }
  return out.filter((c) => text.slice(c.start, c.end).trim() !== '')
}

/** The text with its first letter in upper case, for a duty cut out of a longer sentence ("tập trung …"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
