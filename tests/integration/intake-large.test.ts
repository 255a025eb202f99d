// A large intake confirmation (a 40-item conclusion to every ministry and province, 1,000+ tasks): exact counts, a
// valid history chain and search index, and nothing saved when it fails half-way.
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { AGENCIES } from '../../db/reference/agencies'
import type { AgencyKind } from '../../db/reference/types'
import { historyEntries, taskAgencies, tasks } from '../../db/schema'
import { verifyHistoryChain } from '../../app/services/history.server'
import { confirmIntake, IntakeValidationError } from '../../app/services/intake.server'
import { addItem, buildSearchText } from '../../app/services/register.server'
import { foldVietnamese } from '../../app/domain/text'
import { freshDb } from '../support/db'
import { makeDirective, makeUser } from '../support/factories'
import { syntheticConclusion } from '../support/intake-drafts'
import { countRows } from '../support/routes'

const TABLES = ['directives', 'directive_items', 'tasks', 'task_agencies', 'agency_aliases', 'history_entries', 'tasks_fts_docsize']
const ISSUED_ON = '2024-03-15'

let db: Db
let office: Awaited<ReturnType<typeof makeUser>>

beforeEach(async () => {
  db = freshDb().db
  office = await makeUser(db, 'office', 'VPCP')
})
afterEach(() => db.$client.close())

/** Counted from the reference list, not through the register: the agencies of these kinds that existed that day. */
function existingOn(kinds: AgencyKind[], date: string): number {
  return AGENCIES.filter((a) => kinds.includes(a.kind) && (!a.validFrom || a.validFrom <= date) && (!a.validTo || a.validTo >= date)).length
}

const revision = () => (db.$client.prepare('select tasks from data_revision').get() as { tasks: number }).tasks
const chainHead = () => db.$client.prepare('select id, hash from history_entries order by id desc limit 1').get()
/** FTS5 checks its index against the tasks table and throws if they differ. */
const checkSearchIndex = () => db.$client.prepare("insert into tasks_fts(tasks_fts, rank) values ('integrity-check', 1)").run()

function expectIntact(before: { rows: Record<string, number>; revision: number; head: unknown }) {
  expect(countRows(db, TABLES)).toEqual(before.rows)
  expect(revision()).toBe(before.revision)
  expect(chainHead()).toEqual(before.head)
  expect(verifyHistoryChain(db).ok).toBe(true)
  checkSearchIndex()
}

const snapshot = () => ({ rows: countRows(db, TABLES), revision: revision(), head: chainHead() })

describe('confirming a 40-item conclusion to every ministry and province', () => {
  it('creates exactly the expected tasks, agencies and history entries, in a valid chain and search index', () => {
    const provinces = existingOn(['province'], ISSUED_ON)
    const ministries = existingOn(['ministry', 'ministerial_agency'], ISSUED_ON)
    expect(provinces).toBe(63)
    // 10 items to every province, 10 to every ministry, 5 to two co-leads, 5 to a named list of 8 ministries each
    // on its own, 10 quarterly duties from Q1/2024 to Q4/2026 (12 periods).
    const expectedTasks = 10 * provinces + 10 * ministries + 5 * 1 + 5 * 8 + 10 * 12
    expect(expectedTasks).toBeGreaterThan(1000)
    const before = snapshot()

    const { directiveId, taskCount } = confirmIntake(db, office, syntheticConclusion())

    expect(taskCount).toBe(expectedTasks)
    const rows = countRows(db, TABLES)
    expect(rows.directives - before.rows.directives).toBe(1)
    expect(rows.directive_items - before.rows.directive_items).toBe(40)
    expect(rows.tasks - before.rows.tasks).toBe(expectedTasks)
    expect(rows.tasks_fts_docsize - before.rows.tasks_fts_docsize).toBe(expectedTasks)
    // One entry for the directive, one per item, one per task.
    expect(rows.history_entries - before.rows.history_entries).toBe(1 + 40 + expectedTasks)
    // Every insert into tasks and task_agencies moved the data revision once.
    expect(revision() - before.revision).toBe(expectedTasks + (rows.task_agencies - before.rows.task_agencies))

    // Each task has its one assignment entry, and the agencies it names are exactly the task's rows.
    const assigned = db.select().from(historyEntries).where(eq(historyEntries.action, 'task_assigned')).all()
    const created = db.select({ id: tasks.id, directiveId: tasks.directiveId }).from(tasks).where(eq(tasks.directiveId, directiveId)).all()
    expect(assigned.map((h) => h.taskId).sort((a, b) => a! - b!)).toEqual(created.map((t) => t.id))
    const roles = db.select().from(taskAgencies).all()
    const byTask = new Map<number, string[]>()
    const codeOf = new Map(db.$client.prepare('select id, code from agencies').all().map((r) => [(r as { id: number }).id, (r as { code: string }).code]))
    for (const r of roles) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), `${r.role}:${codeOf.get(r.agencyId)}`])
    for (const h of assigned) {
      const after = JSON.parse(h.after!) as { actingLeads: string[]; supports: string[] }
      expect(byTask.get(h.taskId!)!.sort()).toEqual([...after.actingLeads.map((c) => `lead:${c}`), ...after.supports.map((c) => `support:${c}`)].sort())
    }

    expect(verifyHistoryChain(db)).toMatchObject({ ok: true, checked: rows.history_entries })
    checkSearchIndex()
    // The fan-out is searchable by the province's name, without diacritics.
    const hits = db.$client.prepare(`select count(*) n from tasks_fts where tasks_fts match '"nghe an"'`).get() as { n: number }
    expect(hits.n).toBe(10)
  })

  it('saves nothing when the database refuses the 500th task, and confirms in full afterwards', () => {
    const before = snapshot()
    const maxId = (db.$client.prepare('select coalesce(max(id), 0) m from tasks').get() as { m: number }).m
    // A failure in the middle of the writes (as a full disk or a constraint would raise), after the directive, many
    // items, their tasks, history entries and index rows were written.
    db.$client.exec(`create temp trigger fail_midway after insert on main.tasks when new.id = ${maxId + 500} begin select raise(abort, 'disk full'); end`)
    expect(() => confirmIntake(db, office, syntheticConclusion())).toThrow('disk full')
    expectIntact(before)

    db.$client.exec('drop trigger temp.fail_midway')
    const { taskCount } = confirmIntake(db, office, syntheticConclusion())
    expect(countRows(db, TABLES).tasks - before.rows.tasks).toBe(taskCount)
    expect(countRows(db, TABLES).history_entries - before.rows.history_entries).toBe(1 + 40 + taskCount)
    expect(verifyHistoryChain(db).ok).toBe(true)
    checkSearchIndex()
  })

  it('saves nothing when the register refuses an item half-way, and names its row', () => {
    const draft = syntheticConclusion()
    // Valid for the form, refused by the register (more than 240 monthly periods), after 19 items were written.
    Object.assign(draft.rows[19], { deadlineKind: 'recurring', recurrence: 'monthly', recurringFrom: '15/03/2024', recurringUntil: '31/12/2060', dueDate: '' })
    const before = snapshot()
    let error: unknown
    try {
      confirmIntake(db, office, draft)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(IntakeValidationError)
    expect((error as IntakeValidationError).errors.rows).toEqual({ r20: ['Dòng 20: khoảng thời gian theo dõi quá dài (tối đa 240 kỳ).'] })
    expectIntact(before)
  })

  it('keeps one chain when hand entries and other writes interleave with large confirmations', () => {
    confirmIntake(db, office, syntheticConclusion('1/TB-VPCP'))
    const directiveId = makeDirective(db, office)
    const { taskIds } = addItem(db, office, directiveId, { ref: '1', content: 'Báo cáo kết quả', leads: ['G-TINH'], supports: ['BNV'], deadline: { kind: 'date', dueOn: '2024-06-30' } })
    expect(taskIds.length).toBe(existingOn(['province'], '2024-01-10'))
    confirmIntake(db, office, syntheticConclusion('2/TB-VPCP'))
    expect(verifyHistoryChain(db).ok).toBe(true)
    checkSearchIndex()
  })
})

describe('an item that fans out into more tasks than one insert holds', () => {
  it('gives every task its own agencies and history entry (1,512 tasks: every province, monthly for two years)', () => {
    const directiveId = makeDirective(db, office)
    const { taskIds } = addItem(db, office, directiveId, {
      ref: '1',
      content: 'Báo cáo tình hình giải ngân vốn đầu tư công',
      leads: ['G-TINH'],
      supports: ['BTC'],
      deadline: { kind: 'recurring', recurrence: 'monthly', recurringFrom: '2024-01-10', recurringUntil: '2025-12-31' },
    })
    const provinces = existingOn(['province'], '2024-01-10')
    expect(taskIds.length).toBe(24 * provinces)
    expect(new Set(taskIds).size).toBe(taskIds.length)
    const rows = db.$client
      .prepare(
        `select t.id, t.period_key p, t.due_on d, la.code lead, h.after after
         from tasks t join agencies la on la.id = t.lead_agency_id join history_entries h on h.task_id = t.id and h.action = 'task_assigned'
         where t.directive_id = ? order by t.id`,
      )
      .all(directiveId) as Array<{ id: number; p: string; d: string; lead: string; after: string }>
    expect(rows.map((r) => r.id)).toEqual(taskIds)
    const seen = new Set<string>()
    for (const r of rows) {
      const after = JSON.parse(r.after) as { leads: string[]; dueOn: string; supports: string[] }
      expect([after.leads[0], after.dueOn]).toEqual([r.lead, r.d])
      expect(after.supports).toEqual(['BTC'])
      seen.add(`${r.lead}@${r.p}`)
    }
    expect(seen.size).toBe(taskIds.length)
    const roles = db.$client.prepare('select count(*) n from task_agencies where task_id between ? and ?').get(taskIds[0], taskIds.at(-1)) as { n: number }
    expect(roles.n).toBe(2 * taskIds.length)
    expect(verifyHistoryChain(db).ok).toBe(true)
    checkSearchIndex()
  })
})

describe('the search text', () => {
  it('folds part by part exactly as folding the joined parts', () => {
    const cases: Array<Array<string | null | undefined>> = [
      ['Bộ Tài chính', 'BTC', null, '', undefined, 'Kế hoạch & Đầu tư'],
      ['  Đắk  Lắk ', '\t', ' ', 'ĐỒNG THÁP'],
      ['\u200B', 'a\u200Bb', '\u0301dấu đầu', 'Ðà Nẵng'],
      ['ΟΔΟΣ', 'Σ', 'İstanbul', 'Quý II/2024'],
      ['Tháng 12/2024', 'UBND tỉnh\nNghệ An', 'x'],
    ]
    for (const parts of cases) expect(buildSearchText(parts)).toBe(foldVietnamese(parts.filter(Boolean).join(' ')))
  })
})
