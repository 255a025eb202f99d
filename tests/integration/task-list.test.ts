// The task list's filters and totals against direct counts, and diacritic-free search, on synthetic data.
import { sql } from 'drizzle-orm'
import { seedSynthetic } from '../../db/seed/synthetic'
import { categorize, type TaskCategory } from '../../app/domain/categories'
import { addDays, todayInVietnam } from '../../app/domain/dates'
import { countsByAgency, listTasks, overdueList, PAGE_SIZE, type TaskFilters } from '../../app/models/task.server'
import { reportProgress } from '../../app/services/task-workflow.server'
import { freshDb } from '../support/db'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'

const today = todayInVietnam()
const office = { role: 'office' as const, agencyId: null }

describe('task list on synthetic data', async () => {
  const { db } = freshDb()
  await seedSynthetic(db, 4000, { today, seed: 11 })
  const all = db.$client.prepare('select id, status, due_on dueOn, completed_on completedOn, rollup_agency_id rollup from tasks').all() as Array<{ id: number; status: 'open' | 'pending' | 'completed' | 'cancelled'; dueOn: string | null; completedOn: string | null; rollup: number }>
  const byCategory = (c: TaskCategory) => all.filter((t) => categorize(t, today) === c).length

  it.each(['done_on_time', 'done_late', 'in_progress', 'overdue', 'standing'] as TaskCategory[])('the %s total equals a direct count', (category) => {
    const page = listTasks(db, office, { category }, today)
    expect(page.total).toBe(byCategory(category))
    expect(page.rows.every((r) => r.category === category)).toBe(true)
  })

  it('the unfiltered total and the per-agency counts match the rows', () => {
    expect(listTasks(db, office, {}, today).total).toBe(all.length)
    const counts = countsByAgency(db, office, today)
    const overdueByAgency = new Map<number, number>()
    for (const t of all) if (categorize(t, today) === 'overdue') overdueByAgency.set(t.rollup, (overdueByAgency.get(t.rollup) ?? 0) + 1)
    for (const [agency, n] of overdueByAgency) expect(counts.get(agency)?.overdue).toBe(n)
  })

  it('a deadline range and an agency filter count what they show', () => {
    const from = addDays(today, -60)
    const to = addDays(today, 60)
    const filters: TaskFilters = { dueFrom: from, dueTo: to }
    const direct = all.filter((t) => t.dueOn != null && t.dueOn >= from && t.dueOn <= to).length
    expect(listTasks(db, office, filters, today).total).toBe(direct)
    const rollup = all[0].rollup
    const directAgency = (db.$client.prepare('select count(distinct t.id) n from tasks t join task_agencies ta on ta.task_id = t.id where ta.agency_id = ?').get(rollup) as { n: number }).n
    expect(listTasks(db, office, { agencyIds: [rollup] }, today).total).toBe(directAgency)
  })

  it('pages are ordered by deadline, standing tasks last, without overlap', () => {
    const first = listTasks(db, office, {}, today, 1)
    const second = listTasks(db, office, {}, today, 2)
    expect(first.rows).toHaveLength(PAGE_SIZE)
    const dues = first.rows.map((r) => r.dueOn ?? '9999-12-31')
    expect([...dues].sort()).toEqual(dues)
    expect(first.rows.some((r) => second.rows.some((s) => s.id === r.id))).toBe(false)
  })

  it('the overdue list groups by agency, longest overdue first', () => {
    const list = overdueList(db, office, {}, today)
    expect(list.totalTasks).toBe(byCategory('overdue'))
    const maxima = list.groups.map((g) => g.maxDaysOverdue)
    expect([...maxima].sort((a, b) => b - a)).toEqual(maxima)
    for (const g of list.groups) expect(g.tasks.every((t) => t.rollupAgencyId === g.agencyId && t.category === 'overdue')).toBe(true)
  })
})

describe('free-text search ignores diacritics and case', () => {
  it('"bo noi vu" finds Bộ Nội vụ; "đ" and "d" match each other; the delay reason shows in the list', async () => {
    const { db } = freshDb()
    const officeUser = await makeUser(db, 'office', 'VPCP')
    const officer = await makeUser(db, 'agency', 'BNV')
    const d = makeDirective(db, officeUser, { issuedOn: '2024-01-10' })
    makeItem(db, officeUser, d, { content: 'Đẩy mạnh số hóa hồ sơ', leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: '2024-03-31' } })
    makeItem(db, officeUser, d, { content: 'Rà soát thủ tục', leads: ['BCA'], supports: [], deadline: { kind: 'date', dueOn: '2024-03-31' } })
    const asOf = '2024-04-15'
    expect(listTasks(db, office, { q: 'bo noi vu' }, asOf).rows.map((r) => r.leadName)).toEqual(['Bộ Nội vụ'])
    expect(listTasks(db, office, { q: 'BỘ NỘI VỤ' }, asOf).total).toBe(1)
    expect(listTasks(db, office, { q: 'day manh so hoa' }, asOf).total).toBe(1)
    expect(listTasks(db, office, { q: 'đẩy mạnh' }, asOf).total).toBe(1)
    expect(listTasks(db, office, { q: 'ra soat thu tuc bo cong an' }, asOf).total).toBe(1)
    expect(listTasks(db, office, { q: 'khong co gi' }, asOf).total).toBe(0)
    expect(listTasks(db, office, { q: '"noi vu"' }, asOf).total).toBe(1)
    expect(listTasks(db, office, { q: '"vu noi"' }, asOf).total).toBe(0)
    const taskId = listTasks(db, office, { q: 'bo noi vu' }, asOf).rows[0].id
    reportProgress(db, officer, taskId, { percent: 30, note: 'Đang làm', delayReason: 'Chờ ý kiến thẩm định' }, new Date('2024-04-15T03:00:00Z'))
    expect(listTasks(db, office, { agencyIds: [agencyId(db, 'BNV')] }, asOf).rows[0].delayReason).toBe('Chờ ý kiến thẩm định')
    expect(db.select({ n: sql<number>`count(*)` }).from(sql`tasks_fts`).get()?.n).toBeGreaterThan(0)
  })
})
