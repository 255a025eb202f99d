// Typed queries over directives: the register list and one directive with its items and per-item counts.
import { and, asc, desc, eq, like, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { agencies, directiveItems, directives, taskAgencies, tasks, type DirectiveStatus } from '../../db/schema'
import { emptyCounts, type CategoryCounts } from '../domain/categories'
import { escapeLike, foldVietnamese } from '../domain/text'
import { categoryCondition, type Viewer } from './task.server'

export const DIRECTIVES_PER_PAGE = 30

function visibleToViewer(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'agency') return undefined
  if (viewer.agencyId == null) return sql`0`
  return sql`${directives.id} in (select ${tasks.directiveId} from ${tasks} join ${taskAgencies} on ${taskAgencies.taskId} = ${tasks.id} where ${taskAgencies.agencyId} = ${viewer.agencyId})`
}

export function canViewDirective(db: Db, viewer: Viewer, directiveId: number): boolean {
  const where = and(eq(directives.id, directiveId), visibleToViewer(viewer))
  return Boolean(db.select({ id: directives.id }).from(directives).where(where).get())
}

export function listDirectives(db: Db, viewer: Viewer, filters: { q?: string; status?: DirectiveStatus; type?: string }, asOf: IsoDate, page = 1) {
  const conditions: Array<SQL | undefined> = [visibleToViewer(viewer)]
  if (filters.q) {
    const q = `%${escapeLike(foldVietnamese(filters.q))}%`
    conditions.push(or(sql`${directives.numberFolded} like ${q} escape '\\'`, sql`${directives.issuerFolded} like ${q} escape '\\'`, like(sql`lower(${directives.title})`, `%${filters.q.toLowerCase()}%`)))
  }
  if (filters.status) conditions.push(eq(directives.status, filters.status))
  if (filters.type) conditions.push(sql`${directives.type} = ${filters.type}`)
  const where = and(...conditions)
  const total = db.select({ n: sql<number>`count(*)` }).from(directives).where(where).get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / DIRECTIVES_PER_PAGE))
  const current = Math.min(Math.max(1, page), pageCount)
  const rows = db
    .select({
      id: directives.id,
      type: directives.type,
      number: directives.number,
      title: directives.title,
      issuer: directives.issuer,
      issuedOn: directives.issuedOn,
      status: directives.status,
      taskCount: sql<number>`(select count(*) from ${tasks} where ${tasks.directiveId} = ${directives.id} and ${tasks.status} != 'cancelled')`,
      overdueCount: sql<number>`(select count(*) from ${tasks} where ${tasks.directiveId} = ${directives.id} and ${categoryCondition('overdue', asOf)})`,
      doneCount: sql<number>`(select count(*) from ${tasks} where ${tasks.directiveId} = ${directives.id} and ${tasks.status} = 'completed')`,
    })
    .from(directives)
    .where(where)
    .orderBy(desc(directives.issuedOn), desc(directives.id))
    .limit(DIRECTIVES_PER_PAGE)
    .offset((current - 1) * DIRECTIVES_PER_PAGE)
    .all()
  return { rows, total, page: current, pageCount }
}

export function getDirective(db: Db, id: number) {
  return db.select().from(directives).where(eq(directives.id, id)).get()
}

/** The directive's items in document order, each with its task counts by category (restricted to the viewer's tasks). */
export function directiveItemsWithCounts(db: Db, viewer: Viewer, directiveId: number, asOf: IsoDate) {
  const items = db.select().from(directiveItems).where(eq(directiveItems.directiveId, directiveId)).orderBy(asc(directiveItems.id)).all()
  const c = (cat: Parameters<typeof categoryCondition>[0]) => sql<number>`sum(case when ${categoryCondition(cat, asOf)} then 1 else 0 end)`
  const scope = viewer.role === 'agency' ? sql`${tasks.id} in (select ${taskAgencies.taskId} from ${taskAgencies} where ${taskAgencies.agencyId} = ${viewer.agencyId ?? -1})` : undefined
  const rows = db
    .select({ itemId: tasks.itemId, doneOnTime: c('done_on_time'), doneLate: c('done_late'), inProgress: c('in_progress'), overdue: c('overdue'), standing: c('standing'), cancelled: c('cancelled') })
    .from(tasks)
    .where(and(eq(tasks.directiveId, directiveId), scope))
    .groupBy(tasks.itemId)
    .all()
  const byItem = new Map<number, CategoryCounts & { cancelled: number }>()
  for (const r of rows) {
    const counts = { ...emptyCounts(), doneOnTime: r.doneOnTime ?? 0, doneLate: r.doneLate ?? 0, inProgress: r.inProgress ?? 0, overdue: r.overdue ?? 0, standing: r.standing ?? 0, cancelled: r.cancelled ?? 0 }
    counts.assigned = counts.doneOnTime + counts.doneLate + counts.inProgress + counts.overdue + counts.standing
    byItem.set(r.itemId, counts)
  }
  const visible = viewer.role === 'agency' ? items.filter((i) => byItem.has(i.id)) : items
  return visible.map((item) => ({ item, counts: byItem.get(item.id) ?? { ...emptyCounts(), cancelled: 0 } }))
}

export function agencyName(db: Db, id: number | null): string | null {
  if (id == null) return null
  return db.select({ n: agencies.shortName }).from(agencies).where(eq(agencies.id, id)).get()?.n ?? null
}
