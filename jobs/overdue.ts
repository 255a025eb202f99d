// The daily overdue sweep: records once, in each task's history, the day it became overdue, and escalates long overdue tasks.
import { and, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm'
import { tasks } from '../db/schema'
import { addDays, todayInVietnam } from '../app/domain/dates'
import { appendHistory } from '../app/services/history.server'
import { loadCalendar, numberSetting } from './calendar'
import type { JobContext, JobSummary } from './context'

export const DEFAULT_ESCALATION_WORKING_DAYS = 10
const BATCH = 2000

/**
 * Idempotent: a task is flagged once per deadline (`overdue_flagged_for`), so a second run the same day, a retry
 * or a second worker changes nothing; an approved extension gives a new deadline, which can be flagged again.
 */
export function runOverdueSweep({ db, now }: JobContext): JobSummary {
  const today = todayInVietnam(now)
  const calendar = loadCalendar(db)
  const escalateAfter = numberSetting(db, 'escalationWorkingDays', DEFAULT_ESCALATION_WORKING_DAYS)
  let flagged = 0
  let escalated = 0
  const open = inArray(tasks.status, ['open', 'pending'])
  for (;;) {
    const batch = db
      .select({ id: tasks.id, dueOn: tasks.dueOn, directiveId: tasks.directiveId })
      .from(tasks)
      .where(and(open, lt(tasks.dueOn, today), or(isNull(tasks.overdueFlaggedFor), ne(tasks.overdueFlaggedFor, tasks.dueOn))))
      .limit(BATCH)
      .all()
    if (batch.length === 0) break
    db.transaction((tx) => {
      for (const t of batch) {
        tx.update(tasks).set({ overdueFlaggedFor: t.dueOn }).where(eq(tasks.id, t.id)).run()
        appendHistory(tx, { actorId: null, entity: 'task', entityId: t.id, directiveId: t.directiveId, taskId: t.id, action: 'became_overdue', after: { dueOn: t.dueOn, overdueSince: addDays(t.dueOn!, 1) }, at: now })
      }
    })
    flagged += batch.length
  }
  // Overdue by more than N working days: the last deadline that is still within the grace period.
  const lastTolerated = calendar.addWorkingDays(today, -escalateAfter)
  for (;;) {
    const batch = db
      .select({ id: tasks.id, dueOn: tasks.dueOn, directiveId: tasks.directiveId })
      .from(tasks)
      .where(and(open, lt(tasks.dueOn, lastTolerated), or(isNull(tasks.overdueEscalatedFor), ne(tasks.overdueEscalatedFor, tasks.dueOn))))
      .limit(BATCH)
      .all()
    if (batch.length === 0) break
    db.transaction((tx) => {
      for (const t of batch) {
        tx.update(tasks).set({ overdueEscalatedFor: t.dueOn }).where(eq(tasks.id, t.id)).run()
        appendHistory(tx, {
          actorId: null,
          entity: 'task',
          entityId: t.id,
          directiveId: t.directiveId,
          taskId: t.id,
          action: 'overdue_escalated',
          after: { dueOn: t.dueOn, workingDaysOverdue: calendar.workingDaysBetween(t.dueOn!, today) },
          at: now,
        })
      }
    })
    escalated += batch.length
  }
  return { job: 'overdue', flagged, escalated }
}

