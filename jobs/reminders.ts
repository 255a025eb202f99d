// Daily reminders: one e-mail per agency contact per day listing the agency's tasks due soon, due today and overdue.
import { and, eq, inArray, lte } from 'drizzle-orm'
import { agencies, directiveItems, directives, outbox, taskAgencies, tasks, users } from '../db/schema'
import { readSettings } from '../app/services/settings.server'
import { publicBaseUrl } from '../app/lib/env.server'
import { EmailSchema } from '../app/services/users.server'
import { diffDays, todayInVietnam } from '../app/domain/dates'
import { composeTaskEmail, type EmailTask } from './email'
import { loadCalendar } from './calendar'
import type { JobContext, JobSummary } from './context'
import type { Tx } from '../app/services/history.server'

/** An e-mail lists at most this many tasks per section, then links to the full list. */
export const MAX_TASKS_PER_SECTION = 50


/** Contact addresses of an agency: its own, and those of its active users of the given role, each once. */
export function agencyRecipients(db: Pick<Tx, 'select'>, agencyIds: number[], role: 'agency' | 'office' = 'agency'): Map<number, { valid: string[]; invalid: string[] }> {
  const result = new Map<number, { valid: string[]; invalid: string[] }>()
  const add = (agencyId: number, email: string) => {
    const entry = result.get(agencyId) ?? { valid: [], invalid: [] }
    const e = email.trim().toLowerCase()
    const list = EmailSchema.safeParse(e).success ? entry.valid : entry.invalid
    if (!list.includes(e)) list.push(e)
    result.set(agencyId, entry)
  }
  for (let i = 0; i < agencyIds.length; i += 500) {
    const ids = agencyIds.slice(i, i + 500)
    for (const a of db.select({ id: agencies.id, emails: agencies.emails }).from(agencies).where(inArray(agencies.id, ids)).all()) for (const e of a.emails) add(a.id, e)
    const officers = db
      .select({ agencyId: users.agencyId, email: users.email, extra: users.extraEmails })
      .from(users)
      .where(and(inArray(users.agencyId, ids), eq(users.role, role), eq(users.active, true)))
      .all()
    for (const u of officers) for (const e of [u.email, ...u.extra]) add(u.agencyId!, e)
  }
  return result
}

interface Pending {
  lead: { soon: EmailTask[]; today: EmailTask[]; overdue: EmailTask[] }
  support: { soon: EmailTask[]; today: EmailTask[]; overdue: EmailTask[] }
}

/**
 * Idempotent per day: the outbox key is (reminder, day, agency, recipient), so a second run, a retry or a second
 * worker queues nothing new. Pending completions, cancelled tasks and supporters who finished their part are
 * not reminded; a task no longer on the agency's list is not mentioned.
 */
export function runReminders(ctx: JobContext): JobSummary {
  const today = todayInVietnam(ctx.now)
  const calendar = loadCalendar(ctx.db)
  // Nobody is reminded on a day off; Monday's reminders cover what fell due in between (overdue section).
  if (!calendar.isWorkingDay(today)) return { job: 'reminders', queued: 0, agencies: 0, invalidRecipients: 0, agenciesWithoutContact: 0, dayOff: 1 }
  const offsets = readSettings(ctx.db).reminderOffsets
  const horizon = calendar.addWorkingDays(today, Math.max(0, ...offsets))
  const rows = ctx.db
    .select({
      id: tasks.id,
      content: tasks.content,
      ref: directiveItems.ref,
      periodLabel: tasks.periodLabel,
      dueOn: tasks.dueOn,
      directiveNumber: directives.number,
      directiveIssuedOn: directives.issuedOn,
      agencyId: taskAgencies.agencyId,
      role: taskAgencies.role,
      supportPercent: taskAgencies.progressPercent,
    })
    .from(tasks)
    .innerJoin(taskAgencies, eq(taskAgencies.taskId, tasks.id))
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .innerJoin(directiveItems, eq(directiveItems.id, tasks.itemId))
    .where(and(eq(tasks.status, 'open'), lte(tasks.dueOn, horizon)))
    .all()
  const byAgency = new Map<number, Pending>()
  for (const r of rows) {
    if (r.role === 'support' && r.supportPercent >= 100) continue
    const due = r.dueOn!
    // A deadline on a day off is reminded "today" on the working day before it.
    const dueToday = due === today || calendar.reminderDates(due, [0]).includes(today)
    const bucket = due < today ? 'overdue' : dueToday ? 'today' : calendar.reminderDates(due, offsets).includes(today) ? 'soon' : null
    if (!bucket) continue
    const entry = byAgency.get(r.agencyId) ?? { lead: { soon: [], today: [], overdue: [] }, support: { soon: [], today: [], overdue: [] } }
    const daysLeft = due < today ? -diffDays(today, due) : calendar.workingDaysBetween(today, due)
    entry[r.role][bucket].push({ id: r.id, content: r.content, ref: r.ref, periodLabel: r.periodLabel, directiveNumber: r.directiveNumber, directiveIssuedOn: r.directiveIssuedOn, dueOn: due, daysLeft })
    byAgency.set(r.agencyId, entry)
  }
  const recipients = agencyRecipients(ctx.db, [...byAgency.keys()])
  const base = publicBaseUrl()
  let queued = 0
  let invalidRecipients = 0
  let agenciesWithoutContact = 0
  ctx.db.transaction((tx) => {
    for (const [agencyId, p] of byAgency) {
      const to = recipients.get(agencyId) ?? { valid: [], invalid: [] }
      invalidRecipients += to.invalid.length
      if (to.valid.length === 0) {
        agenciesWithoutContact++
        continue
      }
      const cap = (list: EmailTask[]) => [...list].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).slice(0, MAX_TASKS_PER_SECTION)
      const count = p.lead.overdue.length + p.lead.today.length + p.lead.soon.length + p.support.overdue.length + p.support.today.length + p.support.soon.length
      const mail = composeTaskEmail({
        subject: `[Đôn đốc] ${count} nhiệm vụ cần chú ý ngày ${today.split('-').reverse().join('/')}`,
        greeting: 'Kính gửi Quý cơ quan,',
        intro: 'Hệ thống Đôn đốc xin nhắc các nhiệm vụ dưới đây. Đề nghị cập nhật tiến độ, báo cáo kết quả hoặc đề nghị gia hạn (trước thời hạn) trên hệ thống.',
        sections: [
          { title: 'Nhiệm vụ chủ trì đã quá hạn', tasks: cap(p.lead.overdue) },
          { title: 'Nhiệm vụ chủ trì đến hạn hôm nay', tasks: cap(p.lead.today) },
          { title: 'Nhiệm vụ chủ trì sắp đến hạn', tasks: cap(p.lead.soon) },
          { title: 'Nhiệm vụ phối hợp đã quá hạn — đề nghị phối hợp với cơ quan chủ trì hoàn thành', tasks: cap(p.support.overdue) },
          { title: 'Nhiệm vụ phối hợp đến hạn hôm nay', tasks: cap(p.support.today) },
          { title: 'Nhiệm vụ phối hợp sắp đến hạn — đề nghị gửi ý kiến, kết quả phần việc của cơ quan', tasks: cap(p.support.soon) },
        ],
        baseUrl: base,
        footer: `Danh sách đầy đủ: ${base}/tasks. Thư gửi tự động, mỗi ngày tối đa một thư cho mỗi địa chỉ.`,
      })
      const taskIds = [...p.lead.overdue, ...p.lead.today, ...p.lead.soon, ...p.support.overdue, ...p.support.today, ...p.support.soon].map((t) => t.id)
      for (const recipient of to.valid) {
        queued += tx
          .insert(outbox)
          .values({ key: `reminder:${today}:${agencyId}:${recipient}`, kind: 'reminder', recipient, agencyId, ...mail, taskIds, nextAttemptAt: ctx.now.toISOString() })
          .onConflictDoNothing()
          .run().changes
      }
    }
  })
  return { job: 'reminders', queued, agencies: byAgency.size, invalidRecipients, agenciesWithoutContact }
}
