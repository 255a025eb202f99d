// Intake: a directive's text → a draft the officer reviews → the directive and all its tasks in one transaction.
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import { DEADLINE_KINDS, DIRECTIVE_TYPES, type AgencyGroupSeed, type AgencySeed, type IsoDate } from '../../db/reference/types'
import { agencies, agencyAliases, agencyGroups } from '../../db/schema'
import { endOfYear, formatVnDate, parseVnDate } from '../domain/dates'
import { foldVietnamese } from '../domain/text'
import { buildDictionary, extractDirective, ExtractionError, type AgencyDictionary, type ExtractedTask, type ExtractionResult } from '../extractor'
import { ValidationError } from '../lib/errors'
import { DirectiveFormSchema, ItemFormSchema, MAX_FULL_TEXT } from '../lib/forms'
import type { Draft, DraftAgency, DraftErrors, DraftRow } from '../lib/intake-draft'
import { emptyRow } from '../lib/intake-draft'
import { AgencyLookups } from '../models/agency.server'
import { appendHistory } from './history.server'
import { addItem, createDirective, findDuplicateDirective, RegisterBatch, type Actor } from './register.server'

/** A text that cannot become a draft; the message is Vietnamese and shown as is. */
export class IntakeInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IntakeInputError'
  }
}

/** A confirmation refused before anything was saved, with the errors to show at the fields and rows. */
export class IntakeValidationError extends Error {
  constructor(public readonly errors: DraftErrors) {
    super('Bản nháp chưa hợp lệ.')
    this.name = 'IntakeValidationError'
  }
}

// ——— The agency dictionary, read from the database so that aliases saved at intake count ———

const dictionaries = new WeakMap<Db, { fingerprint: string; dict: AgencyDictionary }>()

// Cheap aggregates that change whenever an agency, a group or an alias is added, removed, renamed or moved: one
// scan of a few thousand rows, far cheaper than rebuilding the dictionary on every extraction.
function dictionaryFingerprint(db: Db): string {
  const row = db.$client
    .prepare(
      `select
        (select count(*) || ':' || coalesce(max(id), 0) || ':' || total(length(alias_folded) * 31 + coalesce(agency_id, 0) * 7 + coalesce(group_id, 0) * 13) from agency_aliases) || '|' ||
        (select count(*) || ':' || coalesce(max(id), 0) || ':' || total(length(name) * 31 + length(short_name) * 17 + length(code) + coalesce(parent_id, 0) * 3 + length(kind)) from agencies) || '|' ||
        (select count(*) || ':' || coalesce(max(id), 0) || ':' || total(length(name) * 31 + length(code) + length(member_kinds) + coalesce(parent_id, 0)) from agency_groups) as f`,
    )
    .get() as { f: string }
  return row.f
}

function readDictionary(db: Db): AgencyDictionary {
  const agencyRows = db.select().from(agencies).orderBy(asc(agencies.id)).all()
  const groupRows = db.select().from(agencyGroups).orderBy(asc(agencyGroups.id)).all()
  const aliasRows = db.select().from(agencyAliases).orderBy(asc(agencyAliases.id)).all()
  const codeOf = new Map(agencyRows.map((a) => [a.id, a.code]))
  const aliasesByAgency = new Map<number, string[]>()
  const aliasesByGroup = new Map<number, string[]>()
  for (const a of aliasRows) {
    const [map, id] = a.agencyId != null ? [aliasesByAgency, a.agencyId] : [aliasesByGroup, a.groupId]
    if (id == null) continue
    map.set(id, [...(map.get(id) ?? []), a.alias])
  }
  const seeds: AgencySeed[] = agencyRows.map((a) => ({
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    aliases: aliasesByAgency.get(a.id) ?? [],
    kind: a.kind,
    parentCode: a.parentId != null ? codeOf.get(a.parentId) : undefined,
    emails: [],
  }))
  const groups: AgencyGroupSeed[] = groupRows.map((g) => ({
    code: g.code,
    name: g.name,
    aliases: aliasesByGroup.get(g.id) ?? [],
    memberKinds: g.memberKinds,
    parentCode: g.parentId != null ? codeOf.get(g.parentId) : undefined,
  }))
  return buildDictionary(seeds, groups)
}

/** The extractor's dictionary of this database's agencies, groups and aliases; rebuilt only when they change. */
export function agencyDictionary(db: Db): AgencyDictionary {
  const fingerprint = dictionaryFingerprint(db)
  const cached = dictionaries.get(db)
  if (cached && cached.fingerprint === fingerprint) return cached.dict
  const dict = readDictionary(db)
  dictionaries.set(db, { fingerprint, dict })
  return dict
}

// ——— Text → draft ———

export interface AgencyOption {
  code: string
  label: string
  group: boolean
  /** Other names and abbreviations (KH&ĐT, TT&TT …), so that the picker finds them too. */
  keywords: string
}

/** Every agency and group an officer may pick, with a label that shows the short name and the code. */
export function intakeAgencyOptions(db: Db): AgencyOption[] {
  const groups = db.select().from(agencyGroups).orderBy(asc(agencyGroups.name)).all()
  // Merged agencies stay: a directive written before the merger names them, and their tasks pass to the successor.
  const list = db.select().from(agencies).orderBy(asc(agencies.path), asc(agencies.name)).all()
  const until = (a: (typeof list)[number]) => (!a.active && a.validTo ? ` (đến ${formatVnDate(a.validTo)})` : '')
  const byAgency = new Map<number, string[]>()
  const byGroup = new Map<number, string[]>()
  for (const r of db.select().from(agencyAliases).all()) {
    const [map, id] = r.agencyId != null ? [byAgency, r.agencyId] : [byGroup, r.groupId]
    if (id != null) map.set(id, [...(map.get(id) ?? []), r.aliasFolded])
  }
  return [
    ...groups.map((g) => ({ code: g.code, label: `Nhóm: ${g.name}`, group: true, keywords: (byGroup.get(g.id) ?? []).join(' | ') })),
    ...list.map((a) => ({
      code: a.code,
      label: `${a.name === a.shortName ? a.name : `${a.shortName} — ${a.name}`}${until(a)}`,
      group: false,
      keywords: (byAgency.get(a.id) ?? []).join(' | '),
    })),
  ]
}

function deadlineFields(task: ExtractedTask, issuedOn: IsoDate | null): Partial<DraftRow> {
  const d = task.deadline
  const due = d.dueOn
  const phrase = d.phrase ?? ''
  switch (d.kind) {
    case 'date':
      return { deadlineKind: 'date', dueDate: formatVnDate(due), deadlinePhrase: phrase }
    case 'month':
      return { deadlineKind: 'month', dueMonth: due ? `${due.slice(5, 7)}/${due.slice(0, 4)}` : '', deadlinePhrase: phrase }
    case 'quarter':
      return {
        deadlineKind: 'quarter',
        dueQuarter: due ? String(Math.ceil(Number(due.slice(5, 7)) / 3)) : '',
        dueYear: due ? due.slice(0, 4) : '',
        deadlinePhrase: phrase,
      }
    case 'year':
      return { deadlineKind: 'year', dueYear: due ? due.slice(0, 4) : '', deadlinePhrase: phrase }
    case 'recurring':
      // The text names the rhythm, not the span: periods are proposed from the issue date to the end of the next
      // year, in plain view on the review screen, where the officer shortens or extends them.
      return {
        deadlineKind: 'recurring',
        recurrence: d.recurrence ?? '',
        recurringFrom: issuedOn ? formatVnDate(issuedOn) : '',
        recurringUntil: issuedOn ? formatVnDate(endOfYear(Number(issuedOn.slice(0, 4)) + 1)) : '',
        deadlinePhrase: phrase,
      }
    default:
      return { deadlineKind: 'standing', deadlinePhrase: phrase }
  }
}

function draftRow(task: ExtractedTask, issuedOn: IsoDate | null, groupCodes: Set<string>): DraftRow {
  const leads: DraftAgency[] = task.leads.map((a) => ({ name: a.name, code: a.code }))
  const named = leads.filter((a) => a.code && !groupCodes.has(a.code)).length
  return {
    ...emptyRow(task.ref.slice(0, 30)),
    content: task.content,
    leads,
    supports: task.supports.map((a) => ({ name: a.name, code: a.code })),
    // Two named leads are co-leads ("Bộ Tài chính, Bộ Kế hoạch và Đầu tư chủ trì"); a longer named list assigns
    // each member on its own ("các thành phố lớn như: Hà Nội, …").
    perAgency: named > 2,
    output: task.output ?? '',
    target: task.target ?? '',
    ...deadlineFields(task, issuedOn),
  }
}

/** The monitoring office the closing words name ("Giao Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra"). */
function monitoringOffice(result: ExtractionResult): string {
  for (const t of result.tasks) {
    if (!t.ref.startsWith('cuối')) continue
    if (!/theo dõi|đôn đốc/iu.test(t.content)) continue
    if (t.leads.length === 1 && t.leads[0].code) return t.leads[0].code
  }
  return ''
}

export function draftFromExtraction(db: Db, result: ExtractionResult, sourceText: string, sourceLabel: string): Draft {
  const groupCodes = new Set(db.select({ code: agencyGroups.code }).from(agencyGroups).all().map((g) => g.code))
  const d = result.directive
  return {
    directive: {
      type: d.type,
      number: d.number ?? '',
      issuedOn: formatVnDate(d.issuedOn),
      issuer: d.issuer ?? '',
      signer: d.signer ?? '',
      title: d.title ?? '',
      monitoringAgency: monitoringOffice(result),
    },
    rows: result.tasks.map((t) => draftRow(t, d.issuedOn, groupCodes)),
    unassigned: result.unassigned,
    sourceText,
    sourceLabel,
  }
}

/** Reads the tasks out of a directive's text; bad input becomes an IntakeInputError with a Vietnamese message. */
export function proposeDraft(db: Db, text: string, sourceLabel: string, issuedOn: IsoDate | null = null): Draft {
  if (!text.trim()) throw new IntakeInputError('Chưa có nội dung: hãy dán toàn văn văn bản chỉ đạo hoặc chọn tệp.')
  if (text.length > MAX_FULL_TEXT) {
    throw new IntakeInputError(`Văn bản quá dài (${text.length.toLocaleString('vi-VN')} ký tự): tối đa ${MAX_FULL_TEXT.toLocaleString('vi-VN')} ký tự cho một văn bản.`)
  }
  let result: ExtractionResult
  try {
    result = extractDirective(text, { dictionary: agencyDictionary(db), issuedOn: issuedOn ?? undefined })
  } catch (e) {
    if (e instanceof ExtractionError) throw new IntakeInputError(e.message)
    throw e
  }
  return draftFromExtraction(db, result, text, sourceLabel)
}

// ——— The draft as posted back ———

const str = (max: number) => z.string().max(max, `Không được dài quá ${max.toLocaleString('vi-VN')} ký tự.`).default('')
const AgencySchema = z.object({ name: str(300), code: z.string().max(60).nullable(), saveAlias: z.boolean().optional() })
const RowSchema = z.object({
  id: z.string().min(1).max(60),
  ref: str(60),
  content: str(10_000),
  leads: z.array(AgencySchema).max(100),
  supports: z.array(AgencySchema).max(100),
  perAgency: z.boolean().default(false),
  deadlineKind: z.enum(DEADLINE_KINDS),
  dueDate: str(40),
  dueMonth: str(40),
  dueQuarter: str(4),
  dueYear: str(10),
  recurrence: str(20),
  recurringFrom: str(40),
  recurringUntil: str(40),
  deadlinePhrase: str(600),
  standingConfirmed: z.boolean().default(false),
  output: str(2000),
  target: str(2000),
})
export const DraftSchema = z.object({
  directive: z.object({
    type: z.enum(DIRECTIVE_TYPES),
    number: str(200),
    issuedOn: str(40),
    issuer: str(600),
    signer: str(400),
    title: str(4000),
    monitoringAgency: str(200),
  }),
  rows: z.array(RowSchema).max(1000, 'Tối đa 1.000 nhiệm vụ trong một lần nhập.'),
  unassigned: z.array(z.string().max(20_000)).max(2000).default([]),
  sourceText: z.string().max(MAX_FULL_TEXT, `Toàn văn không được dài quá ${MAX_FULL_TEXT.toLocaleString('vi-VN')} ký tự.`).default(''),
  sourceLabel: str(300),
})

/** Parses the draft's JSON as the browser posted it; a forged or broken body is refused without detail. */
export function parseDraftJson(raw: unknown): Draft {
  if (typeof raw !== 'string' || raw.length === 0) throw new IntakeInputError('Không có bản nháp để xác nhận: hãy trích xuất văn bản trước.')
  if (raw.length > 4 * MAX_FULL_TEXT) throw new IntakeInputError('Bản nháp quá lớn.')
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    throw new IntakeInputError('Bản nháp gửi lên không đọc được: hãy tải lại trang và thử lại.')
  }
  const parsed = DraftSchema.safeParse(data)
  if (!parsed.success) throw new IntakeInputError('Bản nháp gửi lên không hợp lệ: hãy tải lại trang và thử lại.')
  return parsed.data as Draft
}

// ——— Confirmation ———

const rowLabel = (row: DraftRow, index: number) => `Dòng ${row.ref.trim() || index + 1}`

const lowerFirst = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s)

interface PlannedAlias {
  alias: string
  folded: string
  code: string
  agencyId: number | null
  groupId: number | null
}

function itemFormInput(row: DraftRow): Record<string, unknown> {
  return {
    ref: row.ref,
    content: row.content,
    leads: row.leads.map((a) => a.code ?? ''),
    supports: row.supports.map((a) => a.code ?? ''),
    perAgency: row.perAgency ? 'on' : '',
    deadlineKind: row.deadlineKind,
    dueDate: row.dueDate,
    dueMonth: row.dueMonth,
    dueQuarter: row.dueQuarter,
    dueYear: row.dueYear,
    recurrence: row.recurrence,
    recurringFrom: row.recurringFrom,
    recurringUntil: row.recurringUntil,
    deadlinePhrase: row.deadlinePhrase.slice(0, 300),
    output: row.output,
    target: row.target,
  }
}

type ItemInputOf = z.infer<typeof ItemFormSchema>

/** Checks the whole draft and returns what to save, or every error at once (nothing is saved in either case). */
export function validateDraft(db: Db, draft: Draft) {
  const errors: DraftErrors = { directive: {}, rows: {}, form: [] }
  // A draft names the same few agencies over and over: resolve each once.
  const lookups = new AgencyLookups(db)
  const d = draft.directive
  const directive = DirectiveFormSchema.safeParse({
    type: d.type,
    number: d.number,
    title: d.title,
    issuer: d.issuer,
    signer: d.signer,
    issuedOn: d.issuedOn,
    fullText: draft.sourceText,
    monitoringAgency: d.monitoringAgency,
  })
  if (!directive.success) {
    for (const issue of directive.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      errors.directive[key] ??= issue.message
    }
  }
  const issuedOn = directive.success ? directive.data.issuedOn : parseVnDate(d.issuedOn)
  if (directive.success) {
    const dup = findDuplicateDirective(db, directive.data.issuer, directive.data.number)
    if (dup) {
      errors.directive.number = `Số, ký hiệu "${directive.data.number}" của cơ quan ban hành này đã có trong hệ thống.`
      errors.duplicateOf = dup.id
    }
    if (directive.data.monitoringAgency) {
      const m = lookups.resolve(directive.data.monitoringAgency)
      if (!m || m.type !== 'agency') errors.directive.monitoringAgency = `Không tìm thấy cơ quan "${directive.data.monitoringAgency}".`
    }
  }
  if (draft.rows.length === 0) errors.form.push('Chưa có nhiệm vụ nào: hãy thêm ít nhất một nhiệm vụ hoặc hủy.')

  const items: Array<{ row: DraftRow; label: string; input: ItemInputOf }> = []
  const refs = new Map<string, string>()
  draft.rows.forEach((row, index) => {
    const label = rowLabel(row, index)
    const messages: string[] = []
    const ref = row.ref.trim()
    if (ref && refs.has(ref)) messages.push(`mục "${ref}" trùng với một dòng khác.`)
    if (ref) refs.set(ref, row.id)
    if (row.leads.length === 0) messages.push('chưa có cơ quan chủ trì.')
    for (const a of row.leads) if (!a.code) messages.push(`chưa xác định cơ quan chủ trì "${a.name}".`)
    for (const a of row.supports) if (!a.code) messages.push(`chưa xác định cơ quan phối hợp "${a.name}".`)
    for (const a of [...row.leads, ...row.supports]) {
      if (a.code && !lookups.resolve(a.code)) messages.push(`không tìm thấy cơ quan "${a.code}".`)
    }
    const parsed = ItemFormSchema.safeParse(itemFormInput(row))
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // Missing and unmapped agencies are already reported above, by name.
        if (issue.path[0] === 'leads' && (row.leads.length === 0 || row.leads.some((a) => !a.code))) continue
        const m = lowerFirst(issue.message)
        if (!messages.includes(m)) messages.push(m)
      }
    } else if (issuedOn) {
      const dl = parsed.data.deadline
      if (dl.dueOn && dl.dueOn < issuedOn) messages.push(`thời hạn ${formatVnDate(dl.dueOn)} trước ngày ban hành văn bản.`)
      if (dl.kind === 'recurring' && dl.recurringFrom && dl.recurringFrom < issuedOn) messages.push('ngày bắt đầu theo dõi không thể trước ngày ban hành văn bản.')
      if (dl.kind === 'recurring' && dl.recurringFrom && dl.recurringUntil && dl.recurringUntil < dl.recurringFrom) messages.push('ngày kết thúc theo dõi phải sau ngày bắt đầu.')
    }
    if (messages.length) errors.rows[row.id] = messages.map((m) => `${label}: ${m}`)
    else if (parsed.success) items.push({ row, label, input: parsed.data })
  })

  const aliases = plannedAliases(db, lookups, draft, errors)
  const ok = directive.success && Object.keys(errors.directive).length === 0 && Object.keys(errors.rows).length === 0 && errors.form.length === 0
  return { ok, errors, directive: directive.success ? directive.data : null, items, aliases }
}

function plannedAliases(db: Db, lookups: AgencyLookups, draft: Draft, errors: DraftErrors): PlannedAlias[] {
  const planned = new Map<string, PlannedAlias>()
  draft.rows.forEach((row, index) => {
    for (const a of [...row.leads, ...row.supports]) {
      if (!a.saveAlias || !a.code) continue
      const alias = a.name.replace(/\s+/g, ' ').trim()
      const folded = foldVietnamese(alias)
      const fail = (m: string) => (errors.rows[row.id] ??= []).push(`${rowLabel(row, index)}: ${m}`)
      if (alias.length < 2 || alias.length > 200) {
        fail(`tên gọi khác "${alias}" phải dài từ 2 đến 200 ký tự.`)
        continue
      }
      const target = lookups.resolve(a.code)
      if (!target) continue
      const agencyId = target.type === 'agency' ? target.agency.id : null
      const groupId = target.type === 'group' ? target.group.id : null
      const taken = db.select().from(agencyAliases).where(eq(agencyAliases.aliasFolded, folded)).get()
      if (taken) {
        if (taken.agencyId === agencyId && taken.groupId === groupId) continue
        fail(`tên "${alias}" đã là tên gọi của một cơ quan khác: không lưu được làm tên gọi khác của ${a.code}.`)
        continue
      }
      const other = planned.get(folded)
      if (other && other.code !== a.code) {
        fail(`tên "${alias}" được gán cho hai cơ quan khác nhau (${other.code}, ${a.code}).`)
        continue
      }
      planned.set(folded, { alias, folded, code: a.code, agencyId, groupId })
    }
  })
  return [...planned.values()]
}

/**
 * Creates the directive, every task of the draft and the new aliases in one transaction, or nothing: any error
 * throws IntakeValidationError with the messages by field and row. Returns the new directive's id.
 */
export function confirmIntake(db: Db, actor: Actor, draft: Draft, now = new Date()): { directiveId: number; taskCount: number } {
  const v = validateDraft(db, draft)
  if (!v.ok || !v.directive) throw new IntakeValidationError(v.errors)
  const input = v.directive
  const result = db.transaction(() => {
    // createDirective and addItem open their own transactions; nested in this one they become savepoints, so
    // a failure anywhere below rolls back everything.
    let directiveId: number
    try {
      directiveId = createDirective(db, actor, { ...input, monitoringAgencyCode: input.monitoringAgency }, now)
    } catch (e) {
      if (e instanceof ValidationError) {
        const duplicateOf = e.message.startsWith('duplicate:') ? Number(e.message.slice('duplicate:'.length)) : undefined
        throw new IntakeValidationError({ directive: e.fieldErrors, rows: {}, form: [], duplicateOf })
      }
      throw e
    }
    let taskCount = 0
    const batch = new RegisterBatch(db)
    for (const { row, label, input: item } of v.items) {
      try {
        taskCount += addItem(db, actor, directiveId, item, { now, batch }).taskIds.length
      } catch (e) {
        if (e instanceof ValidationError) {
          throw new IntakeValidationError({ directive: {}, rows: { [row.id]: Object.values(e.fieldErrors).map((m) => `${label}: ${lowerFirst(m)}`) }, form: [] })
        }
        throw e
      }
    }
    for (const a of v.aliases) {
      db.insert(agencyAliases).values({ agencyId: a.agencyId, groupId: a.groupId, alias: a.alias, aliasFolded: a.folded }).run()
      appendHistory(db, { actorId: actor.id, entity: 'directive', entityId: directiveId, directiveId, action: 'agency_alias_added', after: { alias: a.alias, agency: a.code }, at: now })
    }
    return { directiveId, taskCount }
  })
  if (v.aliases.length) dictionaries.delete(db)
  return result
}
