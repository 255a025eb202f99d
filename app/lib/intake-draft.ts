// The intake draft: the proposed directive and tasks as the officer edits them in the browser, before anything is saved.
import type { DeadlineKind, DirectiveType } from '../../db/reference/types'

export interface DraftAgency {
  /** The words of the document (or what the officer picked). */
  name: string
  /** Agency or group code; null while the name is not mapped to an agency. */
  code: string | null
  /** Save `name` as another name of `code`, so that the next extraction resolves it. */
  saveAlias?: boolean
}

export interface DraftRow {
  /** A key for the browser; not stored. */
  id: string
  ref: string
  content: string
  leads: DraftAgency[]
  supports: DraftAgency[]
  /** Several named leads are each accountable on their own (a named list), not co-leads. */
  perAgency: boolean
  deadlineKind: DeadlineKind
  /** dd/mm/yyyy, mm/yyyy, 1–4, yyyy: the form fields of the deadline, as in the register's item form. */
  dueDate: string
  dueMonth: string
  dueQuarter: string
  dueYear: string
  recurrence: string
  recurringFrom: string
  recurringUntil: string
  /** The deadline's words in the document. */
  deadlinePhrase: string
  /** The officer decided that the task has no deadline (a standing task the text does not call one). */
  standingConfirmed: boolean
  output: string
  target: string
}

export interface DraftDirective {
  type: DirectiveType
  number: string
  /** dd/mm/yyyy */
  issuedOn: string
  issuer: string
  signer: string
  title: string
  monitoringAgency: string
}

export interface Draft {
  directive: DraftDirective
  rows: DraftRow[]
  /** Paragraphs of the task sections that produced no task. */
  unassigned: string[]
  sourceText: string
  /** Where the text came from: 'paste' or the uploaded file's name. */
  sourceLabel: string
}

/** Errors of a refused confirmation: by directive field, by row id, and for the whole form. */
export interface DraftErrors {
  directive: Record<string, string>
  rows: Record<string, string[]>
  form: string[]
  duplicateOf?: number
}

export interface RowFlags {
  noLead: boolean
  noDeadline: boolean
  noOutput: boolean
  unresolved: number
}

export function rowFlags(row: DraftRow): RowFlags {
  const k = row.deadlineKind
  const noDeadline =
    (k === 'standing' && !row.deadlinePhrase.trim() && !row.standingConfirmed) ||
    (k === 'date' && !row.dueDate.trim()) ||
    (k === 'month' && !row.dueMonth.trim()) ||
    (k === 'quarter' && (!row.dueQuarter || !row.dueYear.trim())) ||
    (k === 'year' && !row.dueYear.trim()) ||
    (k === 'recurring' && (!row.recurrence || !row.recurringFrom.trim() || !row.recurringUntil.trim()))
  const unresolved = [...row.leads, ...row.supports].filter((a) => !a.code).length
  return {
    noLead: row.leads.length === 0 || row.leads.every((a) => !a.code),
    noDeadline,
    noOutput: !row.output.trim(),
    unresolved,
  }
}

export interface DraftCounts {
  rows: number
  noLead: number
  noDeadline: number
  noOutput: number
  unresolved: number
}

export function draftCounts(rows: DraftRow[]): DraftCounts {
  const c: DraftCounts = { rows: rows.length, noLead: 0, noDeadline: 0, noOutput: 0, unresolved: 0 }
  for (const r of rows) {
    const f = rowFlags(r)
    if (f.noLead) c.noLead++
    if (f.noDeadline) c.noDeadline++
    if (f.noOutput) c.noOutput++
    c.unresolved += f.unresolved
  }
  return c
}

let seq = 0
export function newRowId(): string {
  seq += 1
  return `r${Date.now().toString(36)}${seq}${Math.random().toString(36).slice(2, 6)}`
}

export function emptyRow(ref = ''): DraftRow {
  return {
    id: newRowId(),
    ref,
    content: '',
    leads: [],
    supports: [],
    perAgency: false,
    deadlineKind: 'standing',
    dueDate: '',
    dueMonth: '',
    dueQuarter: '',
    dueYear: '',
    recurrence: '',
    recurringFrom: '',
    recurringUntil: '',
    deadlinePhrase: '',
    standingConfirmed: false,
    output: '',
    target: '',
  }
}

function splitPoint(content: string, caret: number | undefined): number {
  if (caret !== undefined && caret > 0 && caret < content.trim().length) return caret
  const middle = content.length / 2
  // A sentence break first, then a clause break, then any space.
  for (const breaks of [/[.;]\s+/g, /,\s+/g]) {
    let best = -1
    for (const m of content.matchAll(breaks)) {
      const at = m.index! + m[0].length
      if (at < content.trim().length && (best < 0 || Math.abs(at - middle) < Math.abs(best - middle))) best = at
    }
    if (best > 0) return best
  }
  const space = content.indexOf(' ', Math.floor(middle))
  return space > 0 ? space + 1 : Math.floor(middle)
}

/** Splits a row in two at the caret (or the sentence break nearest the middle); both halves keep the agencies and deadline. */
export function splitRow(row: DraftRow, caret?: number): [DraftRow, DraftRow] {
  const at = splitPoint(row.content, caret)
  // Punctuation stays where it was, so that merging the halves back restores the text exactly.
  const first = row.content.slice(0, at).trim()
  const second = row.content.slice(at).trim()
  const copy = (content: string, suffix: string): DraftRow => ({
    ...row,
    id: newRowId(),
    ref: row.ref ? `${row.ref}${suffix}` : '',
    content,
    leads: row.leads.map((a) => ({ ...a })),
    supports: row.supports.map((a) => ({ ...a })),
  })
  return [copy(first, '-1'), copy(second, '-2')]
}

function unionAgencies(a: DraftAgency[], b: DraftAgency[]): DraftAgency[] {
  const out = a.map((x) => ({ ...x }))
  for (const x of b) {
    if (!out.some((y) => (x.code ? y.code === x.code : !y.code && y.name === x.name))) out.push({ ...x })
  }
  return out
}

const join = (a: string, b: string, sep: string) => [a.trim(), b.trim()].filter(Boolean).join(sep)

// A sentence that ends stays as it is; a clause cut by a split joins back with a space; two tasks with "; ".
function joinContent(a: string, b: string): string {
  const first = a.trim()
  const second = b.trim()
  if (!first || !second) return first || second
  if (/[.;:!?]$/.test(first) || /^\p{Ll}/u.test(second)) return `${first} ${second}`
  return `${first.replace(/,$/, '')}; ${second}`
}

// Undoing a split gives the row its ref back: 3-1 + 3-2 → 3.
function mergedRef(a: string, b: string): string {
  const m = /^(.*)-1$/.exec(a)
  return m && b === `${m[1]}-2` ? m[1] : a
}

/** Merges a row with the next one: contents joined, agencies united, the first decided deadline kept. */
export function mergeRows(a: DraftRow, b: DraftRow): DraftRow {
  const aHasDeadline = !(a.deadlineKind === 'standing' && !a.deadlinePhrase && !a.standingConfirmed)
  const deadline = aHasDeadline ? a : b
  const leads = unionAgencies(a.leads, b.leads)
  return {
    ...a,
    ref: mergedRef(a.ref, b.ref),
    content: joinContent(a.content, b.content),
    leads,
    supports: unionAgencies(a.supports, b.supports).filter((s) => !leads.some((l) => l.code && l.code === s.code)),
    perAgency: a.perAgency || b.perAgency,
    deadlineKind: deadline.deadlineKind,
    dueDate: deadline.dueDate,
    dueMonth: deadline.dueMonth,
    dueQuarter: deadline.dueQuarter,
    dueYear: deadline.dueYear,
    recurrence: deadline.recurrence,
    recurringFrom: deadline.recurringFrom,
    recurringUntil: deadline.recurringUntil,
    deadlinePhrase: deadline.deadlinePhrase,
    standingConfirmed: deadline.standingConfirmed,
    output: a.output === b.output ? a.output : join(a.output, b.output, '; '),
    target: a.target === b.target ? a.target : join(a.target, b.target, '; '),
  }
}
