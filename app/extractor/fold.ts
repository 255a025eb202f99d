// Accent- and case-insensitive views of Vietnamese text that keep every character at its original offset.
import { foldVietnamese } from '../domain/text'

// foldVietnamese works on whole strings and collapses spaces; folding one character at a time keeps the result
// the same length as the input, so a match in the folded text is also a slice of the original.
const folded = new Map<string, string>()

function foldChar(c: string): string {
  let f = folded.get(c)
  if (f === undefined) {
    if (/\s/.test(c)) f = ' '
    else {
      const g = foldVietnamese(c)
      f = g.length === 1 ? g : g.length === 0 ? ' ' : g[0]
    }
    folded.set(c, f)
  }
  return f
}

/** 'Bộ Nội vụ' → 'bo noi vu', same length as the input (expects NFC text, as the normaliser leaves it). */
export function foldAligned(s: string): string {
  const parts: string[] = []
  let runStart = 0
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    // Printable ASCII other than capitals folds to itself: copy such runs in one slice.
    if (code >= 0x20 && code < 0x7f && (code < 0x41 || code > 0x5a)) continue
    if (i > runStart) parts.push(s.slice(runStart, i))
    parts.push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : foldChar(s[i]))
    runStart = i + 1
  }
  if (runStart < s.length) parts.push(s.slice(runStart))
  return parts.join('')
}

export interface Token {
  /** Folded and canonical: 'bo', 'ubnd', 'tttt', ','. */
  text: string
  /** Offsets in the original string. */
  start: number
  end: number
}

const TOKEN_RE = /[a-z0-9&]+|[,;:()\-–.…]/g
// Abbreviations written with a full stop ('TP. Hà Nội', 'TX. Cửa Lò'): the stop is part of the word.
const DOTTED = new Set(['tp', 'tx', 'tt', 'ths', 'ts', 'pgs', 'gs'])
// A doubled function word ('các các bộ') is a typing slip, not two words.
const DOUBLING = new Set(['cac', 'va', 'cua', 'nhung', 'cho'])
// Spelled-out names and their abbreviations become one canonical token, so either form matches the other.
const CANONICAL: Array<[string[], string]> = [
  [['uy', 'ban', 'nhan', 'dan'], 'ubnd'],
  [['hoi', 'dong', 'nhan', 'dan'], 'hdnd'],
  [['thong', 'tin', 'va', 'truyen', 'thong'], 'tttt'],
  [['ke', 'hoach', 'va', 'dau', 'tu'], 'khdt'],
  [['trung', 'uong'], 'tw'],
  [['thanh', 'pho'], 'tp'],
  [['thi', 'xa'], 'tx'],
  [['chinh', 'phu'], 'cp'],
]

/** Words and separators of a text, folded and canonical, with their offsets in the original. */
export function tokenize(original: string, foldedText: string = foldAligned(original)): Token[] {
  const raw: Token[] = []
  TOKEN_RE.lastIndex = 0
  for (let m = TOKEN_RE.exec(foldedText); m !== null; m = TOKEN_RE.exec(foldedText)) {
    let text = m[0]
    if (text === '–') text = '-'
    else if (text === '…') text = '.'
    else if (text.includes('&')) text = text.replace(/&/g, '') || '&'
    const start = m.index
    const end = start + m[0].length
    const prev = raw[raw.length - 1]
    if (text === '.' && prev !== undefined && prev.end === start && DOTTED.has(prev.text)) continue
    if (prev !== undefined && prev.text === text && DOUBLING.has(text)) continue
    raw.push({ text, start, end })
  }
  const out: Token[] = []
  for (let i = 0; i < raw.length; i++) {
    let merged = false
    for (const [words, canonical] of CANONICAL) {
      if (raw[i].text !== words[0] || i + words.length > raw.length) continue
      let k = 1
      while (k < words.length && raw[i + k].text === words[k]) k++
      if (k === words.length) {
        out.push({ text: canonical, start: raw[i].start, end: raw[i + k - 1].end })
        i += k - 1
        merged = true
        break
      }
    }
    if (!merged) out.push(raw[i])
  }
  return out
}

/** True when the word at i (and the following ones) spell `phrase`, e.g. 'chu tri'. */
export function tokensAt(tokens: Token[], i: number, phrase: string[]): boolean {
  if (i + phrase.length > tokens.length) return false
  for (let k = 0; k < phrase.length; k++) if (tokens[i + k].text !== phrase[k]) return false
  return true
}
