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
