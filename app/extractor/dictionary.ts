// The agency dictionary: every name, short name and alias of the reference agencies and groups, indexed for
// longest-match lookup over tokenised text.
import { AGENCIES, AGENCY_GROUPS } from '../../db/reference/agencies'
import type { AgencyGroupSeed, AgencyKind, AgencySeed } from '../../db/reference/types'
import { tokenize, type Token } from './fold'

export interface DictionaryAgency {
  code: string
  name: string
  kind: AgencyKind | 'group'
  /** The province a provincial department, district or provincial group belongs to; null for the rest. */
  scope: string | null
}

interface AliasEntry {
  words: string[]
  code: string
}

export interface AgencyDictionary {
  agencies: Map<string, DictionaryAgency>
  /** Aliases by their first word, longest first. */
  byFirstWord: Map<string, AliasEntry[]>
  /** The group of a province's district People's Committees, for "các Sở, ngành, địa phương" in its documents. */
  districtGroupOf: Map<string, string>
}

export interface AgencyMatch {
  /** Token range [start, end) of the words that named the agency. */
  start: number
  end: number
  /** Null when the name belongs to another province than the document's (a generic 'Sở Nội vụ'). */
  code: string | null
}

// Phrasings common in directives that the reference lists do not spell out; they only point at existing codes.
const EXTRA_ALIASES: Array<[string, string]> = [
  ['các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ', 'G-BO-NGANH'],
  ['Bộ trưởng các bộ, Thủ trưởng cơ quan ngang bộ', 'G-BO-NGANH'],
  ['các bộ, ngành trung ương', 'G-BO-NGANH'],
  ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', 'G-TINH'],
  ['Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', 'G-TINH'],
  ['các tỉnh, thành phố', 'G-TINH'],
  ['Thủ trưởng các Sở, ban, ngành', 'G-NA-SO-NGANH'],
  ['Giám đốc các Sở, Thủ trưởng các ban, ngành', 'G-NA-SO-NGANH'],
  ['các Sở, ban, ngành tỉnh', 'G-NA-SO-NGANH'],
  ['Chủ tịch UBND các huyện, thành phố, thị xã', 'G-NA-HUYEN'],
  ['Chủ tịch UBND cấp huyện', 'G-NA-HUYEN'],
  ['UBND các huyện, thị xã', 'G-NA-HUYEN'],
  ['UBND các huyện, thành phố', 'G-NA-HUYEN'],
  ['Văn phòng Ủy ban nhân dân tỉnh Nghệ An', 'NA-VP'],
]

function scopeOf(agency: AgencySeed, byCode: Map<string, AgencySeed>): string | null {
  let parent = agency.parentCode ? byCode.get(agency.parentCode) : undefined
  for (let depth = 0; parent !== undefined && depth < 5; depth++) {
    if (parent.kind === 'province') return parent.code
    parent = parent.parentCode ? byCode.get(parent.parentCode) : undefined
  }
  return null
}

function words(name: string): string[] {
  return tokenize(name)
    .map((t) => t.text)
    .filter((w) => w !== '.')
}

/** Indexes the reference agencies and groups (or the given lists) by every way documents name them. */
export function buildDictionary(agencyList: AgencySeed[] = AGENCIES, groups: AgencyGroupSeed[] = AGENCY_GROUPS): AgencyDictionary {
  const byCode = new Map(agencyList.map((a) => [a.code, a]))
  const agencies = new Map<string, DictionaryAgency>()
  const seen = new Set<string>()
  const byFirstWord = new Map<string, AliasEntry[]>()
  const add = (alias: string, code: string) => {
    const w = words(alias)
    if (w.length === 0) return
    // The first agency to claim an alias keeps it: the reference lists current agencies before merged ones.
    const key = w.join(' ')
    if (seen.has(key)) return
    seen.add(key)
    const list = byFirstWord.get(w[0]) ?? []
    list.push({ words: w, code })
    byFirstWord.set(w[0], list)
  }
  for (const a of agencyList) {
    agencies.set(a.code, { code: a.code, name: a.name, kind: a.kind, scope: a.kind === 'province' ? null : scopeOf(a, byCode) })
    for (const alias of [a.name, a.shortName, ...a.aliases]) add(alias, a.code)
  }
  const districtGroupOf = new Map<string, string>()
  for (const g of groups) {
    agencies.set(g.code, { code: g.code, name: g.name, kind: 'group', scope: g.parentCode ?? null })
    if (g.parentCode && g.memberKinds.includes('district')) districtGroupOf.set(g.parentCode, g.code)
    for (const alias of [g.name, ...g.aliases]) add(alias, g.code)
  }
  for (const [alias, code] of EXTRA_ALIASES) if (agencies.has(code)) add(alias, code)
  for (const list of byFirstWord.values()) list.sort((x, y) => y.words.length - x.words.length)
  return { agencies, byFirstWord, districtGroupOf }
}

let defaultDictionary: AgencyDictionary | undefined

/** The dictionary of the reference data, built once. */
export function referenceDictionary(): AgencyDictionary {
  defaultDictionary ??= buildDictionary()
  return defaultDictionary
}

function matches(tokens: Token[], at: number, entryWords: string[], from: number): boolean {
  if (at + entryWords.length - from > tokens.length) return false
  for (let k = from; k < entryWords.length; k++) if (tokens[at + k - from].text !== entryWords[k]) return false
  return true
}

/**
 * The longest alias starting at token i. With `impliedFirst` the alias may begin with that word although the
 * text leaves it out: in "các bộ, ngành, địa phương" the "các" of the first item carries over to "địa phương".
 */
export function matchAgencyAt(dict: AgencyDictionary, tokens: Token[], i: number, scope: string | null, impliedFirst?: string): AgencyMatch | null {
  if (i >= tokens.length) return null
  let best: AliasEntry | undefined
  let bestLength = 0
  const direct = dict.byFirstWord.get(tokens[i].text)
  if (direct) {
    for (const e of direct) {
      if (matches(tokens, i, e.words, 0)) {
        best = e
        bestLength = e.words.length
        break
      }
    }
  }
  if (impliedFirst !== undefined && tokens[i].text !== impliedFirst) {
    for (const e of dict.byFirstWord.get(impliedFirst) ?? []) {
      if (e.words.length - 1 > bestLength && e.words.length > 1 && matches(tokens, i, e.words, 1)) {
        best = e
        bestLength = e.words.length - 1
        break
      }
    }
  }
  if (best === undefined) return null
  return { start: i, end: i + bestLength, code: resolveInScope(dict, best, scope) }
}

// A department of one province named in another province's document is that province's own department, which
// the dictionary does not know; and "các địa phương" of a province are its districts, not the country's provinces.
function resolveInScope(dict: AgencyDictionary, entry: AliasEntry, scope: string | null): string | null {
  const code = entry.code
  if (scope === null) return code
  if (entry.words.join(' ') === 'cac dia phuong') return dict.districtGroupOf.get(scope) ?? code
  const agency = dict.agencies.get(code)
  if (agency?.scope && agency.scope !== scope) return null
  return code
}
