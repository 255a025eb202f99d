// Who a sentence addresses: the agencies that head a section or open a sentence, the co-leads before "chủ trì",
// the supporting agencies after "phối hợp với", named lists ("các thành phố lớn như: Hà Nội, …") and table cells.
import { findDeadlines } from './deadlines'
import { matchAgencyAt, type AgencyDictionary } from './dictionary'
import { foldAligned, tokenize, tokensAt, type Token } from './fold'
import { addresseePrefixAt, dutyWordAt, headWordAt, isVague, nameEndAt } from './lexicon'
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

// The same sentence is read several times (addressee, supports, duty words); tokenise it once. The cache is
// bounded, and its entries are immutable.
const cache = new Map<string, TokenizedText>()

export function tokenized(text: string): TokenizedText {
  let t = cache.get(text)
  if (t === undefined) {
    const folded = foldAligned(text)
    t = { text, folded, tokens: tokenize(text, folded) }
    if (cache.size >= 2000) cache.clear()
    cache.set(text, t)
  }
  return t
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

// The kinds of agency a list may name once for all its members.
const KINDS = new Set(['bo', 'so', 'huyen', 'tinh'])

// "các Bộ: Tài chính, Xây dựng", "Giám đốc các Sở: Nội vụ, Tư pháp", "UBND các huyện: Kỳ Sơn, Tương Dương": the
// kind of agency is said once for all.
function kindIntroAt(tokens: Token[], i: number): { length: number; head: string } | null {
  let k = i + titleAt(tokens, i)
  if (tokens[k]?.text === 'ubnd') k++
  else if (tokensAt(tokens, k, ['uy', 'ban', 'nhan', 'dan'])) k += 4
  if (tokens[k]?.text === 'cac' && KINDS.has(tokens[k + 1]?.text) && tokens[k + 2]?.text === ':') {
    return { length: k + 3 - i, head: tokens[k + 1].text }
  }
  return null
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

// A name the dictionary does not know, read up to the next separator or verb: 'Cục Hải quan', 'UBND các huyện,
// thành phố'. It must start as a proper noun does, with a capital, which keeps out "các bộ, cơ quan".
function unknownNameAt(t: TokenizedText, i: number): number {
  if (!headWordAt(t.tokens, i) || !/^\p{Lu}/u.test(t.text.slice(t.tokens[i].start))) return 0
  let j = i + 1
  for (; j < t.tokens.length && j - i < 12; j++) {
    const w = t.tokens[j].text
    // "UBND các huyện, thành phố": a comma followed by a lower-case word that is no verb continues the name.
    if (w === ',' && j + 1 < t.tokens.length && /^\p{Ll}/u.test(t.text.slice(t.tokens[j + 1].start)) && nameEndAt(t.tokens, j + 1) === 0 && !STOPS.has(t.tokens[j + 1].text)) continue
    if (STOPS.has(w) || nameEndAt(t.tokens, j) > 0) break
    if (w === 'va' && headWordAt(t.tokens, j + 1) && /^\p{Lu}/u.test(t.text.slice(t.tokens[j + 1].start))) break
  }
  return j - i >= 2 ? j - i : 0
}

// "Ngân hàng Nhà nước chi nhánh tỉnh Thanh Hóa": a branch of a known agency is not that agency; the name runs
// to the next separator or verb. Returns the token index after the branch's name, 0 when there is none.
function branchEndAt(tokens: Token[], k: number): number {
  if (!tokensAt(tokens, k, ['chi', 'nhanh'])) return 0
  let j = k + 2
  while (j < tokens.length && j - k < 10 && !STOPS.has(tokens[j].text) && tokens[j].text !== 'va' && nameEndAt(tokens, j) === 0) j++
  return j
}

function relevantOnlyAt(tokens: Token[], k: number): boolean {
  return tokensAt(tokens, k, ['lien', 'quan']) || tokensAt(tokens, k, ['co', 'lien', 'quan'])
}

// "UBND tỉnh", "Ủy ban nhân dân tỉnh" without the province's name, in a province's own document: that province.
function ownProvinceAt(tokens: Token[], i: number, r: Resolver): { end: number; code: string | null } | null {
  if (r.scope === null) return null
  const at = tokens[i]?.text === 'ubnd' ? i + 1 : tokensAt(tokens, i, ['uy', 'ban', 'nhan', 'dan']) ? i + 4 : -1
  return at > 0 && tokens[at]?.text === 'tinh' ? { end: at + 1, code: r.scope } : null
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
  // A word the first item said that the later ones leave out: "các" (các bộ, ngành, địa phương), "bộ" (các Bộ: …).
  let implied: string | undefined
  const itemAt = (at: number): { end: number; code: string | null } | null => {
    const intro = namedListIntroAt(tokens, at)
    if (intro > 0) return itemAt(at + intro)
    const m = matchAgencyAt(r.dict, tokens, at, r.scope, implied) ?? ownProvinceAt(tokens, at, r)
    if (m) {
      // "các bộ, ngành liên quan": only the relevant members, whom the text does not name; not the whole group.
      if (m.code !== null && r.dict.agencies.get(m.code)?.kind === 'group' && relevantOnlyAt(tokens, m.end)) return null
      const branch = branchEndAt(tokens, m.end)
      return branch > 0 ? { end: branch, code: null } : { end: m.end, code: m.code }
    }
    const title = titleAt(tokens, at)
    if (title > 0) {
      const inner = matchAgencyAt(r.dict, tokens, at + title, r.scope) ?? ownProvinceAt(tokens, at + title, r)
      if (inner) return { end: inner.end, code: inner.code }
    }
    if (unknown === 'proper' || (unknown === 'after-first' && refs.length > 0)) {
      const n = unknownNameAt(t, at)
      if (n > 0) return { end: at + n, code: null }
    }
    return null
  }
  for (;;) {
    const kind = refs.length === 0 ? kindIntroAt(tokens, pos) : null
    if (kind) {
      implied = kind.head
      pos += kind.length
    }
    const intro = namedListIntroAt(tokens, pos)
    const start = pos + intro
    const item = itemAt(start)
    if (item === null) break
    if (refs.length === 0 && implied === undefined && tokens[start].text === 'cac') implied = 'cac'
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
  /** Token index just after the addressee's names. */
  end: number
}

// First words of a time phrase that may stand before the addressee, up to a comma: "Trong tháng 01/2024, Sở Tài
// chính …", "Trước ngày 15/12/2024, Sở Tư pháp …", "Định kỳ hằng quý, các sở …", "Từ nay đến cuối năm 2024, …".
const TIME_OPENING = /^(?:trong|truoc|tu|den|cham nhat|han chot|dinh ky|hang|moi|vao|dau|giua|cuoi|nam|quy|thang|ngay|sau|ke tu)\b[^,;:.]{0,50},/

/** Token index after a leading time phrase and its comma ("Trong tháng 01/2024, "), 0 when there is none. */
export function leadingTimeEnd(t: TokenizedText): number {
  const m = TIME_OPENING.exec(t.folded)
  if (m === null) return 0
  const phrase = t.text.slice(0, m[0].length - 1)
  if (findDeadlines(phrase, null, 'body', t.folded.slice(0, m[0].length - 1)).length === 0 && !/^tu nay\b/.test(t.folded)) return 0
  const k = t.tokens.findIndex((x) => x.start >= m[0].length)
  return k < 0 ? 0 : k
}

/** The addressee that opens a sentence or heads a section, if any. */
export function openingAddressee(t: TokenizedText, r: Resolver): Opening | null {
  const tokens = t.tokens
  const lead = leadingTimeEnd(t)
  const from = lead + addresseePrefixAt(tokens, lead)
  // An unknown first name must prove itself by the verb after it (below); later ones follow a known agency.
  let scan = scanAgencyList(t, from, r, 'after-first')
  let vague = false
  if (scan.refs.length === 0) {
    // An addressee the dictionary does not know, recognised by its head word and the verb that follows it.
    if (!headWordAt(tokens, from)) return null
    let j = from
    while (j < tokens.length && j - from <= 16 && tokens[j].text !== '.' && tokens[j].text !== ':' && nameEndAt(tokens, j) === 0) j++
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
  return { ...followers(t, scan.end, r), refs: scan.refs, vague, end: scan.end }
}

// What may follow an addressee: ":", "chủ trì", ", phối hợp (với) <list>", "thực hiện"; nothing else in a heading.
function followers(t: TokenizedText, from: number, r: Resolver): { supports: AgencyRef[]; headingOnly: boolean } {
  const tokens = t.tokens
  let k = from
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
  return { supports, headingOnly: k >= tokens.length }
}

/** Words of the verb that hands a duty to the agency after it: "giao (cho)", "đề nghị", "yêu cầu"; 0 if none. */
export function askAt(tokens: Token[], i: number): number {
  if (tokens[i]?.text === 'giao') return tokens[i + 1]?.text === 'cho' ? 2 : 1
  return tokensAt(tokens, i, ['de', 'nghi']) || tokensAt(tokens, i, ['yeu', 'cau']) ? 2 : 0
}

/**
 * An assignment inside a sentence, as conclusions word them: "Về kiến nghị của tỉnh: Giao Bộ Kế hoạch và Đầu tư
 * chủ trì, phối hợp với Bộ Tài chính xem xét …", "…, đề nghị Bộ Công an hướng dẫn …".
 */
export function assignedIn(t: TokenizedText, r: Resolver): Opening | null {
  const tokens = t.tokens
  for (let i = 1; i < tokens.length; i++) {
    // "Về đề xuất …: Tỉnh Nghệ An làm việc với …": after the topic and its colon, an addressee and its duty.
    const topic = tokens[i].text === ':' ? 1 : 0
    const ask = askAt(tokens, i) || topic
    // "nhiệm vụ được giao", "đã giao": a past assignment, not this one.
    if (ask === 0 || ['duoc', 'da', 'dang'].includes(tokens[i - 1].text)) continue
    const scan = scanAgencyList(t, i + ask, r, 'after-first')
    if (scan.refs.length === 0) continue
    if (topic > 0 && dutyWordAt(tokens, scan.end) === 0 && !tokensAt(tokens, scan.end, ['chu', 'tri'])) continue
    const after = followers(t, scan.end, r)
    return { refs: scan.refs, vague: false, headingOnly: false, supports: after.supports, end: scan.end }
  }
  return null
}

/** The opening addressee when it names someone (not "các cơ quan có liên quan", not nobody). */
export function namedOpening(t: TokenizedText, r: Resolver): Opening | null {
  const o = openingAddressee(t, r)
  return o !== null && !o.vague && o.refs.length > 0 ? o : null
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
  // A new name starts after a separator when a known agency or a capitalised head word follows.
  const startsName = (k: number) =>
    k < tokens.length && (matchAgencyAt(r.dict, tokens, k, r.scope) !== null || (headWordAt(tokens, k) && /^\p{Lu}/u.test(cell.slice(tokens[k].start))))
  let i = 0
  while (i < tokens.length) {
    const scan = scanAgencyList(t, i, r)
    if (scan.refs.length > 0) {
      out.push(...scan.refs)
      i = scan.end
      continue
    }
    if (SEPARATORS.has(tokens[i].text) || ['-', '+', '.', 'va'].includes(tokens[i].text)) {
      i++
      continue
    }
    let j = i + 1
    while (j < tokens.length && !(tokens[j].text === ';' || ((tokens[j].text === ',' || tokens[j].text === 'va') && startsName(j + 1)))) j++
    const name = slice(t, i, j).replace(/[,.]+$/, '')
    if (name !== '' && !isVague(foldAligned(name))) out.push({ name, code: null })
    i = j
  }
  return dedupe(out)
}

/** Identity of an agency in a list: its code, or its folded name when it has none. */
export function agencyKey(a: AgencyRef): string {
  return a.code ?? `?${foldAligned(a.name)}`
}

export function dedupe(refs: AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>()
  return refs.filter((a) => {
    const key = agencyKey(a)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
