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
import { categorize, daysOverdue, emptyCounts, type CategoryCounts, type TaskCategory } from '../domain/categories'
import { foldVietnamese } from '../domain/text'

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
  const notDoneAsOf = sql`(${tasks.status} in ('open','pending') or (${tasks.status} = 'completed' and ${tasks.completedOn} > ${asOf}))`
  switch (category) {
    case 'done_on_time':
      return sql`(${tasks.status} = 'completed' and ${tasks.dueOn} is not null and ${tasks.completedOn} <= ${asOf} and ${tasks.completedOn} <= ${tasks.dueOn})`
    case 'done_late':
      return sql`(${tasks.status} = 'completed' and ${tasks.dueOn} is not null and ${tasks.completedOn} <= ${asOf} and ${tasks.completedOn} > ${tasks.dueOn})`
    case 'in_progress':
      return sql`(${tasks.dueOn} >= ${asOf} and ${notDoneAsOf})`
    case 'overdue':
      return sql`(${tasks.dueOn} < ${asOf} and ${notDoneAsOf})`
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
 * Free text, diacritics and case ignored. Words of three letters or more go through the trigram index; shorter
 * ones (e.g. "vu") are matched with LIKE on the rows the index already narrowed.
 */
export function textCondition(q: string): SQL | undefined {
  const words = foldVietnamese(q)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 12)
  if (words.length === 0) return undefined
  const folded = words.join(' ')
  const parts: SQL[] = []
  if (folded.length >= 3) {
    // The whole phrase as one FTS5 string: trigram matching makes it a substring search.
    const phrase = '"' + folded.replace(/"/g, '""') + '"'
    parts.push(sql`${tasks.id} in (select rowid from tasks_fts where tasks_fts match ${phrase})`)
  } else {
    parts.push(sql`${tasks.searchText} like ${'%' + folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%'} escape '\\'`)
  }
  return and(...parts)
}

export function taskConditions(viewer: Viewer, filters: TaskFilters, asOf: IsoDate): SQL | undefined {
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
  if (filters.q) conditions.push(textCondition(filters.q))
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

function baseQuery(db: Db) {
  return db
    .select(rowSelection())
    .from(tasks)
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .innerJoin(directiveItems, eq(directiveItems.id, tasks.itemId))
    .innerJoin(leadAgency, eq(leadAgency.id, tasks.leadAgencyId))
    .innerJoin(rollupAgency, eq(rollupAgency.id, tasks.rollupAgencyId))
}

type RawRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['all']>>[number]

function finishRows(db: Db, rows: RawRow[], asOf: IsoDate): TaskRow[] {
  const ids = rows.map((r) => r.id)
  const coLeads = new Map<number, string[]>()
  if (ids.length > 0) {
    const leads = db
      .select({ taskId: taskAgencies.taskId, name: agencies.shortName, agencyId: agencies.id })
      .from(taskAgencies)
      .innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
      .where(and(inArray(taskAgencies.taskId, ids), eq(taskAgencies.role, 'lead')))
      .all()
    for (const l of leads) {
      const row = rows.find((r) => r.id === l.taskId)
      if (row && l.agencyId === row.rollupAgencyId) continue
      coLeads.set(l.taskId, [...(coLeads.get(l.taskId) ?? []), l.name])
    }
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
  total: number
  page: number
  pageCount: number
}

export function listTasks(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate, page = 1): TaskPage {
  const where = taskConditions(viewer, filters, asOf)
  const total = db.select({ n: sql<number>`count(*)` }).from(tasks).where(where).get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const current = Math.min(Math.max(1, page), pageCount)
  const rows = baseQuery(db)
    .where(where)
    .orderBy(sql`${tasks.dueOn} is null`, asc(tasks.dueOn), asc(tasks.id))
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE)
    .all()
  return { rows: finishRows(db, rows, asOf), total, page: current, pageCount }
}

export interface OverdueGroup {
  agencyId: number
  agencyName: string
  count: number
  maxDaysOverdue: number
  tasks: TaskRow[]
}

export const OVERDUE_AGENCIES_PER_PAGE = 20
export const OVERDUE_TASKS_PER_AGENCY = 15

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
  const where = taskConditions(viewer, { ...filters, category: 'overdue' }, asOf)
  const summary = db
    .select({ agencyId: tasks.rollupAgencyId, count: sql<number>`count(*)`, minDue: sql<string>`min(${tasks.dueOn})` })
    .from(tasks)
    .where(where)
    .groupBy(tasks.rollupAgencyId)
    .orderBy(sql`min(${tasks.dueOn})`, desc(sql`count(*)`))
    .all()
  const totalTasks = summary.reduce((s, r) => s + r.count, 0)
  const pageCount = Math.max(1, Math.ceil(summary.length / OVERDUE_AGENCIES_PER_PAGE))
  const current = Math.min(Math.max(1, page), pageCount)
  const pageGroups = summary.slice((current - 1) * OVERDUE_AGENCIES_PER_PAGE, current * OVERDUE_AGENCIES_PER_PAGE)
  if (pageGroups.length === 0) return { groups: [], totalTasks, totalAgencies: summary.length, page: current, pageCount }
  const agencyIds = pageGroups.map((g) => g.agencyId)
  const names = new Map(
    db.select({ id: agencies.id, name: agencies.shortName }).from(agencies).where(inArray(agencies.id, agencyIds)).all().map((a) => [a.id, a.name]),
  )
  // The first few tasks of each group: a window over the page's agencies only.
  const ranked = db
    .select({ id: tasks.id, rn: sql<number>`row_number() over (partition by ${tasks.rollupAgencyId} order by ${tasks.dueOn}, ${tasks.id})`.as('rn') })
    .from(tasks)
    .where(and(where, inArray(tasks.rollupAgencyId, agencyIds)))
    .as('ranked')
  const topIds = db
    .select({ id: ranked.id })
    .from(ranked)
    .where(sql`${ranked.rn} <= ${OVERDUE_TASKS_PER_AGENCY}`)
    .all()
    .map((r) => r.id)
  const rows = finishRows(db, topIds.length ? baseQuery(db).where(inArray(tasks.id, topIds)).orderBy(asc(tasks.dueOn), asc(tasks.id)).all() : [], asOf)
  const groups = pageGroups.map((g) => ({
    agencyId: g.agencyId,
    agencyName: names.get(g.agencyId) ?? '',
    count: g.count,
    maxDaysOverdue: daysOverdue(g.minDue, asOf),
    tasks: rows.filter((r) => r.rollupAgencyId === g.agencyId),
  }))
  return { groups, totalTasks, totalAgencies: summary.length, page: current, pageCount }
}

/** Counts per category for each agency the tasks roll up under, as of a date, in one grouped pass. */
export function countsByAgency(db: Db, viewer: Viewer, asOf: IsoDate, filters: TaskFilters = {}): Map<number, CategoryCounts> {
  const c = (category: TaskCategory) => sql<number>`sum(case when ${categoryCondition(category, asOf)} then 1 else 0 end)`
  const rows = db
    .select({
      agencyId: tasks.rollupAgencyId,
      doneOnTime: c('done_on_time'),
      doneLate: c('done_late'),
      inProgress: c('in_progress'),
      overdue: c('overdue'),
      standing: c('standing'),
    })
    .from(tasks)
    .where(taskConditions(viewer, { ...filters, category: undefined }, asOf))
    .groupBy(tasks.rollupAgencyId)
    .all()
  const result = new Map<number, CategoryCounts>()
  for (const r of rows) {
    const counts = emptyCounts()
    counts.doneOnTime = r.doneOnTime ?? 0
    counts.doneLate = r.doneLate ?? 0
    counts.inProgress = r.inProgress ?? 0
    counts.overdue = r.overdue ?? 0
    counts.standing = r.standing ?? 0
    counts.assigned = counts.doneOnTime + counts.doneLate + counts.inProgress + counts.overdue + counts.standing
    result.set(r.agencyId, counts)
  }
  return result
}

/**
 * Counts for on-time read against the original deadline instead of the extended one: done on time means
 * completed by the first deadline the directive set.
 */
export function onTimeAgainstOriginal(db: Db, viewer: Viewer, asOf: IsoDate, filters: TaskFilters = {}): Map<number, { completed: number; onTimeOriginal: number }> {
  const rows = db
    .select({
      agencyId: tasks.rollupAgencyId,
      completed: sql<number>`sum(case when ${tasks.status} = 'completed' and ${tasks.dueOn} is not null and ${tasks.completedOn} <= ${asOf} then 1 else 0 end)`,
      onTimeOriginal: sql<number>`sum(case when ${tasks.status} = 'completed' and ${tasks.dueOn} is not null and ${tasks.completedOn} <= ${asOf} and ${tasks.completedOn} <= ${tasks.originalDueOn} then 1 else 0 end)`,
    })
    .from(tasks)
    .where(taskConditions(viewer, { ...filters, category: undefined }, asOf))
    .groupBy(tasks.rollupAgencyId)
    .all()
  return new Map(rows.map((r) => [r.agencyId, { completed: r.completed ?? 0, onTimeOriginal: r.onTimeOriginal ?? 0 }]))
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
