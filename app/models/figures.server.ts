// The figures leaders read (counts by category and the rates) for a scope as of a date: live for today, the frozen
// daily roll-up for a past day that has one, otherwise reconstructed from the task data as it stood that day.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { directives, extensionRequests, rollupSnapshots, tasks, type Role } from '../../db/schema'
import { categorize, COUNT_FIELD, computeRates, emptyCounts, type Rates, type TaskStatus } from '../domain/categories'
import { endOfMonth, toVietnamDate, todayInVietnam } from '../domain/dates'
import { listAgencies, type Agency } from './agency.server'
import { countsByAgency, tasksRevision, type AgencyCounts } from './task.server'

/** Whose figures: everything, an agency with its sub-agencies (merged agencies count under their successor), one directive. */
export type Scope =
  | { kind: 'system' }
  | { kind: 'agency'; agency: Pick<Agency, 'id' | 'code' | 'shortName' | 'path'> }
  | { kind: 'directive'; directive: { id: number; number: string } }

/**
 * live: today's task data. snapshot: the roll-up frozen that day (it never moves). reconstructed: a past day without
 * a snapshot, rebuilt from the task data (see reconstructOwnCounts for what can and cannot be rebuilt).
 */
export type FigureSource = 'live' | 'snapshot' | 'reconstructed'

export interface Figures {
  day: IsoDate
  source: FigureSource
  counts: AgencyCounts
  rates: Rates
  /** On-time against the original deadline, before extensions, over the same completed tasks. */
  onTimeOriginalRate: number | null
}

export interface AgencyFigures {
  agencyId: number
  code: string
  name: string
  kind: string
  counts: AgencyCounts
  rates: Rates
}

const EVERYONE = { role: 'leader' as const, agencyId: null }

export const emptyAgencyCounts = (): AgencyCounts => ({ ...emptyCounts(), doneOnTimeOriginal: 0 })

export function addAgencyCounts(a: AgencyCounts, b: AgencyCounts): AgencyCounts {
  return {
    assigned: a.assigned + b.assigned,
    doneOnTime: a.doneOnTime + b.doneOnTime,
    doneLate: a.doneLate + b.doneLate,
    inProgress: a.inProgress + b.inProgress,
    overdue: a.overdue + b.overdue,
    standing: a.standing + b.standing,
    doneOnTimeOriginal: a.doneOnTimeOriginal + b.doneOnTimeOriginal,
  }
}

export function figuresOf(day: IsoDate, source: FigureSource, counts: AgencyCounts): Figures {
  const rates = computeRates(counts)
  return { day, source, counts, rates, onTimeOriginalRate: rates.completed === 0 ? null : counts.doneOnTimeOriginal / rates.completed }
}

export function hasSnapshot(db: Db, day: IsoDate): boolean {
  return db.select({ one: sql<number>`1` }).from(rollupSnapshots).where(eq(rollupSnapshots.day, day)).limit(1).get() !== undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Reconstruction from the task data

interface TaskColumns {
  key: string
  rollupAgencyId: Int32Array
  directiveId: Int32Array
  status: TaskStatus[]
  dueOn: Array<string | null>
  originalDueOn: Array<string | null>
  completedOn: Array<string | null>
  /** The day the task was assigned: its directive's date of issue. */
  assignedOn: string[]
  /** Approved extensions of the task at this index, in the order they were decided: [day decided, deadline before]. */
  extensions: Map<number, Array<[IsoDate, IsoDate]>>
}

let columnsCache: TaskColumns | null = null

/**
 * Every task that is not cancelled, column by column, kept in memory until the task data changes. Read as raw rows
 * without a join (the directives' dates come from a small map): at 100 000 tasks the row mapping is most of the cost.
 */
function taskColumns(db: Db): TaskColumns {
  const key = `${db.$client.name}|${figureFingerprint(db)}`
  if (columnsCache?.key === key) return columnsCache
  const issuedOn = new Map((db.$client.prepare('select id, issued_on from directives').raw(true).all() as Array<[number, string]>).map(([id, on]) => [id, on]))
  const rows = db.$client
    .prepare("select id, rollup_agency_id, directive_id, status, due_on, original_due_on, completed_on from tasks where status != 'cancelled'")
    .raw(true)
    .all() as Array<[number, number, number, TaskStatus, string | null, string | null, string | null]>
  const n = rows.length
  const cols: TaskColumns = {
    key,
    rollupAgencyId: new Int32Array(n),
    directiveId: new Int32Array(n),
    status: new Array(n),
    dueOn: new Array(n),
    originalDueOn: new Array(n),
    completedOn: new Array(n),
    assignedOn: new Array(n),
    extensions: new Map(),
  }
  const indexOf = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const r = rows[i]
    indexOf.set(r[0], i)
    cols.rollupAgencyId[i] = r[1]
    cols.directiveId[i] = r[2]
    cols.status[i] = r[3]
    cols.dueOn[i] = r[4]
    cols.originalDueOn[i] = r[5]
    cols.completedOn[i] = r[6]
    cols.assignedOn[i] = issuedOn.get(r[2]) ?? '9999-12-31'
  }
  const approved = db
    .select({ taskId: extensionRequests.taskId, decidedAt: extensionRequests.decidedAt, currentDueOn: extensionRequests.currentDueOn })
    .from(extensionRequests)
    .where(eq(extensionRequests.status, 'approved'))
    .orderBy(extensionRequests.taskId, extensionRequests.decidedAt, extensionRequests.id)
    .all()
  for (const e of approved) {
    const i = indexOf.get(e.taskId)
    if (i === undefined || !e.decidedAt) continue
    const list = cols.extensions.get(i) ?? []
    list.push([toVietnamDate(e.decidedAt), e.currentDueOn])
    cols.extensions.set(i, list)
  }
  columnsCache = cols
  return cols
}

/** Directives carry the date a task counts as assigned; their number and latest id are enough to see a change. */
function directiveRevision(db: Db): string {
  const r = db.select({ n: sql<number>`count(*)`, max: sql<number>`max(${directives.id})` }).from(directives).get()
  return `${r?.n ?? 0}.${r?.max ?? 0}`
}

// Weighted sums over exactly the columns a reconstruction reads, answered from the covering index
// tasks_rollup_status_due_idx. Any change to one task's agency, deadlines, completion date or status moves them
// (open and pending categorize alike, so they weigh alike); a progress note does not. Sums stay below 2^53: exact.
const TASK_FINGERPRINT_SQL = `select count(*), total(id * 7 + rollup_agency_id * 13),
  total((case status when 'completed' then 2 when 'cancelled' then 3 else 1 end) * (id % 1009 + 1)),
  total(coalesce(julianday(due_on), 1) * (id % 997 + 1)), total(coalesce(julianday(completed_on), 1) * (id % 991 + 1)),
  total(coalesce(julianday(original_due_on), 1) * (id % 983 + 1)) from tasks`
const OTHER_FINGERPRINT_SQL = `select (select count(*) || '.' || ifnull(max(id), 0) || '.' || total(julianday(issued_on) * (id % 997 + 1)) from directives),
  (select count(*) || '.' || ifnull(max(id), 0) from extension_requests where status = 'approved')`

let taskFingerprintMemo: { key: string; value: string } | null = null

/**
 * What the reconstructed figures depend on. The task part is recomputed only when the task data's revision moves
 * (about 60 ms of index reading at 100 000 tasks, against several hundred to reload every task), so that the many
 * edits that leave the figures alone (progress notes, reminders' flags) do not throw the rebuilt days away.
 */
function figureFingerprint(db: Db): string {
  const revisionKey = `${db.$client.name}|${tasksRevision(db)}`
  if (taskFingerprintMemo?.key !== revisionKey) {
    taskFingerprintMemo = { key: revisionKey, value: (db.$client.prepare(TASK_FINGERPRINT_SQL).raw(true).get() as unknown[]).join('.') }
  }
  return `${taskFingerprintMemo.value}|${(db.$client.prepare(OTHER_FINGERPRINT_SQL).raw(true).get() as unknown[]).join('|')}`
}

/** The deadline in force on a past day: before an extension approved after that day, the one it replaced. */
function deadlineOn(cols: TaskColumns, i: number, day: IsoDate): string | null {
  const list = cols.extensions.get(i)
  if (list) for (const [decidedOn, before] of list) if (decidedOn > day) return before
  return cols.dueOn[i]
}

const FIELDS = ['assigned', 'doneOnTime', 'doneLate', 'inProgress', 'overdue', 'standing', 'doneOnTimeOriginal'] as const
const FIELD_INDEX: Record<(typeof FIELDS)[number], number> = { assigned: 0, doneOnTime: 1, doneLate: 2, inProgress: 3, overdue: 4, standing: 5, doneOnTimeOriginal: 6 }

/**
 * Each rollup agency's own counts on past days, rebuilt from the task data with the same categorize() as today, in
 * one pass over the tasks for all the days:
 * - a task counts once its directive was issued (issued on or before the day);
 * - the deadline is the one in force that day: an extension approved later is undone (its "deadline before");
 * - a completion counts from its completion date, as the office confirmed it.
 * What it cannot rebuild: a task cancelled later is left out of past days too (the cancellation date is only in the
 * history); a completion confirmed after the day but dated before it counts on that day; a task reassigned later
 * counts under its present agency. The daily roll-up snapshots are exact and win whenever they exist.
 */
export function reconstructOwnCountsOnDays(db: Db, allDays: IsoDate[], filter: { directiveId?: number } = {}): Map<IsoDate, Map<number, AgencyCounts>> {
  const cols = taskColumns(db)
  const cacheKey = (day: IsoDate) => `${cols.key}|${filter.directiveId ?? ''}|${day}`
  const out = new Map<IsoDate, Map<number, AgencyCounts>>()
  for (const day of allDays) {
    const hit = rebuiltCache.get(cacheKey(day))
    if (hit) out.set(day, hit)
  }
  const days = [...new Set(allDays.filter((d) => !out.has(d)))]
  if (days.length === 0) return out
  const n = cols.status.length
  let maxAgency = 0
  for (let i = 0; i < n; i++) if (cols.rollupAgencyId[i] > maxAgency) maxAgency = cols.rollupAgencyId[i]
  const stride = FIELDS.length
  const tables = days.map(() => new Int32Array((maxAgency + 1) * stride))
  for (let i = 0; i < n; i++) {
    if (filter.directiveId !== undefined && cols.directiveId[i] !== filter.directiveId) continue
    const base = cols.rollupAgencyId[i] * stride
    const hasExtensions = cols.extensions.has(i)
    for (let k = 0; k < days.length; k++) {
      const day = days[k]
      if (cols.assignedOn[i] > day) continue
      const dueOn = hasExtensions ? deadlineOn(cols, i, day) : cols.dueOn[i]
      const category = categorize({ status: cols.status[i], dueOn, completedOn: cols.completedOn[i] }, day)
      if (category === 'cancelled') continue
      const t = tables[k]
      t[base]++
      t[base + FIELD_INDEX[COUNT_FIELD[category]]]++
      if (category === 'done_on_time' || category === 'done_late') {
        const original = cols.originalDueOn[i] ?? dueOn
        if (original !== null && cols.completedOn[i]! <= original) t[base + FIELD_INDEX.doneOnTimeOriginal]++
      }
    }
  }
  days.forEach((day, k) => {
    const t = tables[k]
    const own = new Map<number, AgencyCounts>()
    for (let a = 0; a <= maxAgency; a++) {
      if (t[a * stride] === 0) continue
      const c = emptyAgencyCounts()
      FIELDS.forEach((f, j) => (c[f] = t[a * stride + j]))
      own.set(a, c)
    }
    out.set(day, own)
    if (rebuiltCache.size >= REBUILT_CACHE_SIZE) rebuiltCache.delete(rebuiltCache.keys().next().value!)
    rebuiltCache.set(cacheKey(day), own)
  })
  return out
}

/** Rebuilt days by (data fingerprint, directive, day): a past day is rebuilt once until its data changes. */
const rebuiltCache = new Map<string, Map<number, AgencyCounts>>()
const REBUILT_CACHE_SIZE = 400

/** One day's reconstruction (see reconstructOwnCountsOnDays). */
export function reconstructOwnCounts(db: Db, day: IsoDate, filter: { directiveId?: number } = {}): Map<number, AgencyCounts> {
  return reconstructOwnCountsOnDays(db, [day], filter).get(day)!
}

// ---------------------------------------------------------------------------------------------------------------
// Per-agency counts on a day, from whichever source applies

export interface OwnCountsOnDay {
  source: FigureSource
  own: Map<number, AgencyCounts>
}

/** Live or frozen counts for a day when it has them; null when the day must be reconstructed. */
function liveOrSnapshot(db: Db, day: IsoDate, filter: { directiveId?: number }, today: IsoDate): OwnCountsOnDay | null {
  if (day >= today) return { source: 'live', own: countsByAgency(db, EVERYONE, day, filter.directiveId ? { directiveId: filter.directiveId } : {}) }
  // Snapshots are kept per agency for all tasks: a directive's figures on a past day are always reconstructed.
  if (filter.directiveId === undefined && hasSnapshot(db, day)) {
    const own = new Map<number, AgencyCounts>()
    for (const r of db.select().from(rollupSnapshots).where(sql`${rollupSnapshots.day} = ${day} and ${rollupSnapshots.scope} = 'own'`).all()) {
      if (r.assigned === 0) continue
      own.set(r.agencyId, { assigned: r.assigned, doneOnTime: r.doneOnTime, doneLate: r.doneLate, inProgress: r.inProgress, overdue: r.overdue, standing: r.standing, doneOnTimeOriginal: r.doneOnTimeOriginal })
    }
    return { source: 'snapshot', own }
  }
  return null
}

/** Each agency's own counts (tasks rolled up under it, sub-agencies not included) on days not after today. */
export function ownCountsOnDays(db: Db, days: IsoDate[], filter: { directiveId?: number } = {}, today: IsoDate = todayInVietnam()): OwnCountsOnDay[] {
  const known = days.map((day) => liveOrSnapshot(db, day, filter, today))
  const missing = days.filter((_, k) => known[k] === null)
  const rebuilt = missing.length ? reconstructOwnCountsOnDays(db, missing, filter) : new Map<IsoDate, Map<number, AgencyCounts>>()
  return days.map((day, k) => known[k] ?? { source: 'reconstructed', own: rebuilt.get(day)! })
}

export function ownCountsOn(db: Db, day: IsoDate, filter: { directiveId?: number } = {}, today: IsoDate = todayInVietnam()): OwnCountsOnDay {
  return ownCountsOnDays(db, [day], filter, today)[0]
}

type AgencyRow = Pick<Agency, 'id' | 'code' | 'shortName' | 'kind' | 'parentId' | 'path'>

function agencyRows(db: Db): AgencyRow[] {
  return listAgencies(db, { includeInactive: true }).map((a) => ({ id: a.id, code: a.code, shortName: a.shortName, kind: a.kind, parentId: a.parentId, path: a.path }))
}

/** Sums own counts into tree totals: each agency with all its sub-agencies. */
export function treeTotals(agencies: AgencyRow[], own: Map<number, AgencyCounts>): Map<number, AgencyCounts> {
  const byId = new Map(agencies.map((a) => [a.id, a]))
  const totals = new Map<number, AgencyCounts>()
  for (const [agencyId, counts] of own) {
    const a = byId.get(agencyId)
    const ids = a ? a.path.split('/').filter(Boolean).map(Number) : [agencyId]
    for (const id of ids) totals.set(id, addAgencyCounts(totals.get(id) ?? emptyAgencyCounts(), counts))
  }
  return totals
}

function scopeTotal(scope: Scope, agencies: AgencyRow[], own: Map<number, AgencyCounts>): AgencyCounts {
  if (scope.kind === 'agency') return treeTotals(agencies, own).get(scope.agency.id) ?? emptyAgencyCounts()
  let total = emptyAgencyCounts()
  for (const c of own.values()) total = addAgencyCounts(total, c)
  return total
}

const scopeFilter = (scope: Scope) => (scope.kind === 'directive' ? { directiveId: scope.directive.id } : {})

/** The figures of a scope on a day (not after today). */
export function figuresFor(db: Db, scope: Scope, day: IsoDate, today: IsoDate = todayInVietnam()): Figures {
  const { source, own } = ownCountsOn(db, day, scopeFilter(scope), today)
  return figuresOf(day, source, scopeTotal(scope, agencyRows(db), own))
}

/** The last day of each of the 11 months before the day's month, then the day itself: 12 points. */
export function trendDays(day: IsoDate): IsoDate[] {
  const [y, m] = day.split('-').map(Number)
  const out: IsoDate[] = []
  for (let k = 11; k >= 1; k--) {
    const index = y * 12 + (m - 1) - k
    out.push(endOfMonth(Math.floor(index / 12), (index % 12) + 1))
  }
  out.push(day)
  return out
}

export interface Dashboard {
  scope: Scope
  figures: Figures
  trend: Figures[]
  /** The agencies one level below the scope, worst on-time rate first (those with completed tasks). */
  byOnTime: AgencyFigures[]
  /** The same agencies, most overdue tasks first (those with any). */
  byOverdue: AgencyFigures[]
  /** How many agencies the rankings were drawn from. */
  rankedAgencies: number
}

export const RANKING_SIZE = 10

const dashboardCache = new Map<string, Dashboard>()
const DASHBOARD_CACHE_SIZE = 64

function scopeKey(scope: Scope): string {
  return scope.kind === 'agency' ? `a${scope.agency.id}` : scope.kind === 'directive' ? `d${scope.directive.id}` : 's'
}

/**
 * The agencies a scope is ranked over: for the system or a directive, the top level (ministries, provinces … under
 * the Government); for an agency, its direct sub-agencies, or itself when it has none.
 */
function rankedLevel(scope: Scope, agencies: AgencyRow[]): AgencyRow[] {
  if (scope.kind === 'agency') {
    const children = agencies.filter((a) => a.parentId === scope.agency.id)
    return children.length ? children : agencies.filter((a) => a.id === scope.agency.id)
  }
  const roots = new Set(agencies.filter((a) => a.kind === 'government').map((a) => a.id))
  return agencies.filter((a) => a.kind !== 'government' && (a.parentId == null || roots.has(a.parentId)))
}

/** The whole dashboard of a scope on a day: its figures, the 12-month trend, the two rankings. */
export function dashboardFor(db: Db, scope: Scope, day: IsoDate, today: IsoDate = todayInVietnam()): Dashboard {
  const key = `${db.$client.name}|${tasksRevision(db)}|${directiveRevision(db)}|${latestSnapshot(db)}|${scopeKey(scope)}|${day}|${today}`
  const hit = dashboardCache.get(key)
  if (hit) return hit
  const agencies = agencyRows(db)
  const filter = scopeFilter(scope)
  const days = trendDays(day)
  const trend = ownCountsOnDays(db, days, filter, today).map(({ source, own }, k) => ({ figures: figuresOf(days[k], source, scopeTotal(scope, agencies, own)), own }))
  const current = trend[trend.length - 1]
  const totals = treeTotals(agencies, current.own)
  const ranked = rankedLevel(scope, agencies)
    .map((a) => ({ a, counts: totals.get(a.id) }))
    .filter((r): r is { a: AgencyRow; counts: AgencyCounts } => r.counts !== undefined && r.counts.assigned > 0)
    .map(({ a, counts }) => ({ agencyId: a.id, code: a.code, name: a.shortName, kind: a.kind, counts, rates: computeRates(counts) }))
  const byName = (x: AgencyFigures, y: AgencyFigures) => x.name.localeCompare(y.name, 'vi')
  const byOnTime = ranked
    .filter((r) => r.rates.onTimeRate !== null)
    .sort((x, y) => x.rates.onTimeRate! - y.rates.onTimeRate! || y.counts.doneLate - x.counts.doneLate || byName(x, y))
    .slice(0, RANKING_SIZE)
  const byOverdue = ranked
    .filter((r) => r.counts.overdue > 0)
    .sort((x, y) => y.counts.overdue - x.counts.overdue || byName(x, y))
    .slice(0, RANKING_SIZE)
  const result: Dashboard = { scope, figures: current.figures, trend: trend.map((t) => t.figures), byOnTime, byOverdue, rankedAgencies: ranked.length }
  if (dashboardCache.size >= DASHBOARD_CACHE_SIZE) dashboardCache.delete(dashboardCache.keys().next().value!)
  dashboardCache.set(key, result)
  return result
}

function latestSnapshot(db: Db): string {
  return db.select({ day: sql<string | null>`max(${rollupSnapshots.day})` }).from(rollupSnapshots).get()?.day ?? ''
}


export interface DirectiveAgencyProgress extends AgencyFigures {
  /** Share of the agency's tasks with a deadline that are completed, 0–100, for the progress bar. */
  percentDone: number
}

/**
 * One directive's tasks by the agency accountable for them (the lead, or its successor after a merger), as of a day:
 * most overdue first. An agency officer sees only the tasks of their own agency, as everywhere else.
 */
export function directiveProgress(db: Db, viewer: { role: Role; agencyId: number | null }, directiveId: number, day: IsoDate): { rows: DirectiveAgencyProgress[]; total: AgencyCounts; rates: Rates } {
  const own = countsByAgency(db, viewer, day, { directiveId })
  const names = new Map(agencyRows(db).map((a) => [a.id, a]))
  let total = emptyAgencyCounts()
  const rows: DirectiveAgencyProgress[] = []
  for (const [agencyId, counts] of own) {
    if (counts.assigned === 0) continue
    total = addAgencyCounts(total, counts)
    const a = names.get(agencyId)
    const rates = computeRates(counts)
    const withDeadline = counts.assigned - counts.standing
    rows.push({ agencyId, code: a?.code ?? '', name: a?.shortName ?? `#${agencyId}`, kind: a?.kind ?? '', counts, rates, percentDone: withDeadline === 0 ? 0 : Math.round((rates.completed * 100) / withDeadline) })
  }
  rows.sort((x, y) => y.counts.overdue - x.counts.overdue || x.name.localeCompare(y.name, 'vi'))
  return { rows, total, rates: computeRates(total) }
}
