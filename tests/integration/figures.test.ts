// The dashboard figures against direct SQL counts on a real SQLite file: scopes, as-of with and without a snapshot, rates.
import { formatPercent, formatRate } from '../../app/domain/categories'
import { addDays, todayInVietnam } from '../../app/domain/dates'
import { reportPeriod } from '../../app/domain/report-periods'
import { dashboardFor, directiveProgress, figuresFor, reconstructOwnCounts, trendDays, type Scope } from '../../app/models/figures.server'
import { periodReport } from '../../app/models/period-report.server'
import { getAgencyByCode } from '../../app/models/agency.server'
import { seedSynthetic } from '../../db/seed/synthetic'
import { runRollup } from '../../jobs/rollup'
import type { Db } from '../../db/client'
import { freshDb } from '../support/db'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'

const today = todayInVietnam()

/** Inserts tasks straight into the table, as many as needed, on an existing item. */
function insertTasks(db: Db, itemId: number, directiveId: number, agencyCode: string, n: number, values: { dueOn: string | null; status?: string; completedOn?: string | null; rollupCode?: string }) {
  const lead = agencyId(db, agencyCode)
  const rollup = agencyId(db, values.rollupCode ?? agencyCode)
  const stmt = db.$client.prepare(
    `insert into tasks (item_id, directive_id, lead_agency_id, rollup_agency_id, content, due_on, original_due_on, status, completed_on, updated_at) values (?, ?, ?, ?, 'Nhiệm vụ thử', ?, ?, ?, ?, '2024-01-01T00:00:00.000Z')`,
  )
  for (let i = 0; i < n; i++) stmt.run(itemId, directiveId, lead, rollup, values.dueOn, values.dueOn, values.status ?? 'open', values.completedOn ?? null)
}

function sqlCount(db: Db, where: string, ...params: unknown[]): number {
  return (db.$client.prepare(`select count(*) n from tasks where status != 'cancelled' and (${where})`).get(...params) as { n: number }).n
}

describe('figures on synthetic data against direct counts', async () => {
  const { db } = freshDb()
  await seedSynthetic(db, 3000, { today, seed: 5 })
  const system: Scope = { kind: 'system' }

  it('the system figures as of today equal SQL counts of each category', () => {
    const f = figuresFor(db, system, today, today)
    expect(f.source).toBe('live')
    expect(f.counts.assigned).toBe(sqlCount(db, '1'))
    expect(f.counts.standing).toBe(sqlCount(db, 'due_on is null'))
    expect(f.counts.doneOnTime).toBe(sqlCount(db, "status = 'completed' and due_on is not null and completed_on <= ? and completed_on <= due_on", today))
    expect(f.counts.doneLate).toBe(sqlCount(db, "status = 'completed' and due_on is not null and completed_on <= ? and completed_on > due_on", today))
    expect(f.counts.overdue).toBe(sqlCount(db, "status in ('open','pending') and due_on < ?", today))
    expect(f.counts.inProgress).toBe(sqlCount(db, "status in ('open','pending') and due_on >= ?", today))
    const completed = f.counts.doneOnTime + f.counts.doneLate
    expect(f.rates.completionRate).toBeCloseTo(completed / (f.counts.assigned - f.counts.standing), 12)
    expect(f.rates.onTimeRate).toBeCloseTo(f.counts.doneOnTime / completed, 12)
    expect(f.rates.dueCompletionRate).toBeCloseTo(completed / (completed + f.counts.overdue), 12)
  })

  it('an agency scope counts its own tasks and its sub-agencies, by the agency they roll up under', () => {
    const ngheAn = getAgencyByCode(db, 'NGHE-AN')!
    const f = figuresFor(db, { kind: 'agency', agency: ngheAn }, today, today)
    const subtree = `rollup_agency_id in (select id from agencies where path like '${ngheAn.path}%')`
    expect(f.counts.assigned).toBe(sqlCount(db, subtree))
    expect(f.counts.assigned).toBeGreaterThan(sqlCount(db, `rollup_agency_id = ${ngheAn.id}`))
    expect(f.counts.overdue).toBe(sqlCount(db, `${subtree} and status in ('open','pending') and due_on < ?`, today))
  })

  it('a directive scope counts only that directive', () => {
    const d = db.$client.prepare('select directive_id id, count(*) n from tasks group by directive_id order by n desc limit 1').get() as { id: number; n: number }
    const f = figuresFor(db, { kind: 'directive', directive: { id: d.id, number: 'x' } }, today, today)
    expect(f.counts.assigned).toBe(sqlCount(db, `directive_id = ${d.id}`))
    expect(f.counts.doneOnTime).toBe(sqlCount(db, `directive_id = ${d.id} and status = 'completed' and due_on is not null and completed_on <= due_on`))
  })

  it('a past day without a snapshot is reconstructed: tasks of directives issued by then, completions made by then', () => {
    const day = addDays(today, -90)
    const f = figuresFor(db, system, day, today)
    expect(f.source).toBe('reconstructed')
    const issued = `directive_id in (select id from directives where issued_on <= '${day}')`
    expect(f.counts.assigned).toBe(sqlCount(db, issued))
    expect(f.counts.doneOnTime + f.counts.doneLate).toBe(sqlCount(db, `${issued} and status = 'completed' and due_on is not null and completed_on <= ?`, day))
    expect(f.counts.overdue).toBe(sqlCount(db, `${issued} and due_on < ? and not (status = 'completed' and completed_on <= ?)`, day, day))
    // The reconstruction applies to today the same rules as the live counts.
    const rebuiltToday = [...reconstructOwnCounts(db, today).values()].reduce((s, c) => s + c.overdue, 0)
    expect(rebuiltToday).toBe(figuresFor(db, system, today, today).counts.overdue)
  })

  it('a rebuilt day is kept through edits that leave the figures alone, and rebuilt after one that moves them', () => {
    const day = addDays(today, -60)
    const first = reconstructOwnCounts(db, day)
    db.$client.prepare("update tasks set progress_percent = 42, last_note = 'Ghi chú mới' where id = 1").run()
    expect(reconstructOwnCounts(db, day)).toBe(first)
    const t = db.$client.prepare("select id, rollup_agency_id r from tasks where status in ('open','pending') and due_on < ? limit 1").get(day) as { id: number; r: number }
    db.$client.prepare("update tasks set status = 'completed', completed_on = due_on where id = ?").run(t.id)
    const after = reconstructOwnCounts(db, day)
    expect(after).not.toBe(first)
    expect(after.get(t.r)!.overdue).toBe(first.get(t.r)!.overdue - 1)
    expect(after.get(t.r)!.doneOnTime).toBe(first.get(t.r)!.doneOnTime + 1)
  })

  it('the trend has 12 points, month ends then the day, from the same function', () => {
    expect(trendDays('2026-03-15')).toEqual(['2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-15'])
    const dash = dashboardFor(db, system, today, today)
    expect(dash.trend).toHaveLength(12)
    expect(dash.trend[11].counts).toEqual(dash.figures.counts)
    expect(dash.trend[5].counts).toEqual(figuresFor(db, system, dash.trend[5].day, today).counts)
  })

  it('the rankings put the worst first and count each agency with its sub-agencies', () => {
    const dash = dashboardFor(db, system, today, today)
    expect(dash.byOverdue.length).toBeGreaterThan(0)
    for (let i = 1; i < dash.byOverdue.length; i++) expect(dash.byOverdue[i - 1].counts.overdue).toBeGreaterThanOrEqual(dash.byOverdue[i].counts.overdue)
    for (let i = 1; i < dash.byOnTime.length; i++) expect(dash.byOnTime[i - 1].rates.onTimeRate!).toBeLessThanOrEqual(dash.byOnTime[i].rates.onTimeRate!)
    const top = dash.byOverdue[0]
    const path = getAgencyByCode(db, top.code)!.path
    expect(top.counts.overdue).toBe(sqlCount(db, `rollup_agency_id in (select id from agencies where path like '${path}%') and status in ('open','pending') and due_on < ?`, today))
  })

  it('a period report counts tasks due in the period by group, and the groups add up', () => {
    const year = Number(today.slice(0, 4))
    const period = reportPeriod('y', year)
    const r = periodReport(db, period, today)
    const asOf = period.to < today ? period.to : today
    const due = `due_on between '${period.from}' and '${period.to}'`
    expect(r.total.counts.assigned).toBe(sqlCount(db, due))
    expect(r.total.rates.completed).toBe(sqlCount(db, `${due} and status = 'completed' and completed_on <= ?`, asOf))
    expect(r.groups.reduce((s, g) => s + g.counts.assigned, 0)).toBe(r.total.counts.assigned)
    const ministries = r.groups.find((g) => g.key === 'ministries')!
    expect(ministries.counts.assigned).toBe(sqlCount(db, `${due} and rollup_agency_id in (select id from agencies where kind in ('ministry','ministerial_agency'))`))
    expect(r.summary[0]).toContain(`đạt tỷ lệ ${formatPercent(r.total.rates.completed, r.total.counts.assigned)}`)
  })
})

describe('figures on hand-made data', () => {
  it('296 of 845 completed reads 35,03%, as in the Steering Committee news', async () => {
    const { db } = freshDb()
    const office = await makeUser(db, 'office', 'VPCP')
    const directiveId = makeDirective(db, office, { issuedOn: '2023-04-19' })
    const { itemId: item } = makeItem(db, office, directiveId, { leads: ['BNV'], deadline: { kind: 'date', dueOn: '2023-06-30' } })
    db.$client.prepare('delete from task_agencies').run()
    db.$client.prepare('delete from tasks').run()
    insertTasks(db, item, directiveId, 'BNV', 250, { dueOn: '2023-06-30', status: 'completed', completedOn: '2023-06-20' })
    insertTasks(db, item, directiveId, 'BTP', 46, { dueOn: '2023-06-30', status: 'completed', completedOn: '2023-07-05' })
    insertTasks(db, item, directiveId, 'BTP', 549, { dueOn: '2023-06-30' })
    const f = figuresFor(db, { kind: 'system' }, '2023-07-19', today)
    expect(f.counts.assigned).toBe(845)
    expect(f.rates.completed).toBe(296)
    expect(formatRate(f.rates.completionRate)).toBe('35,03%')
    expect(formatRate(f.rates.onTimeRate)).toBe('84,46%')
    const progress = directiveProgress(db, { role: 'leader', agencyId: null }, directiveId, today)
    expect(progress.rows.map((r) => [r.code, r.counts.assigned, r.counts.overdue])).toEqual([
      ['BTP', 595, 549],
      ['BNV', 250, 0],
    ])
    expect(formatPercent(progress.rates.completed, progress.total.assigned)).toBe('35,03%')
  })

  it('a merged ministry counts under its successor, in the successor agency scope', async () => {
    const { db } = freshDb()
    const office = await makeUser(db, 'office', 'VPCP')
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
    makeItem(db, office, directiveId, { leads: ['BKHDT'], deadline: { kind: 'date', dueOn: '2024-03-31' } })
    const btc = getAgencyByCode(db, 'BTC')!
    const f = figuresFor(db, { kind: 'agency', agency: btc }, today, today)
    expect(f.counts.assigned).toBe(1)
    expect(f.counts.overdue).toBe(1)
  })

  it('a past day reads the snapshot when there is one, and it does not move when a task is edited later', async () => {
    const { db } = freshDb()
    const office = await makeUser(db, 'office', 'VPCP')
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
    makeItem(db, office, directiveId, { leads: ['BNV'], deadline: { kind: 'date', dueOn: '2024-06-30' } })
    const day = '2024-07-15'
    runRollup({ db, now: new Date('2024-07-15T05:00:00+07:00') })
    const before = figuresFor(db, { kind: 'system' }, day, today)
    expect(before.source).toBe('snapshot')
    expect(before.counts.overdue).toBe(1)
    // Later the office records the completion, dated before the day: the reconstruction would now count it done.
    db.$client.prepare("update tasks set status = 'completed', completed_on = '2024-07-01'").run()
    const after = figuresFor(db, { kind: 'system' }, day, today)
    expect(after.source).toBe('snapshot')
    expect(after.counts).toEqual(before.counts)
    const rebuilt = [...reconstructOwnCounts(db, day).values()][0]
    expect(rebuilt.doneLate).toBe(1)
    // The other days have no snapshot and are rebuilt.
    expect(figuresFor(db, { kind: 'system' }, '2024-07-16', today).source).toBe('reconstructed')
  })

  it('a reconstructed day uses the deadline in force then: an extension approved later is undone', async () => {
    const { db } = freshDb()
    const office = await makeUser(db, 'office', 'VPCP')
    const officer = await makeUser(db, 'agency', 'BNV')
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
    makeItem(db, office, directiveId, { leads: ['BNV'], deadline: { kind: 'date', dueOn: '2024-06-30' } })
    const taskId = (db.$client.prepare('select id from tasks').get() as { id: number }).id
    // Extended on 10/07/2024 (after the deadline had passed) to 30/09/2024.
    db.$client.prepare("update tasks set due_on = '2024-09-30', extension_count = 1 where id = ?").run(taskId)
    db.$client
      .prepare("insert into extension_requests (task_id, agency_id, user_id, current_due_on, proposed_due_on, reason, status, decided_by, decided_at) values (?, ?, ?, '2024-06-30', '2024-09-30', 'Cần thêm thời gian', 'approved', ?, '2024-07-10T03:00:00.000Z')")
      .run(taskId, officer.agencyId, officer.id, office.id)
    expect(figuresFor(db, { kind: 'system' }, '2024-07-05', today).counts.overdue).toBe(1)
    expect(figuresFor(db, { kind: 'system' }, '2024-07-10', today).counts.inProgress).toBe(1)
    expect(figuresFor(db, { kind: 'system' }, '2024-01-09', today).counts.assigned).toBe(0)
  })
})
