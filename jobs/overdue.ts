// The daily overdue sweep: records once, in each task's history, the day it became overdue, tells the monitoring
// office, and escalates long-overdue tasks to the leaders.
import { and, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm'
import { directiveItems, directives, outbox, tasks, users } from '../db/schema'
import { addDays, diffDays, todayInVietnam } from '../app/domain/dates'
import { appendHistory, type Tx } from '../app/services/history.server'
import { loadCalendar } from './calendar'
import { readSettings } from '../app/services/settings.server'
import type { JobContext, JobSummary } from './context'
import { composeTaskEmail, type EmailTask } from './email'
import { agencyRecipients, MAX_TASKS_PER_SECTION } from './reminders'
import { publicBaseUrl } from '../app/lib/env.server'


type Row = EmailTask & { directiveId: number; monitoringAgencyId: number | null }

function select(tx: Tx, where: ReturnType<typeof and>, limit: number): Row[] {
  return tx
    .select({
      id: tasks.id,
      content: tasks.content,
      ref: directiveItems.ref,
      periodLabel: tasks.periodLabel,
      dueOn: tasks.dueOn,
      directiveId: tasks.directiveId,
      directiveNumber: directives.number,
      directiveIssuedOn: directives.issuedOn,
      monitoringAgencyId: directives.monitoringAgencyId,
    })
    .from(tasks)
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .innerJoin(directiveItems, eq(directiveItems.id, tasks.itemId))
    .where(where)
    .orderBy(tasks.id)
    .limit(limit)
    .all()
    .map((r) => ({ ...r, dueOn: r.dueOn!, daysLeft: 0 }))
}

function queue(tx: Tx, key: string, recipient: string, target: { agencyId?: number; userId?: number }, mail: ReturnType<typeof composeTaskEmail>, taskIds: number[], now: Date): number {
  return tx
    .insert(outbox)
    .values({ key, kind: key.split(':')[0], recipient, ...target, ...mail, taskIds, nextAttemptAt: now.toISOString() })
    .onConflictDoNothing()
    .run().changes
}

/** Each transaction handles at most this many tasks, so that the web process's writes never wait long. */
export const SWEEP_BATCH = 1000

/**
 * Idempotent: a task is flagged once per deadline (`overdue_flagged_for`, `overdue_escalated_for`), so a second run
 * the same day, a retry or a second worker changes nothing; an extension gives a new deadline, flagged afresh.
 * Each batch writes its flags, history rows and the e-mails they cause in one transaction; a catch-up run over
 * many tasks therefore sends one notice per batch rather than one huge one.
 */
export function runOverdueSweep(ctx: JobContext): JobSummary {
  const { db, now } = ctx
  const today = todayInVietnam(now)
  const calendar = loadCalendar(db)
  const escalateAfter = readSettings(db).escalationWorkingDays
  // Overdue by more than N working days: deadlines before the last one still within the grace period.
  const lastTolerated = calendar.addWorkingDays(today, -escalateAfter)
  const open = inArray(tasks.status, ['open', 'pending'])
  const base = publicBaseUrl()
  let flagged = 0
  let escalated = 0
  let queued = 0

  for (;;) {
    const done = db.transaction((tx) => {
      const batch = select(tx, and(open, lt(tasks.dueOn, today), or(isNull(tasks.overdueFlaggedFor), ne(tasks.overdueFlaggedFor, tasks.dueOn))), SWEEP_BATCH)
      for (const t of batch) {
        tx.update(tasks).set({ overdueFlaggedFor: t.dueOn }).where(eq(tasks.id, t.id)).run()
        appendHistory(tx, { actorId: null, entity: 'task', entityId: t.id, directiveId: t.directiveId, taskId: t.id, action: 'became_overdue', after: { dueOn: t.dueOn, overdueSince: addDays(t.dueOn, 1) }, at: now })
        t.daysLeft = -diffDays(today, t.dueOn)
      }
      // The monitoring office of each directive hears of its tasks that became overdue.
      const byOffice = new Map<number, Row[]>()
      for (const t of batch) if (t.monitoringAgencyId != null) byOffice.set(t.monitoringAgencyId, [...(byOffice.get(t.monitoringAgencyId) ?? []), t])
      const officeRecipients = agencyRecipients(tx, [...byOffice.keys()], 'office')
      for (const [officeId, list] of byOffice) {
        const mail = composeTaskEmail({
          subject: `[Đôn đốc] ${list.length} nhiệm vụ chuyển sang quá hạn ngày ${today.split('-').reverse().join('/')}`,
          greeting: 'Kính gửi Văn phòng,',
          intro: 'Các nhiệm vụ dưới đây thuộc văn bản do Văn phòng theo dõi đã quá thời hạn mà chưa hoàn thành.',
          sections: [{ title: 'Nhiệm vụ mới quá hạn', tasks: list.slice(0, MAX_TASKS_PER_SECTION) }],
          baseUrl: base,
          footer: `Danh sách quá hạn: ${base}/overdue`,
        })
        for (const r of officeRecipients.get(officeId)?.valid ?? []) queued += queue(tx, `overdue-office:${today}:${officeId}:${r}:${list[0].id}`, r, { agencyId: officeId }, mail, list.map((t) => t.id), now)
      }
      flagged += batch.length
      return batch.length < SWEEP_BATCH
    })
    if (done) break
  }

  const leaders = db.select({ id: users.id, email: users.email, extra: users.extraEmails }).from(users).where(and(eq(users.role, 'leader'), eq(users.active, true))).all()
  for (;;) {
    const done = db.transaction((tx) => {
      const batch = select(tx, and(open, lt(tasks.dueOn, lastTolerated), or(isNull(tasks.overdueEscalatedFor), ne(tasks.overdueEscalatedFor, tasks.dueOn))), SWEEP_BATCH)
      for (const t of batch) {
        tx.update(tasks).set({ overdueEscalatedFor: t.dueOn }).where(eq(tasks.id, t.id)).run()
        appendHistory(tx, {
          actorId: null,
          entity: 'task',
          entityId: t.id,
          directiveId: t.directiveId,
          taskId: t.id,
          action: 'overdue_escalated',
          after: { dueOn: t.dueOn, workingDaysOverdue: calendar.workingDaysBetween(t.dueOn, today) },
          at: now,
        })
        t.daysLeft = -diffDays(today, t.dueOn)
      }
      if (batch.length > 0) {
        const mail = composeTaskEmail({
          subject: `[Đôn đốc] Báo cáo lãnh đạo: ${batch.length} nhiệm vụ quá hạn trên ${escalateAfter} ngày làm việc`,
          greeting: 'Kính gửi đồng chí,',
          intro: `Các nhiệm vụ dưới đây đã quá hạn hơn ${escalateAfter} ngày làm việc mà chưa hoàn thành.`,
          sections: [{ title: 'Nhiệm vụ quá hạn kéo dài', tasks: batch.slice(0, MAX_TASKS_PER_SECTION) }],
          baseUrl: base,
          footer: `Danh sách quá hạn: ${base}/overdue`,
        })
        for (const leader of leaders) {
          for (const r of new Set([leader.email, ...leader.extra].map((e) => e.toLowerCase()))) {
            queued += queue(tx, `escalation:${today}:${leader.id}:${r}:${batch[0].id}`, r, { userId: leader.id }, mail, batch.map((t) => t.id), now)
          }
        }
      }
      escalated += batch.length
      return batch.length < SWEEP_BATCH
    })
    if (done) break
  }
  return { job: 'overdue', flagged, escalated, queued }
}
