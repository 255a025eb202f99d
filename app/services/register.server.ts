// The directive register: creating directives and their items, and fanning items out into per-agency, per-period tasks.
import { and, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { DeadlineKind, DirectiveType, IsoDate, Recurrence } from '../../db/reference/types'
import { directiveItems, directives, taskAgencies, tasks, type DirectiveStatus, type TaskRole } from '../../db/schema'
import { recurringPeriods } from '../domain/dates'
import { foldVietnamese } from '../domain/text'
import { ConflictError, NotFoundError, ValidationError } from '../lib/errors'
import type { Statement } from 'better-sqlite3'
import { AgencyLookups, resolveAgencyName, type Agency } from '../models/agency.server'
import { appendHistory, appendHistoryPrepared, type Tx } from './history.server'

export interface Actor {
  id: number
}

export interface DirectiveInput {
  type: DirectiveType
  number: string
  title: string
  issuer: string
  signer: string
  issuedOn: IsoDate
  fullText: string
  monitoringAgencyCode: string | null
}

export interface ItemInput {
  ref: string
  content: string
  /** Agency codes, names or abbreviations, or group codes: one lead, two or more co-leads, or groups. */
  leads: string[]
  supports: string[]
  deadline: {
    kind: DeadlineKind
    dueOn?: IsoDate | null
    recurrence?: Recurrence | null
    recurringFrom?: IsoDate | null
    recurringUntil?: IsoDate | null
    phrase?: string | null
  }
  output?: string | null
  target?: string | null
  isKey?: boolean
  /**
   * Several named leads are co-leads of one task unless this is set, in which case each is accountable on its own
   * (a named list of members such as "các thành phố lớn như: Hà Nội, …"). Groups always fan out.
   */
  perAgency?: boolean
}

export interface AddItemOptions {
  /** The date on which group membership is read (default: the directive's issue date). */
  membershipDate?: IsoDate
  now?: Date
  /** Lookups shared by the items added in one transaction (see RegisterBatch); by default, one for this item. */
  batch?: RegisterBatch
}

/** Normalises a directive number for the duplicate check: case, spaces and diacritics do not make it new. */
export function foldNumber(number: string): string {
  return foldVietnamese(number).replace(/\s+/g, '')
}

export function findDuplicateDirective(db: Tx, issuer: string, number: string, exceptId?: number) {
  const where = and(
    eq(directives.issuerFolded, foldVietnamese(issuer)),
    eq(directives.numberFolded, foldNumber(number)),
    exceptId ? ne(directives.id, exceptId) : undefined,
  )
  return db.select({ id: directives.id, number: directives.number }).from(directives).where(where).get()
}

function resolveMonitoringAgency(db: Tx, code: string | null): number | null {
  if (!code) return null
  const resolved = resolveAgencyName(db, code)
  if (!resolved || resolved.type !== 'agency') throw new ValidationError({ monitoringAgencyCode: `Không tìm thấy cơ quan "${code}".` })
  return resolved.agency.id
}

/** Checks a directive's number and monitoring office, and returns the row values to store. */
function directiveValues(tx: Tx, input: DirectiveInput, exceptId?: number) {
  const duplicate = findDuplicateDirective(tx, input.issuer, input.number, exceptId)
  if (duplicate) {
    // The message carries the existing directive's id so that the page can link to it.
    throw new ValidationError({ number: `Số, ký hiệu "${input.number}" của cơ quan ban hành này đã có trong hệ thống.` }, `duplicate:${duplicate.id}`)
  }
  return {
    type: input.type,
    number: input.number.trim(),
    numberFolded: foldNumber(input.number),
    title: input.title.trim(),
    issuer: input.issuer.trim(),
    issuerFolded: foldVietnamese(input.issuer),
    signer: input.signer.trim(),
    issuedOn: input.issuedOn,
    fullText: input.fullText,
    monitoringAgencyId: resolveMonitoringAgency(tx, input.monitoringAgencyCode),
  }
}

export function createDirective(db: Db, actor: Actor, input: DirectiveInput, now = new Date()): number {
  return db.transaction((tx) => {
    const row = tx
      .insert(directives)
      .values({ ...directiveValues(tx, input), createdBy: actor.id, createdAt: now.toISOString() })
      .returning({ id: directives.id })
      .get()
    appendHistory(tx, { actorId: actor.id, entity: 'directive', entityId: row.id, directiveId: row.id, action: 'directive_created', after: input, at: now })
    return row.id
  })
}

export function updateDirective(db: Db, actor: Actor, id: number, input: DirectiveInput, now = new Date()): void {
  db.transaction((tx) => {
    const before = tx.select().from(directives).where(eq(directives.id, id)).get()
    if (!before) throw new NotFoundError('Không tìm thấy văn bản.')
    const earliest = tx
      .select({ d: sql<string | null>`min(coalesce(${directiveItems.dueOn}, ${directiveItems.recurringFrom}))` })
      .from(directiveItems)
      .where(eq(directiveItems.directiveId, id))
      .get()?.d
    if (earliest && earliest < input.issuedOn) throw new ValidationError({ issuedOn: 'Ngày ban hành không thể sau thời hạn của nhiệm vụ đã giao.' })
    const values = directiveValues(tx, input, id)
    tx.update(directives).set(values).where(eq(directives.id, id)).run()
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v))
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]]))
    if (Object.keys(changed).length > 0) {
      appendHistory(tx, { actorId: actor.id, entity: 'directive', entityId: id, directiveId: id, action: 'directive_edited', before: was, after: changed, at: now })
    }
  })
}

interface Addressee {
  /** The agency as named (an old agency keeps its name). */
  named: Agency
  /** The agency that acts on it today. */
  acting: Agency
}

/** Resolves one addressee to its agencies: a group fans out to its members on the given date. */
function resolveAddressees(lookups: AgencyLookups, names: string[], field: string, membershipDate: IsoDate): { list: Addressee[]; groups: string[] } {
  const list: Addressee[] = []
  const groups: string[] = []
  for (const name of names) {
    const resolved = lookups.resolve(name)
    if (!resolved) throw new ValidationError({ [field]: `Không tìm thấy cơ quan hoặc nhóm cơ quan "${name}".` })
    if (resolved.type === 'agency') {
      list.push({ named: resolved.agency, acting: lookups.effective(resolved.agency) })
    } else {
      const members = lookups.groupMembers(resolved.group, membershipDate)
      if (members.length === 0) throw new ValidationError({ [field]: `Nhóm "${resolved.group.name}" không có cơ quan nào vào ngày ${membershipDate}.` })
      groups.push(resolved.group.code)
      for (const m of members) list.push({ named: m, acting: lookups.effective(m) })
    }
  }
  return { list, groups }
}

function validateDeadline(input: ItemInput['deadline'], issuedOn: IsoDate): void {
  const { kind } = input
  if (kind === 'standing') return
  if (kind === 'recurring') {
    if (!input.recurrence) throw new ValidationError({ recurrence: 'Chọn chu kỳ của nhiệm vụ định kỳ.' })
    if (!input.recurringFrom || !input.recurringUntil) throw new ValidationError({ recurringUntil: 'Nhập thời gian bắt đầu và kết thúc theo dõi nhiệm vụ định kỳ.' })
    if (input.recurringUntil < input.recurringFrom) throw new ValidationError({ recurringUntil: 'Ngày kết thúc phải sau ngày bắt đầu.' })
    if (input.recurringFrom < issuedOn) throw new ValidationError({ recurringFrom: 'Ngày bắt đầu theo dõi không thể trước ngày ban hành văn bản.' })
    return
  }
  if (!input.dueOn) throw new ValidationError({ dueOn: 'Nhập thời hạn hoàn thành.' })
  if (input.dueOn < issuedOn) throw new ValidationError({ dueOn: 'Thời hạn không thể trước ngày ban hành văn bản.' })
}

interface TaskPlan {
  periodKey: string | null
  periodLabel: string | null
  dueOn: IsoDate | null
}

function plannedPeriods(deadline: ItemInput['deadline']): TaskPlan[] {
  if (deadline.kind === 'standing') return [{ periodKey: null, periodLabel: null, dueOn: null }]
  if (deadline.kind === 'recurring') {
    try {
      return recurringPeriods(deadline.recurrence!, deadline.recurringFrom!, deadline.recurringUntil!).map((p) => ({
        periodKey: p.key,
        periodLabel: p.label,
        dueOn: p.dueOn,
      }))
    } catch (e) {
      if (e instanceof RangeError) throw new ValidationError({ recurringUntil: 'Khoảng thời gian theo dõi quá dài (tối đa 240 kỳ).' })
      throw e
    }
  }
  return [{ periodKey: null, periodLabel: null, dueOn: deadline.dueOn! }]
}

/**
 * The folded text a task is searched by. Each part is folded on its own and the non-empty results joined by one
 * space, which is what folding the joined parts gives (folding works character by character, and collapses and
 * trims whitespace): so a part shared by many tasks is folded once.
 */
export function buildSearchText(parts: Array<string | null | undefined>): string {
  return joinFolded(parts.map((p) => (p ? foldVietnamese(p) : '')))
}

const joinFolded = (folded: string[]) => folded.filter((f) => f !== '').join(' ')

/**
 * What the items registered in one transaction share: agency lookups and each agency's folded search words, so
 * that a directive's 40 items do not resolve the same 63 provinces 40 times. Agencies, groups and aliases must not
 * change while it is in use: create one inside the transaction and drop it with the transaction.
 */
export class RegisterBatch {
  readonly lookups: AgencyLookups
  private readonly agencyText = new Map<number, string>()

  constructor(db: Db) {
    this.lookups = new AgencyLookups(db)
  }

  /** An agency's words in its tasks' search text (code, names and every alias), folded. */
  searchText(agency: Agency): string {
    let text = this.agencyText.get(agency.id)
    if (text === undefined) {
      text = buildSearchText([agency.code, agency.name, agency.shortName, ...this.lookups.aliasesOf(agency.id)])
      this.agencyText.set(agency.id, text)
    }
    return text
  }
}

const TASK_COLUMNS = 'item_id, directive_id, lead_agency_id, rollup_agency_id, content, period_key, period_label, due_on, original_due_on, is_key, search_text, created_at, updated_at'
const TASK_PLACEHOLDERS = `(${TASK_COLUMNS.split(',').map(() => '?').join(', ')})`
/** Rows per multi-row insert into tasks (13 values each, far below SQLite's limit of 32,766 parameters). */
const TASKS_PER_INSERT = 100

/** Rows per multi-row insert into task_agencies (3 values each). */
const ROLES_PER_INSERT = 300

interface TaskStatements {
  /** Inserts n tasks in one statement, by n. */
  tasks: Map<number, Statement<unknown[]>>
  /** Inserts n task_agencies rows in one statement, by n. */
  roles: Map<number, Statement<unknown[]>>
}

const taskStatements = new WeakMap<Db, TaskStatements>()

// The task inserts of addItem, prepared once per connection: a directive fans out into hundreds of tasks, and
// building each insert through drizzle cost more than running it. Columns left out take the schema's defaults, as
// they did through drizzle.
function preparedTaskStatements(db: Db): TaskStatements {
  let st = taskStatements.get(db)
  if (!st) {
    st = { tasks: new Map(), roles: new Map() }
    taskStatements.set(db, st)
  }
  return st
}

/** Runs `insert into <table> (<columns>) values (…), (…), …` over rows, `size` rows to a statement. */
function insertRows(db: Db, cache: Map<number, Statement<unknown[]>>, head: string, placeholders: string, size: number, rows: unknown[][]) {
  const results: Array<{ count: number; lastId: number }> = []
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size)
    let insert = cache.get(chunk.length)
    if (!insert) {
      insert = db.$client.prepare(`${head} values ${Array(chunk.length).fill(placeholders).join(', ')}`)
      cache.set(chunk.length, insert)
    }
    const result = insert.run(chunk.flat())
    if (result.changes !== chunk.length) throw new Error(`${head}: ${result.changes} rows written instead of ${chunk.length}.`)
    results.push({ count: chunk.length, lastId: Number(result.lastInsertRowid) })
  }
  return results
}

/**
 * Inserts task rows (13 values each, in TASK_COLUMNS order) and returns their ids, in order. Many rows go in one
 * statement because of the FTS5 index that a trigger keeps in step with tasks: it writes its pending terms out per
 * statement (the statement savepoint around a trigger that writes a virtual table, it seems), and with one insert
 * per task the index of 1,000 tasks cost about five times the tasks themselves (measured; 50–100 rows to a
 * statement bring it down to the cost of inserting into the index directly).
 * The ids of one statement are consecutive: tasks' ids are AUTOINCREMENT and nothing else inserts in between.
 */
function insertTasks(db: Db, st: TaskStatements, rows: unknown[][]): number[] {
  const ids: number[] = []
  for (const { count, lastId } of insertRows(db, st.tasks, `insert into tasks (${TASK_COLUMNS})`, TASK_PLACEHOLDERS, TASKS_PER_INSERT, rows)) {
    for (let k = count - 1; k >= 0; k--) ids.push(lastId - k)
  }
  return ids
}

/**
 * Adds an item to a directive and creates its tasks: one per lead agency (a group fans out to its members; co-leads
 * share one task) and per period of a recurring duty. Returns the item id and the ids of the tasks created.
 */
export function addItem(db: Db, actor: Actor, directiveId: number, input: ItemInput, options: AddItemOptions = {}): { itemId: number; taskIds: number[] } {
  const now = options.now ?? new Date()
  const at = now.toISOString()
  const statements = preparedTaskStatements(db)
  return db.transaction((tx) => {
    const directive = tx.select().from(directives).where(eq(directives.id, directiveId)).get()
    if (!directive) throw new NotFoundError('Không tìm thấy văn bản.')
    if (directive.status === 'cancelled' || directive.status === 'replaced') throw new ConflictError('Văn bản đã bị hủy hoặc thay thế: không thể giao thêm nhiệm vụ.')
    if (input.leads.length === 0) throw new ValidationError({ leads: 'Chọn cơ quan chủ trì.' })
    validateDeadline(input.deadline, directive.issuedOn)
    const membershipDate = options.membershipDate ?? directive.issuedOn
    const batch = options.batch ?? new RegisterBatch(db)
    const leads = resolveAddressees(batch.lookups, input.leads, 'leads', membershipDate)
    const supports = resolveAddressees(batch.lookups, input.supports, 'supports', membershipDate)
    const supportList = dedupe(supports.list)

    const item = tx
      .insert(directiveItems)
      .values({
        directiveId,
        ref: input.ref.trim(),
        content: input.content.trim(),
        deadlineKind: input.deadline.kind,
        dueOn: input.deadline.kind === 'recurring' || input.deadline.kind === 'standing' ? null : input.deadline.dueOn ?? null,
        recurrence: input.deadline.kind === 'recurring' ? input.deadline.recurrence ?? null : null,
        recurringFrom: input.deadline.kind === 'recurring' ? input.deadline.recurringFrom ?? null : null,
        recurringUntil: input.deadline.kind === 'recurring' ? input.deadline.recurringUntil ?? null : null,
        deadlinePhrase: input.deadline.phrase ?? null,
        output: input.output?.trim() || null,
        target: input.target?.trim() || null,
        isKey: input.isKey ?? false,
        leadCodes: input.leads,
        supportCodes: input.supports,
        createdAt: at,
      })
      .returning({ id: directiveItems.id })
      .get()
    appendHistoryPrepared(db, { actorId: actor.id, entity: 'item', entityId: item.id, directiveId, action: 'item_created', after: input, at: now })

    // A group (or several named agencies) fans out to one task each; two named agencies without a group are co-leads.
    // Fanned-out tasks stay one per agency as named: a ministry merged away since keeps its own task, which its
    // successor now carries.
    const leadSets: Addressee[][] =
      leads.groups.length > 0 || input.perAgency ? dedupe(leads.list, (a) => a.named.id).map((l) => [l]) : [dedupe(leads.list)]
    // The search text's parts shared by the item's tasks are folded once (see buildSearchText).
    const itemText = buildSearchText([input.content, input.ref, directive.number])
    const supportText = joinFolded(supportList.map((s) => batch.searchText(s.named)))
    const content = input.content.trim()
    const isKey = input.isKey ? 1 : 0
    const planned: Array<{ period: TaskPlan; leadSet: Addressee[]; taskSupports: Addressee[]; row: unknown[] }> = []
    for (const period of plannedPeriods(input.deadline)) {
      const periodText = period.periodLabel ? foldVietnamese(period.periodLabel) : ''
      for (const leadSet of leadSets) {
        const primary = leadSet[0]
        const leadIds = new Set(leadSet.map((l) => l.acting.id))
        const taskSupports = supportList.filter((s) => !leadIds.has(s.acting.id))
        const search = joinFolded([
          itemText,
          periodText,
          ...leadSet.flatMap((l) => [batch.searchText(l.named), l.acting.id !== l.named.id ? batch.searchText(l.acting) : '']),
          supportText,
        ])
        const row = [item.id, directiveId, primary.named.id, primary.acting.id, content, period.periodKey, period.periodLabel, period.dueOn, period.dueOn, isKey, search, at, at]
        planned.push({ period, leadSet, taskSupports, row })
      }
    }
    // The item's tasks first, then their agencies, then their history entries, each in task order: the same rows, ids
    // and chain as writing them task by task.
    const taskIds = insertTasks(db, statements, planned.map((p) => p.row))
    const roles = planned.flatMap(({ leadSet, taskSupports }, index) => [
      ...leadSet.map((l) => [taskIds[index], l.acting.id, 'lead']),
      ...taskSupports.map((s) => [taskIds[index], s.acting.id, 'support']),
    ])
    insertRows(db, statements.roles, 'insert into task_agencies (task_id, agency_id, role)', '(?, ?, ?)', ROLES_PER_INSERT, roles)
    planned.forEach(({ period, leadSet, taskSupports }, index) => {
      const taskId = taskIds[index]
      appendHistoryPrepared(db, {
        actorId: actor.id,
        entity: 'task',
        entityId: taskId,
        directiveId,
        taskId,
        action: 'task_assigned',
        after: {
          leads: leadSet.map((l) => l.named.code),
          actingLeads: leadSet.map((l) => l.acting.code),
          supports: taskSupports.map((s) => s.acting.code),
          dueOn: period.dueOn,
          period: period.periodLabel,
        },
        at: now,
      })
    })
    reopenIfClosed(tx, actor, directiveId, now)
    return { itemId: item.id, taskIds }
  })
}

function dedupe(list: Addressee[], key: (a: Addressee) => number = (a) => a.acting.id): Addressee[] {
  const seen = new Set<number>()
  return list.filter((a) => (seen.has(key(a)) ? false : (seen.add(key(a)), true)))
}

function reopenIfClosed(tx: Tx, actor: Actor, directiveId: number, now: Date): void {
  const d = tx.select({ status: directives.status }).from(directives).where(eq(directives.id, directiveId)).get()
  if (d?.status !== 'closed') return
  tx.update(directives).set({ status: 'open', closedAt: null }).where(eq(directives.id, directiveId)).run()
  appendHistory(tx, { actorId: actor.id, entity: 'directive', entityId: directiveId, directiveId, action: 'directive_reopened', before: { status: 'closed' }, after: { status: 'open' }, at: now })
}

/** Closes a directive once every task that counts is confirmed complete. Call inside the confirming transaction. */
export function closeDirectiveIfDone(tx: Tx, actorId: number, directiveId: number, now: Date): boolean {
  const d = tx.select({ status: directives.status }).from(directives).where(eq(directives.id, directiveId)).get()
  if (d?.status !== 'open') return false
  const counts = tx
    .select({
      total: sql<number>`count(*)`,
      notDone: sql<number>`sum(case when ${tasks.status} in ('open','pending') then 1 else 0 end)`,
    })
    .from(tasks)
    .where(and(eq(tasks.directiveId, directiveId), ne(tasks.status, 'cancelled')))
    .get()
  if (!counts || counts.total === 0 || (counts.notDone ?? 0) > 0) return false
  tx.update(directives).set({ status: 'closed', closedAt: now.toISOString() }).where(eq(directives.id, directiveId)).run()
  appendHistory(tx, { actorId, entity: 'directive', entityId: directiveId, directiveId, action: 'directive_closed', before: { status: 'open' }, after: { status: 'closed' }, at: now })
  return true
}

export function setDirectiveStatus(
  db: Db,
  actor: Actor,
  directiveId: number,
  change: { status: Extract<DirectiveStatus, 'cancelled' | 'replaced'>; reason: string; replacedByNumber?: string | null },
  now = new Date(),
): void {
  db.transaction((tx) => {
    const d = tx.select().from(directives).where(eq(directives.id, directiveId)).get()
    if (!d) throw new NotFoundError('Không tìm thấy văn bản.')
    if (d.status === 'cancelled' || d.status === 'replaced') throw new ConflictError('Văn bản đã bị hủy hoặc thay thế trước đó.')
    if (change.reason.trim().length < 5) throw new ValidationError({ reason: 'Nêu lý do (ít nhất 5 ký tự).' })
    let replacedById: number | null = null
    if (change.status === 'replaced') {
      const number = change.replacedByNumber?.trim()
      if (!number) throw new ValidationError({ replacedByNumber: 'Nhập số, ký hiệu của văn bản thay thế.' })
      const candidates = tx
        .select({ id: directives.id, issuerFolded: directives.issuerFolded })
        .from(directives)
        .where(and(eq(directives.numberFolded, foldNumber(number)), ne(directives.id, directiveId)))
        .all()
      if (candidates.length === 0) throw new ValidationError({ replacedByNumber: `Không tìm thấy văn bản "${number}" trong hệ thống.` })
      // The same number can exist at two issuers: prefer the one from this directive's issuer, else require it be unique.
      const sameIssuer = candidates.filter((c) => c.issuerFolded === d.issuerFolded)
      if (sameIssuer.length === 0 && candidates.length > 1) throw new ValidationError({ replacedByNumber: `Có nhiều văn bản số "${number}" của các cơ quan khác nhau: hãy sửa số, ký hiệu cho rõ.` })
      replacedById = (sameIssuer[0] ?? candidates[0]).id
    }
    tx.update(directives)
      .set({ status: change.status, statusReason: change.reason.trim(), replacedById, closedAt: now.toISOString() })
      .where(eq(directives.id, directiveId))
      .run()
    // The open tasks of a withdrawn directive stop counting; completed ones keep their record.
    const open = tx
      .select({ id: tasks.id, status: tasks.status })
      .from(tasks)
      .where(and(eq(tasks.directiveId, directiveId), sql`${tasks.status} in ('open','pending')`))
      .all()
    for (const t of open) {
      tx.update(tasks).set({ status: 'cancelled', updatedAt: now.toISOString() }).where(eq(tasks.id, t.id)).run()
      appendHistory(tx, { actorId: actor.id, entity: 'task', entityId: t.id, directiveId, taskId: t.id, action: 'task_cancelled', before: { status: t.status }, after: { status: 'cancelled', reason: change.reason.trim() }, at: now })
    }
    appendHistory(tx, {
      actorId: actor.id,
      entity: 'directive',
      entityId: directiveId,
      directiveId,
      action: change.status === 'cancelled' ? 'directive_cancelled' : 'directive_replaced',
      before: { status: d.status },
      after: { status: change.status, reason: change.reason.trim(), replacedById },
      at: now,
    })
  })
}

/** Moves an agency's tasks to its successor: they roll up under it and its officers act on them. */
export function transferTasksToSuccessor(tx: Tx, actorId: number, oldAgency: Agency, successor: Agency, now: Date): number {
  const rows = tx.select({ taskId: taskAgencies.taskId, role: taskAgencies.role }).from(taskAgencies).where(eq(taskAgencies.agencyId, oldAgency.id)).all()
  for (const r of rows) {
    const existing = tx.select().from(taskAgencies).where(and(eq(taskAgencies.taskId, r.taskId), eq(taskAgencies.agencyId, successor.id))).get()
    if (existing) {
      // The successor is already on the task: keep the stronger role.
      if (r.role === 'lead' && existing.role !== 'lead') tx.update(taskAgencies).set({ role: 'lead' }).where(and(eq(taskAgencies.taskId, r.taskId), eq(taskAgencies.agencyId, successor.id))).run()
      tx.delete(taskAgencies).where(and(eq(taskAgencies.taskId, r.taskId), eq(taskAgencies.agencyId, oldAgency.id))).run()
    } else {
      tx.update(taskAgencies).set({ agencyId: successor.id }).where(and(eq(taskAgencies.taskId, r.taskId), eq(taskAgencies.agencyId, oldAgency.id))).run()
    }
    appendHistory(tx, { actorId, entity: 'task', entityId: r.taskId, taskId: r.taskId, action: 'agency_transferred', before: { agency: oldAgency.code }, after: { agency: successor.code, role: r.role }, at: now })
  }
  tx.update(tasks).set({ rollupAgencyId: successor.id }).where(eq(tasks.rollupAgencyId, oldAgency.id)).run()
  return rows.length
}

