// Typed queries over tasks: the filtered list, one task with its history, the overdue list and per-agency counts.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import {
  agencies,
  directiveItems,
  directives,
  extensionRequests,
  historyEntries,
  progressReports,
  taskAgencies,
  tasks,
  users,
  type Role,
} from '../../db/schema'
import { categorize, COUNT_FIELD, daysOverdue, emptyCounts, type CategoryCounts, type TaskCategory } from '../domain/categories'
import { foldVietnamese } from '../domain/text'
import { todayInVietnam } from '../domain/dates'

export const PAGE_SIZE = 50

export interface Viewer {
  role: Role
  agencyId: number | null
}

export interface TaskFilters {
  /** Agency ids: the chosen agency and its sub-agencies. */
  agencyIds?: number[]
  directiveId?: number
  itemId?: number
  category?: TaskCategory
  dueFrom?: IsoDate
  dueTo?: IsoDate
  q?: string
  keyOnly?: boolean
  status?: 'open' | 'pending' | 'completed' | 'cancelled'
  extensionPending?: boolean
}

/** SQL for "the task is in this category as of asOf", the same rules as categorize(). */
export function categoryCondition(category: TaskCategory, asOf: IsoDate): SQL {
  // Each branch starts with a status test so that SQLite can answer it from the (status, due_on) index; the
  // "completed after asOf" branch only matters for past dates, when that completion had not happened yet.
  // A completion is dated the day it was reported, never later than today: as of today or later, that branch is
  // empty and is left out, which lets the common "as of today" queries use one index range.
  const historical = asOf < todayInVietnam()
  const notDone = (due: SQL) =>
    historical
      ? sql`((${tasks.status} in ('open','pending') and ${due}) or (${tasks.status} = 'completed' and ${tasks.completedOn} > ${asOf} and ${due}))`
      : sql`(${tasks.status} in ('open','pending') and ${due})`
  switch (category) {
    case 'done_on_time':
      return sql`(${tasks.status} = 'completed' and ${tasks.dueOn} is not null and ${tasks.completedOn} <= ${asOf} and ${tasks.completedOn} <= ${tasks.dueOn})`
    case 'done_late':
      return sql`(${tasks.status} = 'completed' and ${tasks.dueOn} is not null and ${tasks.completedOn} <= ${asOf} and ${tasks.completedOn} > ${tasks.dueOn})`
    case 'in_progress':
      return notDone(sql`${tasks.dueOn} >= ${asOf}`)
    case 'overdue':
      return notDone(sql`${tasks.dueOn} < ${asOf}`)
    case 'standing':
      return sql`(${tasks.dueOn} is null and ${tasks.status} != 'cancelled')`
    case 'cancelled':
      return sql`(${tasks.status} = 'cancelled')`
  }
}

/** Restricts what an agency officer sees to the tasks of their own agency, as lead or support. */
export function scopeCondition(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'agency') return undefined
  if (viewer.agencyId == null) return sql`0`
  return sql`${tasks.id} in (select ${taskAgencies.taskId} from ${taskAgencies} where ${taskAgencies.agencyId} = ${viewer.agencyId})`
}

/**
 * Free text, diacritics and case ignored, through the word index: every word must appear, in any order, the last
 * one as a prefix ("bo noi v" finds "Bộ Nội vụ"; "vu" finds "vụ"); words in double quotes must appear together, in
 * that order. Punctuation separates words, as in the index.
 */
export function ftsQuery(q: string): string | null {
  const folded = foldVietnamese(q)
  const words = (text: string) => text.split(/[^a-z0-9]+/).filter((w) => w.length > 0)
  const terms: string[] = []
  const bare: string[] = []
  folded.split('"').forEach((part, i) => {
    if (i % 2 === 1) {
      const phrase = words(part)
      if (phrase.length) terms.push(`"${phrase.join(' ')}"`)
    } else bare.push(...words(part))
  })
  bare.slice(0, 12).forEach((w, i, all) => terms.push(i === all.length - 1 ? `"${w}" *` : `"${w}"`))
  return terms.length ? terms.slice(0, 16).join(' AND ') : null
}

/**
 * A search that matches a large share of the tasks is cheaper answered by walking the list's order index and
 * probing the matches than by fetching and sorting every match; the unary + keeps SQLite off the rowid lookup.
 */
export const BROAD_SEARCH_MATCHES = 5000

export function ftsMatchCount(db: Db, q: string): number {
  const query = ftsQuery(q)
  if (!query) return 0
  return (db.$client.prepare('select count(*) n from tasks_fts where tasks_fts match ?').get(query) as { n: number }).n
}

export function textCondition(q: string, options: { broad?: boolean } = {}): SQL | undefined {
  const query = ftsQuery(q)
  if (!query) return undefined
  const id = options.broad ? sql`+${tasks.id}` : sql`${tasks.id}`
  return sql`${id} in (select rowid from tasks_fts where tasks_fts match ${query})`
}

export function taskConditions(viewer: Viewer, filters: TaskFilters, asOf: IsoDate, options: { broadText?: boolean } = {}): SQL | undefined {
  const conditions: Array<SQL | undefined> = [scopeCondition(viewer)]
  if (filters.category) conditions.push(categoryCondition(filters.category, asOf))
  else conditions.push(sql`${tasks.status} != 'cancelled'`)
  if (filters.agencyIds) {
    conditions.push(
      filters.agencyIds.length === 0
        ? sql`0`
        : sql`${tasks.id} in (select ${taskAgencies.taskId} from ${taskAgencies} where ${inArray(taskAgencies.agencyId, filters.agencyIds)})`,
    )
  }
  if (filters.directiveId) conditions.push(eq(tasks.directiveId, filters.directiveId))
  if (filters.itemId) conditions.push(eq(tasks.itemId, filters.itemId))
  if (filters.dueFrom) conditions.push(sql`${tasks.dueOn} >= ${filters.dueFrom}`)
  if (filters.dueTo) conditions.push(sql`${tasks.dueOn} <= ${filters.dueTo}`)
  if (filters.keyOnly) conditions.push(eq(tasks.isKey, true))
  if (filters.status) conditions.push(eq(tasks.status, filters.status))
  if (filters.extensionPending) {
    conditions.push(sql`${tasks.id} in (select ${extensionRequests.taskId} from ${extensionRequests} where ${extensionRequests.status} = 'pending')`)
  }
  if (filters.q) conditions.push(textCondition(filters.q, { broad: options.broadText }))
  return and(...conditions)
}

const leadAgency = alias(agencies, 'lead_agency')
const rollupAgency = alias(agencies, 'rollup_agency')

export interface TaskRow {
  id: number
  content: string
  ref: string
  periodLabel: string | null
  directiveId: number
  directiveNumber: string
  directiveIssuedOn: string
  leadName: string
  actingLeadName: string
  rollupAgencyId: number
  coLeadNames: string[]
  dueOn: string | null
  originalDueOn: string | null
  status: 'open' | 'pending' | 'completed' | 'cancelled'
  completedOn: string | null
  progressPercent: number
  lastNote: string | null
  delayReason: string | null
  isKey: boolean
  extensionPending: boolean
  category: TaskCategory
  daysOverdue: number
}

function rowSelection() {
  return {
    id: tasks.id,
    content: tasks.content,
    ref: directiveItems.ref,
    periodLabel: tasks.periodLabel,
    directiveId: tasks.directiveId,
    directiveNumber: directives.number,
    directiveIssuedOn: directives.issuedOn,
    leadName: leadAgency.shortName,
    actingLeadName: rollupAgency.shortName,
    rollupAgencyId: tasks.rollupAgencyId,
    dueOn: tasks.dueOn,
    originalDueOn: tasks.originalDueOn,
    status: tasks.status,
    completedOn: tasks.completedOn,
    progressPercent: tasks.progressPercent,
    lastNote: tasks.lastNote,
    delayReason: tasks.delayReason,
    isKey: tasks.isKey,
    extensionPending: sql<number>`exists (select 1 from ${extensionRequests} where ${extensionRequests.taskId} = ${tasks.id} and ${extensionRequests.status} = 'pending')`,
  }
}

export function baseQuery(db: Db) {
  return db
    .select(rowSelection())
    .from(tasks)
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .innerJoin(directiveItems, eq(directiveItems.id, tasks.itemId))
    .innerJoin(leadAgency, eq(leadAgency.id, tasks.leadAgencyId))
    .innerJoin(rollupAgency, eq(rollupAgency.id, tasks.rollupAgencyId))
}

export type RawRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['all']>>[number]

export function finishRows(db: Db, rows: RawRow[], asOf: IsoDate): TaskRow[] {
  const ids = rows.map((r) => r.id)
  const coLeads = new Map<number, string[]>()
  const byId = new Map(rows.map((r) => [r.id, r]))
  // The leads from the primary key alone, names looked up after: joined to agencies, SQLite preferred scanning every
  // agency with an index probe per id (0,5 s for 5 000 ids). The ids go in as one JSON array: an export passes tens
  // of thousands, more than a statement may bind, and building a statement with thousands of parameters is slow.
  const others: Array<{ taskId: number; agencyId: number }> = []
  if (ids.length > 0) {
    const leads = db
      .select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId })
      .from(taskAgencies)
      .where(and(sql`${taskAgencies.taskId} in (select value from json_each(${JSON.stringify(ids)}))`, eq(taskAgencies.role, 'lead')))
      .all()
    for (const l of leads) if (l.agencyId !== byId.get(l.taskId)?.rollupAgencyId) others.push(l)
  }
  if (others.length > 0) {
    const agencyIds = [...new Set(others.map((l) => l.agencyId))]
    const names = new Map(db.select({ id: agencies.id, name: agencies.shortName }).from(agencies).where(inArray(agencies.id, agencyIds)).all().map((a) => [a.id, a.name]))
    for (const l of others) coLeads.set(l.taskId, [...(coLeads.get(l.taskId) ?? []), names.get(l.agencyId) ?? ''])
  }
  return rows.map((r) => ({
    ...r,
    extensionPending: Boolean(r.extensionPending),
    coLeadNames: coLeads.get(r.id) ?? [],
    category: categorize(r, asOf),
    daysOverdue: categorize(r, asOf) === 'overdue' ? daysOverdue(r.dueOn, asOf) : 0,
  }))
}

export interface TaskPage {
  rows: TaskRow[]
  /** The exact number of matching tasks; null for a broad search, which is not counted (see hasMore). */
  total: number | null
  /** At least one more page follows. */
  hasMore: boolean
  page: number
  /** Null when the total is not counted. */
  pageCount: number | null
}

/**
 * The list's total read from the cached per-agency counts, when the filters are ones those counts are keyed by
 * (agency, directive, key tasks, category): counting a million rows for every page view is what the cache avoids.
 */
function countFromCachedCounts(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate): number | null {
  if (filters.q || filters.dueFrom || filters.dueTo || filters.status || filters.extensionPending || filters.itemId || filters.category === 'cancelled') return null
  const field = filters.category ? COUNT_FIELD[filters.category] : 'assigned'
  let total = 0
  for (const c of countsByAgency(db, viewer, asOf, filters).values()) total += c[field]
  return total
}

/** The deepest page a list can be paged to; past it, narrow the filters. */
export const MAX_PAGE = 2_000

/**
 * One page of the filtered list. A broad free-text search (thousands of matches) is not counted: counting would
 * cost more than the page itself, and "more than 5 000 matches" is what the user needs to know.
 */
export function listTasks(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate, page = 1): TaskPage {
  const broadText = filters.q ? ftsMatchCount(db, filters.q) > BROAD_SEARCH_MATCHES : false
  const where = taskConditions(viewer, filters, asOf, { broadText })
  const total = broadText ? null : (countFromCachedCounts(db, viewer, filters, asOf) ?? db.select({ n: sql<number>`count(*)` }).from(tasks).where(where).get()?.n ?? 0)
  const pageCount = total == null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE))
  const current = Math.min(Math.max(1, page), pageCount ?? MAX_PAGE)
  // The page's ids first, from the tasks table alone, so the planner walks the order index; then the joins for 50 rows.
  const ids = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(where)
    .orderBy(sql`coalesce(${tasks.dueOn}, '9999-12-31')`, asc(tasks.id))
    .limit(PAGE_SIZE + 1)
    .offset((current - 1) * PAGE_SIZE)
    .all()
    .map((r) => r.id)
  const hasMore = ids.length > PAGE_SIZE && current < MAX_PAGE
  const pageIds = ids.slice(0, PAGE_SIZE)
  const byId = new Map(pageIds.length ? baseQuery(db).where(inArray(tasks.id, pageIds)).all().map((r) => [r.id, r]) : [])
  const rows = pageIds.map((id) => byId.get(id)!).filter(Boolean)
  return { rows: finishRows(db, rows, asOf), total, hasMore, page: current, pageCount }
}

export interface OverdueGroup {
  agencyId: number
  agencyCode: string
  agencyName: string
  count: number
  maxDaysOverdue: number
  tasks: TaskRow[]
}

/** An accountable agency with overdue tasks, without the tasks: the outline of the overdue list. */
export type OverdueGroupSummary = Omit<OverdueGroup, 'tasks'>

export const OVERDUE_AGENCIES_PER_PAGE = 10
export const OVERDUE_TASKS_PER_AGENCY = 10

/**
 * Every agency accountable today for overdue tasks, agencies with the longest-overdue task first (then the most
 * tasks): one grouped pass over the (status, deadline → agency) index, then one lookup of the agencies' names.
 */
export function overdueGroups(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate): OverdueGroupSummary[] {
  const where = taskConditions(viewer, { ...filters, category: 'overdue' }, asOf)
  const summary = db
    .select({ agencyId: tasks.rollupAgencyId, count: sql<number>`count(*)`, minDue: sql<string>`min(${tasks.dueOn})` })
    .from(tasks)
    .where(where)
    .groupBy(tasks.rollupAgencyId)
    .orderBy(sql`min(${tasks.dueOn})`, desc(sql`count(*)`), asc(tasks.rollupAgencyId))
    .all()
  if (summary.length === 0) return []
  const named = new Map(
    db
      .select({ id: agencies.id, code: agencies.code, name: agencies.shortName })
      .from(agencies)
      .where(inArray(agencies.id, summary.map((g) => g.agencyId)))
      .all()
      .map((a) => [a.id, a]),
  )
  return summary.map((g) => ({
    agencyId: g.agencyId,
    agencyCode: named.get(g.agencyId)?.code ?? '',
    agencyName: named.get(g.agencyId)?.name ?? '',
    count: g.count,
    maxDaysOverdue: daysOverdue(g.minDue, asOf),
  }))
}

/**
 * The overdue tasks of the given agencies, each agency's longest overdue first, at most `perAgency` of each (all
 * when omitted): one windowed query for the ids, one for the rows with their directive, latest note and pending
 * extension, one for co-leads.
 */
export function overdueTasksOf(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate, agencyIds: number[], perAgency?: number): TaskRow[] {
  if (agencyIds.length === 0) return []
  const where = and(taskConditions(viewer, { ...filters, category: 'overdue' }, asOf), inArray(tasks.rollupAgencyId, agencyIds))
  let ids: number[]
  if (perAgency == null) {
    ids = db.select({ id: tasks.id }).from(tasks).where(where).all().map((r) => r.id)
  } else {
    const ranked = db
      .select({ id: tasks.id, rn: sql<number>`row_number() over (partition by ${tasks.rollupAgencyId} order by ${tasks.dueOn}, ${tasks.id})`.as('rn') })
      .from(tasks)
      .where(where)
      .as('ranked')
    ids = db.select({ id: ranked.id }).from(ranked).where(sql`${ranked.rn} <= ${perAgency}`).all().map((r) => r.id)
  }
  if (ids.length === 0) return []
  const rows: RawRow[] = []
  // SQLite binds at most 32 766 parameters; a print of a whole system's overdue list can pass that.
  for (let i = 0; i < ids.length; i += 10_000) rows.push(...baseQuery(db).where(inArray(tasks.id, ids.slice(i, i + 10_000))).all())
  rows.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.id - b.id)
  return finishRows(db, rows, asOf)
}

/**
 * The overdue list grouped by the agency accountable today, agencies with the longest-overdue task first, each
 * group's tasks by days overdue. Paged by agency so that a meeting sees whole groups.
 */
export function overdueList(
  db: Db,
  viewer: Viewer,
  filters: TaskFilters,
  asOf: IsoDate,
  page = 1,
): { groups: OverdueGroup[]; totalTasks: number; totalAgencies: number; page: number; pageCount: number } {
  const summary = overdueGroups(db, viewer, filters, asOf)
  const totalTasks = summary.reduce((s, r) => s + r.count, 0)
  const pageCount = Math.max(1, Math.ceil(summary.length / OVERDUE_AGENCIES_PER_PAGE))
  const current = Math.min(Math.max(1, page), pageCount)
  const pageGroups = summary.slice((current - 1) * OVERDUE_AGENCIES_PER_PAGE, current * OVERDUE_AGENCIES_PER_PAGE)
  const rows = overdueTasksOf(db, viewer, filters, asOf, pageGroups.map((g) => g.agencyId), OVERDUE_TASKS_PER_AGENCY)
  const groups = pageGroups.map((g) => ({ ...g, tasks: rows.filter((r) => r.rollupAgencyId === g.agencyId) }))
  return { groups, totalTasks, totalAgencies: summary.length, page: current, pageCount }
}

export interface AgencyCounts extends CategoryCounts {
  /** Completed tasks that met their original deadline, before any extension: on-time read the strict way. */
  doneOnTimeOriginal: number
}

/** The revision of the task data: it moves with every write to tasks or task_agencies (triggers in migration 0002). */
export function tasksRevision(db: Db): number {
  return (db.$client.prepare('select tasks from data_revision where id = 1').get() as { tasks: number } | undefined)?.tasks ?? 0
}

const COUNTS_CACHE_SIZE = 64
const countsCache = new Map<string, { revision: number; value: Map<number, AgencyCounts> }>()

/**
 * Counts per category for each agency the tasks roll up under, as of a date, in one grouped pass over the covering
 * index. The result is kept until the task data changes, so that dashboards over a million tasks do not rescan
 * them on every view; the first view after a change pays for one scan.
 */
export function countsByAgency(db: Db, viewer: Viewer, asOf: IsoDate, filters: TaskFilters = {}): Map<number, AgencyCounts> {
  const key = `${db.$client.name}|${asOf}|${viewer.role === 'agency' ? `a${viewer.agencyId}` : 'all'}|${JSON.stringify({ ...filters, category: undefined })}`
  const revision = tasksRevision(db)
  const hit = countsCache.get(key)
  if (hit && hit.revision === revision) return hit.value
  const c = (category: TaskCategory) => sql<number>`sum(case when ${categoryCondition(category, asOf)} then 1 else 0 end)`
  const rows = db
    .select({
      agencyId: tasks.rollupAgencyId,
      doneOnTime: c('done_on_time'),
      doneLate: c('done_late'),
      inProgress: c('in_progress'),
      overdue: c('overdue'),
      standing: c('standing'),
      doneOnTimeOriginal: sql<number>`sum(case when ${tasks.status} = 'completed' and ${tasks.dueOn} is not null and ${tasks.completedOn} <= ${asOf} and ${tasks.completedOn} <= ${tasks.originalDueOn} then 1 else 0 end)`,
    })
    .from(tasks)
    .where(taskConditions(viewer, { ...filters, category: undefined }, asOf))
    .groupBy(tasks.rollupAgencyId)
    .all()
  const result = new Map<number, AgencyCounts>()
  for (const r of rows) {
    const counts: AgencyCounts = {
      ...emptyCounts(),
      doneOnTime: r.doneOnTime ?? 0,
      doneLate: r.doneLate ?? 0,
      inProgress: r.inProgress ?? 0,
      overdue: r.overdue ?? 0,
      standing: r.standing ?? 0,
      doneOnTimeOriginal: r.doneOnTimeOriginal ?? 0,
    }
    counts.assigned = counts.doneOnTime + counts.doneLate + counts.inProgress + counts.overdue + counts.standing
    result.set(r.agencyId, counts)
  }
  if (countsCache.size >= COUNTS_CACHE_SIZE) countsCache.delete(countsCache.keys().next().value!)
  countsCache.set(key, { revision, value: result })
  return result
}

export function getTaskDetail(db: Db, taskId: number, asOf: IsoDate) {
  const raw = baseQuery(db).where(eq(tasks.id, taskId)).get()
  if (!raw) return null
  const [row] = finishRows(db, [raw], asOf)
  const task = db.select().from(tasks).where(eq(tasks.id, taskId)).get()!
  const item = db.select().from(directiveItems).where(eq(directiveItems.id, task.itemId)).get()!
  const directive = db.select().from(directives).where(eq(directives.id, task.directiveId)).get()!
  const lead = db.select().from(agencies).where(eq(agencies.id, task.leadAgencyId)).get()!
  const assigned = db
    .select({ agencyId: taskAgencies.agencyId, role: taskAgencies.role, progressPercent: taskAgencies.progressPercent, lastNote: taskAgencies.lastNote, name: agencies.shortName, code: agencies.code })
    .from(taskAgencies)
    .innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
    .where(eq(taskAgencies.taskId, taskId))
    .orderBy(asc(taskAgencies.role), asc(agencies.name))
    .all()
  const reports = db
    .select({ report: progressReports, agencyName: agencies.shortName, userName: users.name })
    .from(progressReports)
    .innerJoin(agencies, eq(agencies.id, progressReports.agencyId))
    .innerJoin(users, eq(users.id, progressReports.userId))
    .where(eq(progressReports.taskId, taskId))
    .orderBy(desc(progressReports.id))
    .all()
  const extensions = db
    .select({ request: extensionRequests, userName: users.name })
    .from(extensionRequests)
    .innerJoin(users, eq(users.id, extensionRequests.userId))
    .where(eq(extensionRequests.taskId, taskId))
    .orderBy(desc(extensionRequests.id))
    .all()
  const history = db
    .select({ entry: historyEntries, actorName: users.name })
    .from(historyEntries)
    .leftJoin(users, eq(users.id, historyEntries.actorId))
    .where(eq(historyEntries.taskId, taskId))
    .orderBy(asc(historyEntries.id))
    .all()
  return { row, task, item, directive, lead, assigned, reports, extensions, history }
}

export function taskAgencyRoles(db: Db, taskId: number) {
  return db.select({ agencyId: taskAgencies.agencyId, role: taskAgencies.role }).from(taskAgencies).where(eq(taskAgencies.taskId, taskId)).all()
}
