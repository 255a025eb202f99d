// Every task a list shows rather than one page, for the exports; capped so that one download cannot exhaust the server.
import { asc, desc, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { agencies, extensionRequests, tasks } from '../../db/schema'
import { daysOverdue } from '../domain/categories'
import { baseQuery, finishRows, taskConditions, type TaskFilters, type TaskRow, type Viewer } from './task.server'

/** The most rows one export holds; past it the file says how many were left out. */
export const EXPORT_MAX_ROWS = 50_000

export interface AllTasks {
  rows: TaskRow[]
  /** Every matching task, also those past the cap. */
  total: number
  truncated: boolean
}

const listOrder = () => [sql`coalesce(${tasks.dueOn}, '9999-12-31')`, asc(tasks.id)]

/** The tasks of the list with these filters, in the list's order (deadline, then id), up to `limit`. */
export function listAllTasks(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate, limit = EXPORT_MAX_ROWS): AllTasks {
  const where = taskConditions(viewer, filters, asOf)
  const raw = baseQuery(db)
    .where(where)
    .orderBy(...listOrder())
    .limit(limit + 1)
    .all()
  const truncated = raw.length > limit
  const total = truncated ? (db.select({ n: sql<number>`count(*)` }).from(tasks).where(where).get()?.n ?? 0) : raw.length
  return { rows: finishRows(db, truncated ? raw.slice(0, limit) : raw, asOf), total, truncated }
}

export interface OverdueAgency {
  agencyId: number
  code: string
  name: string
  /** The agency's full name, for official lists. */
  fullName: string
  count: number
  keyCount: number
  extensionPendingCount: number
  maxDaysOverdue: number
  /** Its overdue tasks, longest overdue first (fewer than `count` when the export was capped). */
  tasks: TaskRow[]
}

/**
 * The overdue tasks grouped by the agency accountable today, in the order of the overdue page: the agency with the
 * longest-overdue task first. Every agency's counts are complete; the task rows stop at `limit` in all.
 */
export function overdueByAgency(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate, limit = EXPORT_MAX_ROWS): { agencies: OverdueAgency[]; total: number; truncated: boolean } {
  const where = taskConditions(viewer, { ...filters, category: 'overdue' }, asOf)
  const summary = db
    .select({
      agencyId: tasks.rollupAgencyId,
      count: sql<number>`count(*)`,
      keyCount: sql<number>`sum(${tasks.isKey})`,
      extensionPendingCount: sql<number>`sum(exists (select 1 from ${extensionRequests} where ${extensionRequests.taskId} = ${tasks.id} and ${extensionRequests.status} = 'pending'))`,
      minDue: sql<string>`min(${tasks.dueOn})`,
    })
    .from(tasks)
    .where(where)
    .groupBy(tasks.rollupAgencyId)
    .orderBy(sql`min(${tasks.dueOn})`, desc(sql`count(*)`), asc(tasks.rollupAgencyId))
    .all()
  const total = summary.reduce((s, r) => s + r.count, 0)
  const raw = baseQuery(db).where(where).orderBy(asc(tasks.dueOn), asc(tasks.id)).limit(limit).all()
  const rows = finishRows(db, raw, asOf)
  const byAgency = new Map<number, TaskRow[]>()
  for (const r of rows) {
    const list = byAgency.get(r.rollupAgencyId)
    if (list) list.push(r)
    else byAgency.set(r.rollupAgencyId, [r])
  }
  const ids = summary.map((s) => s.agencyId)
  const names = new Map<number, { code: string; shortName: string; name: string }>()
  if (ids.length > 0) {
    const rows = db.select({ id: agencies.id, code: agencies.code, shortName: agencies.shortName, name: agencies.name }).from(agencies).where(sql`${agencies.id} in (select value from json_each(${JSON.stringify(ids)}))`).all()
    for (const a of rows) names.set(a.id, a)
  }
  return {
    agencies: summary.map((s) => ({
      agencyId: s.agencyId,
      code: names.get(s.agencyId)?.code ?? '',
      name: names.get(s.agencyId)?.shortName ?? '',
      fullName: names.get(s.agencyId)?.name ?? '',
      count: s.count,
      keyCount: s.keyCount ?? 0,
      extensionPendingCount: s.extensionPendingCount ?? 0,
      maxDaysOverdue: daysOverdue(s.minDue, asOf),
      tasks: byAgency.get(s.agencyId) ?? [],
    })),
    total,
    truncated: total > rows.length,
  }
}
