// The tasks a calendar feed lists: one agency's tasks with a deadline, as lead or support, open or recently done.
import { and, asc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { directiveItems, directives, taskAgencies, tasks, type TaskRole } from '../../db/schema'
import { addDays } from '../domain/dates'

/** Completed tasks stay in the calendar this many days after their completion, then drop out. */
export const FEED_DONE_DAYS = 30
/** A calendar program handles a few thousand events well; past this the earliest deadlines are kept. */
export const FEED_MAX_EVENTS = 3000

export interface FeedTask {
  id: number
  content: string
  ref: string
  periodLabel: string | null
  directiveNumber: string
  dueOn: string
  status: 'open' | 'pending' | 'completed' | 'cancelled'
  completedOn: string | null
  progressPercent: number
  updatedAt: string
  role: TaskRole
}

/**
 * Same visibility as the agency's own task list (the agency on the task as lead or support), limited to tasks with
 * a deadline that are open, awaiting confirmation, or completed within the last FEED_DONE_DAYS days. One query.
 */
export function feedTasks(db: Db, agencyId: number, asOf: IsoDate): FeedTask[] {
  return db
    .select({
      id: tasks.id,
      content: tasks.content,
      ref: directiveItems.ref,
      periodLabel: tasks.periodLabel,
      directiveNumber: directives.number,
      dueOn: sql<string>`${tasks.dueOn}`,
      status: tasks.status,
      completedOn: tasks.completedOn,
      progressPercent: tasks.progressPercent,
      updatedAt: tasks.updatedAt,
      role: taskAgencies.role,
    })
    .from(taskAgencies)
    .innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .innerJoin(directiveItems, eq(directiveItems.id, tasks.itemId))
    .where(
      and(
        eq(taskAgencies.agencyId, agencyId),
        isNotNull(tasks.dueOn),
        or(inArray(tasks.status, ['open', 'pending']), and(eq(tasks.status, 'completed'), gte(tasks.completedOn, addDays(asOf, -FEED_DONE_DAYS)))),
      ),
    )
    .orderBy(asc(tasks.dueOn), asc(tasks.id))
    .limit(FEED_MAX_EVENTS)
    .all()
}
