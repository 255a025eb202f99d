// Who a sentence addresses: the agencies that head a section or open a sentence, the co-leads before "chủ trì",
// the supporting agencies after "phối hợp với", named lists ("các thành phố lớn như: Hà Nội, …") and table cells.
import { matchAgencyAt, type AgencyDictionary } from './dictionary'
import { foldAligned, tokenize, tokensAt, type Token } from './fold'
import { addresseePrefixAt, dutyWordAt, headWordAt, isVague } from './lexicon'
import type { AgencyRef } from './types'

export interface Resolver {
  dict: AgencyDictionary
  /** The province whose document this is, so that a bare 'Sở Nội vụ' is its own department. */
  scope: string | null
}

export interface TokenizedText {
  text: string
  folded: string
  tokens: Token[]
}

export function tokenized(text: string): TokenizedText {
  const folded = foldAligned(text)
  return { text, folded, tokens: tokenize(text, folded) }
}

interface ListScan {
  refs: AgencyRef[]
  /** Token index just after the list. */
  end: number
}

const TITLES = [['giam', 'doc'], ['thu', 'truong'], ['chu', 'tich'], ['pho', 'chu', 'tich'], ['bo', 'truong'], ['truong', 'ban'], ['lanh', 'dao']]
const SEPARATORS = new Set([',', ';'])
const STOPS = new Set([',', ';', ':', '.', '(', ')'])

function slice(t: TokenizedText, start: number, end: number): string {
  return t.text.slice(t.tokens[start].start, t.tokens[end - 1].end).trim()
}

// "các thành phố lớn như:", "các tỉnh gồm": introduces the members that follow, who alone are assigned.
function namedListIntroAt(tokens: Token[], i: number): number {
  if (tokens[i]?.text !== 'cac') return 0
  for (let k = i + 1; k < tokens.length && k <= i + 5; k++) {
    const w = tokens[k].text
    if (w === 'nhu' || w === 'gom' || w === 'la') return k + 1 - i + (tokens[k + 1]?.text === ':' ? 1 : 0)
    if (STOPS.has(w)) return 0
  }
  return 0
}

function titleAt(tokens: Token[], i: number): number {
  for (const t of TITLES) if (tokensAt(tokens, i, t)) return t.length
  return 0
}

// A name the dictionary does not know, read up to the next separator or verb: 'Cục Hải quan', 'Các thành viên
// của Ban Chỉ đạo'. With `proper` it must be written as a proper noun, which keeps out "các bộ, cơ quan".
function unknownNameAt(t: TokenizedText, i: number, proper: boolean): number {
  if (!headWordAt(t.tokens, i)) return 0
  if (proper && !/^\p{Lu}/u.test(t.text.slice(t.tokens[i].start))) return 0
  let j = i + 1
  while (j < t.tokens.length && j - i < 12 && !STOPS.has(t.tokens[j].text) && dutyWordAt(t.tokens, j) === 0) {
    if (t.tokens[j].text === 'va' && headWordAt(t.tokens, j + 1) && /^\p{Lu}/u.test(t.text.slice(t.tokens[j + 1].start))) break
    j++
  }
  return j - i >= 2 ? j - i : 0
}

/**
 * Reads a list of agencies from token i: "Văn phòng Chính phủ, Bộ Thông tin và Truyền thông, Bộ Tư pháp";
 * "Các bộ, ngành, địa phương" (the "các" of the first item carries over); "các thành phố lớn như: Hà Nội, …;
 * các tỉnh như: …" (only the members). Stops at the first word that continues neither the list nor a name.
 */
export function scanAgencyList(t: TokenizedText, i: number, r: Resolver, unknown: 'none' | 'proper' | 'after-first' = 'none'): ListScan {
  const refs: AgencyRef[] = []
  const tokens = t.tokens
  let pos = i
  let carriesCac = false
  const itemAt = (at: number): { end: number; code: string | null } | null => {
    const intro = namedListIntroAt(tokens, at)
    if (intro > 0) {
      const inner = itemAt(at + intro)
      return inner
    }
    const m = matchAgencyAt(r.dict, tokens, at, r.scope, carriesCac ? 'cac' : undefined)
    if (m) return { end: m.end, code: m.code }
    const title = titleAt(tokens, at)
    if (title > 0) {
      const inner = matchAgencyAt(r.dict, tokens, at + title, r.scope)
      if (inner) return { end: inner.end, code: inner.code }
    }
    if (unknown === 'proper' || (unknown === 'after-first' && refs.length > 0)) {
      const n = unknownNameAt(t, at, true)
      if (n > 0) return { end: at + n, code: null }
    }
    return null
  }
  for (;;) {
    const intro = namedListIntroAt(tokens, pos)
    const start = pos + intro
    const item = itemAt(start)
    if (item === null) break
    if (refs.length === 0 && tokens[start].text === 'cac') carriesCac = true
    refs.push({ name: slice(t, start, item.end), code: item.code })
    pos = item.end
    let next = pos
    if (SEPARATORS.has(tokens[next]?.text)) next++
    if (tokens[next]?.text === 'va') next++
    if (next === pos || itemAt(next) === null) break
    pos = next
  }
  return { refs, end: pos }
}

export interface Opening {
  refs: AgencyRef[]
  /** An addressee such as "các cơ quan, đơn vị có liên quan": it names nobody new, so inherited leads stay. */
  vague: boolean
  /** The text is only the addressee (with its "chủ trì, phối hợp với …"): a heading for what follows. */
  headingOnly: boolean
  supports: AgencyRef[]
}

/** The addressee that opens a sentence or heads a section, if any. */
export function openingAddressee(t: TokenizedText, r: Resolver): Opening | null {
  const tokens = t.tokens
  const from = addresseePrefixAt(tokens, 0)
  // An unknown first name must prove itself by the verb after it (below); later ones follow a known agency.
  let scan = scanAgencyList(t, from, r, 'after-first')
  let vague = false
  if (scan.refs.length === 0) {
    // An addressee the dictionary does not know, recognised by its head word and the verb that follows it.
    if (!headWordAt(tokens, from)) return null
    let j = from
    while (j < tokens.length && j - from <= 16 && tokens[j].text !== '.' && tokens[j].text !== ':' && dutyWordAt(tokens, j) === 0) j++
    if (j >= tokens.length || j - from < 2 || j - from > 16 || tokens[j].text === '.') return null
    const name = slice(t, from, j)
    if (isVague(foldAligned(name))) {
      vague = true
      scan = { refs: [], end: j }
    } else {
      const refs: AgencyRef[] = []
      let partStart = from
      for (let k = from; k <= j; k++) {
        if (k === j || (SEPARATORS.has(tokens[k].text) && headWordAt(tokens, k + 1))) {
          if (k > partStart) refs.push({ name: slice(t, partStart, k), code: null })
          partStart = k + 1
        }
      }
      scan = { refs, end: j }
    }
  } else {
    const next = tokens[scan.end]?.text
    // "Bộ Tài chính của …", "Chính phủ về …": the name starts a noun phrase, not a duty.
    if (next === 'cua' || next === 've' || next === 'tai') return null
  }
  // What may follow the addressee in a heading: ":", "chủ trì", ", phối hợp (với) <list>", "thực hiện".
  let k = scan.end
  let supports: AgencyRef[] = []
  if (tokens[k]?.text === ':') k++
  if (tokensAt(tokens, k, ['chu', 'tri'])) k += 2
  if (tokens[k]?.text === ',') k++
  if (tokensAt(tokens, k, ['phoi', 'hop'])) {
    k += 2
    if (tokens[k]?.text === 'voi') k++
    const s = scanAgencyList(t, k, r, 'proper')
    supports = s.refs
    k = s.end
  }
  if (tokensAt(tokens, k, ['thuc', 'hien'])) k += 2
  while (k < tokens.length && (tokens[k].text === ':' || tokens[k].text === '.')) k++
  return { refs: scan.refs, vague, headingOnly: k >= tokens.length, supports }
}

/** The supporting agencies named after "phối hợp (với)" anywhere in a text; unnamed partners are left out. */
export function supportsIn(t: TokenizedText, r: Resolver): AgencyRef[] {
  const out: AgencyRef[] = []
  const tokens = t.tokens
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i].text !== 'phoi' || tokens[i + 1].text !== 'hop') continue
    // "công tác phối hợp giữa …", "cơ chế phối hợp": the noun, not the duty.
    const prev = tokens[i - 1]?.text
    if (prev === 'tac' || prev === 'su' || prev === 'viec' || prev === 'che') continue
    let k = i + 2
    if (tokensAt(tokens, k, ['chat', 'che'])) k += 2
    if (tokens[k]?.text === 'voi' || tokens[k]?.text === 'cung') k++
    const s = scanAgencyList(t, k, r, 'proper')
    out.push(...s.refs)
    i = Math.max(i, s.end - 1)
  }
  return dedupe(out)
}

/** A table cell of agencies: every name between separators, known or not, except vague ones. */
export function agenciesInCell(cell: string, r: Resolver): AgencyRef[] {
  const t = tokenized(cell)
  const tokens = t.tokens
  const out: AgencyRef[] = []
  let i = 0
  while (i < tokens.length) {
    const scan = scanAgencyList(t, i, r, 'proper')
    if (scan.refs.length > 0) {
      out.push(...scan.refs)
      i = scan.end
      continue
    }
    let j = i
    while (j < tokens.length && !SEPARATORS.has(tokens[j].text) && !(tokens[j].text === 'va' && scanAgencyList(t, j + 1, r).refs.length > 0)) j++
    if (j > i && !['-', '+', '.'].includes(tokens[i].text)) {
      const name = slice(t, i, j).replace(/^[-+•]\s*/, '')
      if (name !== '' && !isVague(foldAligned(name))) out.push({ name, code: null })
    }
    i = j + 1
  }
  return dedupe(out)
}

export function dedupe(refs: AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>()
  return refs.filter((a) => {
    const key = a.code ?? `?${foldAligned(a.name)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
