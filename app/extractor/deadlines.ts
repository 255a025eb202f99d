// Deadline phrases of Vietnamese directives ("hoàn thành trong tháng 6 năm 2023", "trước ngày 30/6/2020",
// "trong Quý II/2024", "vào đầu tháng 02/2024", "định kỳ hằng quý") read into a kind and a due day.
import type { IsoDate, Recurrence } from '../../db/reference/types'
import { addDays, endOfHalf, endOfMonth, endOfQuarter, endOfYear, parseVnDate } from '../domain/dates'
import { foldAligned } from './fold'
import type { ExtractedDeadline } from './types'

/**
 * Where the words stand decides how much they say. In running text a bare "năm 2023" is usually a reference
 * ("Kế hoạch năm 2023"), so body mode wants a preposition; a heading ("NHIỆM VỤ QUÝ II/2020") or a table cell
 * ("Quý II/2024", "Thường xuyên") is the deadline itself.
 */
export type DeadlineMode = 'body' | 'heading' | 'cell'

export interface DeadlineMatch extends ExtractedDeadline {
  /** Offsets of the phrase in the text. */
  start: number
  end: number
}

const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 }
const YEAR_TAIL = String.raw`(?:\s*[\/-]\s*|\s+nam\s+)(\d{4})`
const DATE_CORE = String.raw`(\d{1,2})(?:\s*[\/.-]\s*|\s+thang\s+)(\d{1,2})(?:(?:\s*[\/.-]\s*|\s+nam\s+)(\d{4}))?(?![\d\/])`
const QUARTER_CORE = String.raw`quy\s+(iv|i{1,3}|[1-4])\b(?:${YEAR_TAIL})?`
const MONTH_CORE = String.raw`thang\s+(\d{1,2})(?![\d,.]\d)(?:${YEAR_TAIL})?`
const RECURRENCE_WORD: Record<string, Recurrence> = { thang: 'monthly', quy: 'quarterly', nam: 'yearly' }
const RECURRENCE_MONTHS: Record<number, Recurrence> = { 1: 'monthly', 3: 'quarterly', 6: 'half-yearly', 12: 'yearly' }

type Builder = (m: RegExpExecArray, ctx: Context) => Omit<ExtractedDeadline, 'phrase'> | null

interface Rule {
  re: RegExp
  modes: DeadlineMode[]
  build: Builder
  /** Rejects a match from the words just before it (folded). */
  notAfter?: RegExp
}

interface Context {
  issuedOn: IsoDate | null
  folded: string
  matchStart: number
}

function dated(kind: ExtractedDeadline['kind'], dueOn: IsoDate | null): Omit<ExtractedDeadline, 'phrase'> {
  return { kind, dueOn, recurrence: null }
}

function recurring(recurrence: Recurrence): Omit<ExtractedDeadline, 'phrase'> {
  return { kind: 'recurring', dueOn: null, recurrence }
}

function issued(ctx: Context): { year: number; month: number; day: number } | null {
  if (ctx.issuedOn === null) return null
  const [y, m, d] = ctx.issuedOn.split('-').map(Number)
  return { year: y, month: m, day: d }
}

// A month written without its year is the next such month from the issue date on (the current one included).
function yearFor(ctx: Context, month: number): number | null {
  const at = issued(ctx)
  if (at === null) return null
  return month >= at.month ? at.year : at.year + 1
}

// undefined for a day that does not exist (31/02), null for a real day whose year could not be placed.
function dayOf(year: number | null, month: number, day: number): IsoDate | null | undefined {
  if (month < 1 || month > 12) return undefined
  if (year === null) return day >= 1 && day <= 31 ? null : undefined
  return parseVnDate(`${day}/${month}/${year}`) ?? undefined
}

function monthEnd(year: number | null, month: number): IsoDate | null | undefined {
  if (month < 1 || month > 12) return undefined
  return year === null ? null : endOfMonth(year, month)
}

function num(s: string | undefined): number | null {
  return s === undefined ? null : Number(s)
}

const buildDate: Builder = (m, ctx) => {
  const day = Number(m[2])
  const month = Number(m[3])
  const year = num(m[4]) ?? yearFor(ctx, month)
  const due = dayOf(year, month, day)
  return due === undefined ? null : dated('date', due)
}

const buildMonth = (offset: number): Builder => (m, ctx) => {
  let month = Number(m[2])
  let year = num(m[3] ?? m[4]) ?? yearFor(ctx, month)
  month += offset
  if (month === 0) {
    month = 12
    if (year !== null) year -= 1
  }
  const due = monthEnd(year, month)
  return due === undefined ? null : dated('month', due)
}

const buildQuarter = (offset: number): Builder => (m, ctx) => {
  let q = QUARTERS[m[2]]
  let year = num(m[3] ?? m[4]) ?? yearFor(ctx, q * 3 - 2)
  q += offset
  if (q === 0) {
    q = 4
    if (year !== null) year -= 1
  }
  return dated('quarter', year === null ? null : endOfQuarter(year, q))
}

const buildYear = (offset: number): Builder => (m, ctx) => {
  const year = num(m[2]) ?? issued(ctx)?.year ?? null
  return dated('year', year === null ? null : endOfYear(year + offset))
}

// The first ten days of a month (thượng tuần) end on the 10th, the middle ten (trung tuần) on the 20th.
const PART_OF_MONTH: Record<string, number> = { dau: 10, 'thuong tuan': 10, giua: 20, 'trung tuan': 20 }

const buildPartOfMonth: Builder = (m, ctx) => {
  const part = m[1]
  const month = Number(m[2])
  const year = num(m[3] ?? m[4]) ?? yearFor(ctx, month)
  const day = PART_OF_MONTH[part]
  if (day === undefined) {
    const due = monthEnd(year, month)
    return due === undefined ? null : dated('month', due)
  }
  const due = dayOf(year, month, day)
  return due === undefined ? null : dated('date', due)
}

// Halves have no kind of their own: a half ends with a month (June or December), so it is read as that month.
const buildHalf: Builder = (m, ctx) => {
  const year = num(m[2]) ?? issued(ctx)?.year ?? null
  const half = m[1] === 'dau' ? 1 : 2
  return dated('month', year === null ? null : endOfHalf(year, half))
}

const buildRelative: Builder = (m, ctx) => (ctx.issuedOn === null ? dated('date', null) : dated('date', addDays(ctx.issuedOn, Number(m[1]))))

// A recurrence word is a recurring duty only when it governs the clause: "định kỳ hằng quý", "Hàng tháng:",
// ", hàng quý, các ngành …", "báo cáo hằng tháng"; "kinh phí hàng năm" is annual money, not a yearly duty.
const buildEvery: Builder = (m, ctx) => {
  const recurrence = RECURRENCE_WORD[m[2]]
  if (m[1] !== undefined) return recurring(recurrence)
  const before = ctx.folded.slice(Math.max(0, ctx.matchStart - 24), ctx.matchStart)
  const after = ctx.folded.slice(ctx.matchStart + m[0].length, ctx.matchStart + m[0].length + 24)
  const clauseStart = /(?:^|[,;:(])\s*$/.test(before) || ctx.matchStart === 0
  // "… trước ngày 15 hằng tháng": a day of every month; "trước ngày 20 tháng 12 hằng năm": a day of every year.
  if (clauseStart || /(?:bao cao|ngay \d{1,2}(?:(?: thang |\s*\/\s*)\d{1,2})?)\s*$/.test(before) || /^\s*(?::|,|bao cao)/.test(after)) return recurring(recurrence)
  return null
}

const buildEveryMonths: Builder = (m) => {
  const r = RECURRENCE_MONTHS[Number(m[1])]
  return r === undefined ? null : recurring(r)
}

const PREP_BEFORE = String.raw`\b(truoc|cham nhat(?: la)?(?: truoc)?|han chot|den het|den|trong|tu|bat dau tu|ke tu|vao)`
// The label of a deadline in running text, before its colon.
const LABEL = String.raw`\b((?:thoi han|thoi gian|han|tien do)(?:\s+(?:hoan thanh|thuc hien|xu ly|nop|bao cao))?)\s*:\s*`
const PREP_PERIOD = String.raw`\b(trong|truoc|den het|den cuoi|den|het|vao|hoan thanh|xong)`
// Words before "đến năm 2030" that make it a horizon of a programme, not a deadline.
const HORIZON = /(?:dinh huong|tam nhin|giai doan|den nam \d{4},?|\d{4}\s*-\s*\d{4},?)\s*$/
// "tính đến ngày …", "thống kê đến tháng …": the date of a figure, not a deadline.
const REPORTED = /(?:tinh|thong ke|so lieu|cap nhat)\s*$/
const REVIEWED = /(?:so ket|tong ket|bao cao|ket qua|danh gia|cong tac [a-z]+|han che|kho khan|ton tai)(?: [a-z]+){0,2},?\s*$/

const RULES: Rule[] = [
  { re: /\b(dinh ky\s+)?(?:hang|moi)\s+(thang|quy|nam)\b/g, modes: ['body', 'heading', 'cell'], build: buildEvery },
  { re: /\bdinh ky\s+(0?[136]|12)\s+thang\b/g, modes: ['body', 'heading', 'cell'], build: buildEveryMonths },
  { re: /\b(0?[36])\s+thang\s+(?:mot|1)\s+lan\b/g, modes: ['body', 'heading', 'cell'], build: buildEveryMonths },
  { re: /\bdinh ky\s+(thang|quy|nam)\b/g, modes: ['body', 'heading', 'cell'], build: (m) => recurring(RECURRENCE_WORD[m[1]]) },
  { re: /\btrong (?:(?:thoi han|vong) )?(\d{1,3}) ngay,? ke tu (?:ngay|khi) (?:ky|ban hanh)/g, modes: ['body', 'heading', 'cell'], build: buildRelative },
  // "Thời hạn: tháng 6/2025", "Thời gian hoàn thành: Quý II/2025": after its label, a bare period is the deadline.
  { re: new RegExp(String.raw`${LABEL}(?:ngay\s+)?${DATE_CORE}`, 'g'), modes: ['body', 'heading'], build: buildDate },
  { re: new RegExp(String.raw`${LABEL}${MONTH_CORE}`, 'g'), modes: ['body', 'heading'], build: buildMonth(0) },
  { re: new RegExp(String.raw`${LABEL}${QUARTER_CORE}`, 'g'), modes: ['body', 'heading'], build: buildQuarter(0) },
  { re: new RegExp(String.raw`${LABEL}nam\s+(\d{4})\b`, 'g'), modes: ['body', 'heading'], build: buildYear(0) },
  { re: new RegExp(String.raw`(?:\b(?:vao|trong|truoc|den)\s+)?\b(dau|giua|cuoi|thuong tuan|trung tuan|ha tuan)\s+${MONTH_CORE}`, 'g'), modes: ['body', 'heading', 'cell'], build: buildPartOfMonth },
  { re: new RegExp(String.raw`${PREP_BEFORE}\s+ngay\s+${DATE_CORE}`, 'g'), modes: ['body', 'heading', 'cell'], build: (m, ctx) => (m[1] === 'den' && REPORTED.test(ctx.folded.slice(0, ctx.matchStart)) ? null : buildDate(m, ctx)) },
  { re: new RegExp(String.raw`\b(truoc|cham nhat|den het)\s+${DATE_CORE}`, 'g'), modes: ['body', 'heading', 'cell'], build: buildDate },
  { re: new RegExp(String.raw`${PREP_PERIOD}\s+${MONTH_CORE}`, 'g'), modes: ['body', 'heading', 'cell'], build: (m, ctx) => (m[1] === 'den' && REPORTED.test(ctx.folded.slice(0, ctx.matchStart)) ? null : buildMonth(m[1] === 'truoc' ? -1 : 0)(m, ctx)) },
  { re: new RegExp(String.raw`${PREP_PERIOD}\s+${QUARTER_CORE}`, 'g'), modes: ['body', 'heading', 'cell'], build: (m, ctx) => buildQuarter(m[1] === 'truoc' ? -1 : 0)(m, ctx) },
  { re: /(?:\b(?:trong|truoc|den het|het)\s+)?\b(?:0?6|sau)\s+thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?/g, modes: ['body'], build: buildHalf, notAfter: REVIEWED },
  { re: /(?:\b(?:trong|truoc|den het|het)\s+)?\b(?:0?6|sau)\s+thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?/g, modes: ['heading', 'cell'], build: buildHalf },
  { re: /(?:\b(?:trong)\s+)?\bnua\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?/g, modes: ['body', 'heading', 'cell'], build: buildHalf },
  { re: /\b(den cuoi|cuoi|den het|het|trong|den|truoc|xong trong|hoan thanh trong|hoan thanh)\s+nam\s+(\d{4})\b/g, modes: ['body', 'heading', 'cell'], build: (m, ctx) => buildYear(m[1] === 'truoc' ? -1 : 0)(m, ctx), notAfter: HORIZON },
  { re: /\b(den cuoi|cuoi|den het|het|trong)\s+nam(?: nay)?\b(?!\s*\d)(?!\s+(?:hoc|qua|toi|sau|truoc|tai|ngan sach))/g, modes: ['body', 'heading', 'cell'], build: buildYear(0) },
  { re: /\b(phan dau\s+)?nam\s+(\d{4})\s*,?\s+(?=dat\b)/g, modes: ['body', 'heading', 'cell'], build: buildYear(0) },
  { re: new RegExp(String.raw`\b(quy)\s+(iv|i{1,3}|[1-4])\b${YEAR_TAIL}`, 'g'), modes: ['heading', 'cell'], build: buildQuarter(0) },
  { re: new RegExp(String.raw`\b(thang)\s+(\d{1,2})${YEAR_TAIL}`, 'g'), modes: ['heading', 'cell'], build: buildMonth(0) },
  { re: new RegExp(String.raw`\b(ngay\s+)?${DATE_CORE}`, 'g'), modes: ['cell'], build: buildDate },
  { re: /\b(nam)\s+(\d{4})\b/g, modes: ['heading', 'cell'], build: buildYear(0), notAfter: HORIZON },
  { re: /^\s*(nam\s+)?(\d{4})\s*$/g, modes: ['cell'], build: buildYear(0) },
  { re: /\b(hang|moi)\s+(thang|quy|nam)\b/g, modes: ['cell'], build: (m) => recurring(RECURRENCE_WORD[m[2]]) },
]

// Words that belong to the phrase before its preposition: "Thời hạn hoàn thành trong tháng 6", "phấn đấu hoàn thành".
const LEAD_IN = /(?:\b(?:thoi han|phan dau|han)\s*:?\s+)?(?:\bhoan thanh\s+)?$/

/** Spans inside quotation marks: the title of a scheme ("… đến năm 2030") holds no deadline. */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let open = -1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '“' || (c === '"' && open < 0)) {
      if (open < 0) open = i
    } else if ((c === '”' || c === '"') && open >= 0) {
      spans.push([open, i])
      open = -1
    }
  }
  return spans
}

/** Every deadline phrase of a text, in order, overlapping readings resolved in favour of the longer one. */
export function findDeadlines(text: string, issuedOn: IsoDate | null, mode: DeadlineMode = 'body', folded: string = foldAligned(text)): DeadlineMatch[] {
  const quotes = quotedSpans(text)
  const found: DeadlineMatch[] = []
  for (const rule of RULES) {
    if (!rule.modes.includes(mode)) continue
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(folded); m !== null; m = rule.re.exec(folded)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++
        continue
      }
      const start = m.index
      if (quotes.some(([a, b]) => start > a && start < b)) continue
      if (rule.notAfter?.test(folded.slice(Math.max(0, start - 40), start))) continue
      const built = rule.build(m, { issuedOn, folded, matchStart: start })
      if (built === null) continue
      const lead = LEAD_IN.exec(folded.slice(Math.max(0, start - 40), start))
      const phraseStart = lead ? start - lead[0].length : start
      const end = start + m[0].replace(/\s+$/, '').length
      found.push({ ...built, phrase: text.slice(phraseStart, end).trim(), start: phraseStart, end })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: DeadlineMatch[] = []
  for (const d of found) {
    const last = kept[kept.length - 1]
    if (last !== undefined && d.start < last.end) continue
    kept.push(d)
  }
  return kept
}

const STANDING_RE = /\bthuong xuyen\b|\bhang ngay\b|\bhang tuan\b/

/**
 * The one deadline of a task: a recurrence governs the whole duty; otherwise the first dated phrase; "thường
 * xuyên" is an explicit standing task; else the fallback (a heading's period) or an implicit standing task.
 */
export function pickDeadline(text: string, issuedOn: IsoDate | null, fallback: ExtractedDeadline | null, mode: DeadlineMode = 'body'): ExtractedDeadline {
  const folded = foldAligned(text)
  return chooseDeadline(findDeadlines(text, issuedOn, mode, folded), text, folded, fallback)
}

/** pickDeadline over deadlines already found in the text. */
export function chooseDeadline(found: DeadlineMatch[], text: string, folded: string, fallback: ExtractedDeadline | null): ExtractedDeadline {
  const chosen = found.find((d) => d.kind === 'recurring') ?? found[0]
  if (chosen !== undefined) return strip(chosen)
  const standing = STANDING_RE.exec(folded)
  if (standing !== null) return { kind: 'standing', dueOn: null, recurrence: null, phrase: text.slice(standing.index, standing.index + standing[0].length) }
  return fallback ?? { kind: 'standing', dueOn: null, recurrence: null, phrase: null }
}

function strip(d: DeadlineMatch): ExtractedDeadline {
  return { kind: d.kind, dueOn: d.dueOn, recurrence: d.recurrence, phrase: d.phrase }
}

/** Two deadlines that mean the same thing ("trong tháng 6/2023" and "hoàn thành tháng 6 năm 2023"). */
export function sameDeadline(a: ExtractedDeadline, b: ExtractedDeadline): boolean {
  return a.kind === b.kind && a.dueOn === b.dueOn && a.recurrence === b.recurrence
}
