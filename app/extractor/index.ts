// Reads the tasks out of the text of a Vietnamese directive: the extractor's public entry point (pure: no I/O).
import { isValidIsoDate } from '../domain/dates'
import { agenciesInCell, dedupe, tokenized, type Resolver } from './addressees'
import { closingTasks, isClosing } from './closing'
import { matchAgencyAt, referenceDictionary, type AgencyDictionary } from './dictionary'
import { ExtractionError } from './errors'
import { foldAligned } from './fold'
import { assertReadable } from './guard'
import { readFrame, type Frame } from './header'
import { normalizeText } from './normalize'
import { buildOutline } from './outline'
import { proseTasks } from './prose'
import { captionLength, readTables, tableTasks } from './tables'
import { inheritedFor, taskSections, tasksOfNode, type Assembly, type Inherited } from './tasks'
import type { AgencyRef, ExtractionResult } from './types'

export { buildDictionary, referenceDictionary, type AgencyDictionary } from './dictionary'
export { ExtractionError, type ExtractionErrorCode } from './errors'
export type { AgencyRef, ExtractedDeadline, ExtractedDirective, ExtractedTask, ExtractionResult } from './types'
export { timeExtraction, type ExtractionTiming } from './timing'

export interface ExtractOptions {
  /** The issue date when the text does not state one (YYYY-MM-DD); it also places year-less dates. */
  issuedOn?: string
  /** Defaults to the reference agencies and groups. */
  dictionary?: AgencyDictionary
}

function wholeMatch(dict: AgencyDictionary, text: string): string | null {
  const t = tokenized(text)
  const tokens = t.tokens.filter((x) => x.text !== '.' && x.text !== ':')
  const m = matchAgencyAt(dict, tokens, 0, null)
  return m !== null && m.end === tokens.length ? m.code : null
}

// The issuer, by the strongest evidence first: the capitals above the type, the code after the number, the
// signature ("TM. ỦY BAN NHÂN DÂN" with the place), a closing "Văn phòng Chính phủ thông báo …".
function issuerOf(frame: Frame, sentences: string[], dict: AgencyDictionary): string | null {
  const place = frame.place ? wholeMatch(dict, frame.place) : null
  const generic = (s: string): string | null => {
    const f = foldAligned(s).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim()
    if (/^(uy ban nhan dan|ubnd)( tinh| thanh pho| huyen)?$/.test(f)) return place
    return wholeMatch(dict, s)
  }
  const caps = frame.issuerHints.filter((h) => /\p{L}{2}/u.test(h))
  const candidates = [caps.join(' '), ...caps, ...frame.signatureTitles.map((s) => s.replace(/^(TM|KT|TL|TUQ|Q)\s*\.\s*/u, ''))]
  for (const c of candidates) {
    const code = c ? generic(c) : null
    if (code) return code
  }
  for (const s of sentences) {
    const m = /^(.{3,80}?)\s+(thông báo|báo cáo|trình|yêu cầu|chỉ thị|đề nghị)\b/u.exec(s)
    if (m === null) continue
    const code = generic(m[1])
    if (code) return code
  }
  return null
}

function scopeOf(dict: AgencyDictionary, code: string | null): string | null {
  if (code === null) return null
  const agency = dict.agencies.get(code)
  if (agency === undefined) return null
  return agency.kind === 'province' ? agency.code : agency.scope
}

function uniqueRefs(result: ExtractionResult): void {
  const seen = new Set<string>()
  for (const t of result.tasks) {
    let ref = t.ref
    for (let k = 2; seen.has(ref); k++) ref = `${t.ref}(${k})`
    t.ref = ref
    seen.add(ref)
  }
}

/** Extracts the directive's header and its tasks; throws ExtractionError for a text that is not a directive. */
export function extractDirective(text: string, options: ExtractOptions = {}): ExtractionResult {
  if (options.issuedOn !== undefined && !isValidIsoDate(options.issuedOn)) {
    throw new RangeError(`Ngày ban hành không hợp lệ: ${options.issuedOn} (cần dạng YYYY-MM-DD)`)
  }
  assertReadable(text)
  const paragraphs = normalizeText(text)
  if (paragraphs.length === 0) throw new ExtractionError('empty')
  const dict = options.dictionary ?? referenceDictionary()
  const frame = readFrame(paragraphs)
  const issuedOn = frame.issuedOn ?? options.issuedOn ?? null

  const tables = readTables(frame.body)
  const inTable = new Set<number>()
  for (const t of tables) for (let i = t.from - captionLength(frame.body, t.from); i <= t.to; i++) inTable.add(i)
  const body = frame.body.filter((_, i) => !inTable.has(i))
  const outline = buildOutline(body, isClosing)

  const issuerCode = issuerOf(frame, [...outline.closing, ...outline.root.body], dict)
  const resolver: Resolver = { dict, scope: scopeOf(dict, issuerCode) }
  const a: Assembly = { resolver, issuedOn, tasks: [], unassigned: [] }
  const fromTables: Assembly = { ...a, tasks: [] }
  tableTasks(tables, fromTables)

  const recipients = dedupe(frame.recipients.flatMap((r) => agenciesInCell(r, resolver)))
  const base: Inherited = { leads: recipients, supports: [], deadline: null }
  for (const section of taskSections(outline.root, frame.type !== 'other', a)) tasksOfNode(section, inheritedFor(section, base, a), a)
  if (a.tasks.length === 0) {
    const closing = new Set(outline.closing)
    proseTasks(body.filter((p) => !closing.has(p)), base, a)
  }
  // Task tables come first, as they do in plans (the table, then "Tổ chức thực hiện"); if their refs clash with
  // the numbered items', they are marked as the table's.
  const refs = new Set(a.tasks.map((t) => t.ref))
  const clash = fromTables.tasks.some((t) => refs.has(t.ref))
  a.tasks.unshift(...fromTables.tasks.map((t) => (clash ? { ...t, ref: `bảng.${t.ref}` } : t)))
  const everyone: AgencyRef[] = dedupe(a.tasks.flatMap((t) => t.leads))
  closingTasks(outline.closing, everyone, a)
  if (a.tasks.length === 0) throw new ExtractionError('no-tasks')

  const result: ExtractionResult = {
    directive: {
      type: frame.type,
      number: frame.number,
      title: frame.title,
      issuer: issuerCode ? (dict.agencies.get(issuerCode)?.name ?? null) : null,
      signer: frame.signer,
      issuedOn,
    },
    tasks: a.tasks,
    unassigned: [...new Set(a.unassigned.map((u) => u.trim()).filter(Boolean))],
  }
  uniqueRefs(result)
  return result
}

