// The leaders' weekly digest: the overdue list by agency, the lowest on-time rates, and what fell due last week.
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import { directiveItems, directives, outbox, tasks, users } from '../db/schema'
import { formatRate } from '../app/domain/categories'
import { addDays, diffDays, formatVnDate, todayInVietnam } from '../app/domain/dates'
import { agencyRates } from '../app/models/rates.server'
import { overdueList } from '../app/models/task.server'
import type { JobContext, JobSummary } from './context'
import { composeTaskEmail, type EmailSection, type EmailTask } from './email'
import { publicBaseUrl } from '../app/lib/env.server'

const EVERYONE = { role: 'leader' as const, agencyId: null }
const LOWEST_RATES = 10
/** An on-time rate over fewer completed tasks than this says little; such agencies are not ranked. */
const MIN_COMPLETED_FOR_RANKING = 3

/** Idempotent per week: the outbox key is (digest, the Monday of the week, leader, address). */
export function runDigest(ctx: JobContext): JobSummary {
  const today = todayInVietnam(ctx.now)
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7 // 0 = Monday
  const monday = addDays(today, -weekday)
  const base = publicBaseUrl()
  const overdue = overdueList(ctx.db, EVERYONE, {}, today, 1)
  const sections: EmailSection[] = overdue.groups.map((g) => ({
    title: `Quá hạn — ${g.agencyName}: ${g.count} nhiệm vụ`,
    tasks: g.tasks.slice(0, 5).map((t) => ({ id: t.id, content: t.content, ref: t.ref, periodLabel: t.periodLabel, directiveNumber: t.directiveNumber, directiveIssuedOn: t.directiveIssuedOn, dueOn: t.dueOn!, daysLeft: -t.daysOverdue })),
  }))
  const lastWeek = ctx.db
    .select({ id: tasks.id, content: tasks.content, ref: directiveItems.ref, periodLabel: tasks.periodLabel, dueOn: tasks.dueOn, status: tasks.status, number: directives.number, issuedOn: directives.issuedOn })
    .from(tasks)
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .innerJoin(directiveItems, eq(directiveItems.id, tasks.itemId))
    .where(and(gte(tasks.dueOn, addDays(monday, -7)), lt(tasks.dueOn, monday), sql`${tasks.status} != 'cancelled'`))
    .orderBy(tasks.dueOn)
    .all()
  const fellDue: EmailTask[] = lastWeek
    .filter((t) => t.status !== 'completed')
    .slice(0, 30)
    .map((t) => ({ id: t.id, content: t.content, ref: t.ref, periodLabel: t.periodLabel, directiveNumber: t.number, directiveIssuedOn: t.issuedOn, dueOn: t.dueOn!, daysLeft: -diffDays(today, t.dueOn!) }))
  const doneLastWeek = lastWeek.filter((t) => t.status === 'completed').length
  const lowest = agencyRates(ctx.db, EVERYONE, today)
    .filter((r) => r.total.doneOnTime + r.total.doneLate >= MIN_COMPLETED_FOR_RANKING && r.kind !== 'government')
    .sort((a, b) => (a.rates.onTimeRate ?? 1) - (b.rates.onTimeRate ?? 1))
    .slice(0, LOWEST_RATES)
  const ratesLine = lowest.map((r, i) => `${i + 1}. ${r.name}: ${formatRate(r.rates.onTimeRate)} đúng hạn (${r.total.doneOnTime}/${r.total.doneOnTime + r.total.doneLate})`).join('\n')
  const mail = composeTaskEmail({
    subject: `[Đôn đốc] Tổng hợp tuần ${formatVnDate(monday)}: ${overdue.totalTasks} nhiệm vụ quá hạn`,
    greeting: 'Kính gửi đồng chí,',
    intro: [
      `Tính đến ngày ${formatVnDate(today)}: ${overdue.totalTasks} nhiệm vụ quá hạn của ${overdue.totalAgencies} cơ quan.`,
      `Tuần trước có ${lastWeek.length} nhiệm vụ đến hạn: ${doneLastWeek} đã hoàn thành, ${lastWeek.length - doneLastWeek} chưa hoàn thành.`,
      lowest.length ? `Các cơ quan có tỷ lệ đúng hạn thấp nhất:\n${ratesLine}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    sections: [...sections, { title: 'Đến hạn tuần trước nhưng chưa hoàn thành', tasks: fellDue }],
    baseUrl: base,
    footer: `Danh sách quá hạn đầy đủ: ${base}/overdue · Tỷ lệ theo cơ quan: ${base}/rates`,
  })
  const leaders = ctx.db.select({ id: users.id, email: users.email, extra: users.extraEmails }).from(users).where(and(eq(users.role, 'leader'), eq(users.active, true))).all()
  let queued = 0
  ctx.db.transaction((tx) => {
    for (const leader of leaders) {
      for (const recipient of new Set([leader.email, ...leader.extra].map((e) => e.toLowerCase()))) {
        queued += tx
          .insert(outbox)
          .values({ key: `digest:${monday}:${leader.id}:${recipient}`, kind: 'digest', recipient, userId: leader.id, ...mail, taskIds: [], nextAttemptAt: ctx.now.toISOString() })
          .onConflictDoNothing()
          .run().changes
      }
    }
  })
  return { job: 'digest', queued, overdue: overdue.totalTasks, leaders: leaders.length }
}
