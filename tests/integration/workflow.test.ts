// Integration tests for the task workflow: progress, completion, extensions, categories and the hash-chained history.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { extensionRequests, historyEntries, progressReports, settings, taskAgencies, tasks } from '../../db/schema'
import { categorize } from '../../app/domain/categories'
import { ConflictError, ForbiddenError, ValidationError } from '../../app/lib/errors'
import { countsByAgency } from '../../app/models/task.server'
import { verifyHistoryChain } from '../../app/services/history.server'
import {
  confirmCompletion,
  decideExtension,
  editTask,
  proposeCompletion,
  reportProgress,
  requestExtension,
  returnCompletion,
  type WorkflowActor,
} from '../../app/services/task-workflow.server'
import { freshDb } from '../support/db'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'
import { countRows } from '../support/routes'

// Instants chosen at 10:00 in Vietnam (03:00 UTC) unless a test is about the day boundary.
const at = (date: string, time = '03:00:00') => new Date(`${date}T${time}Z`)
const WORKFLOW_TABLES = ['tasks', 'task_agencies', 'progress_reports', 'extension_requests', 'history_entries']

let db: Db
let office: WorkflowActor
let leader: WorkflowActor
let lead: WorkflowActor
let support: WorkflowActor
let outsider: WorkflowActor
let taskId: number
let directiveId: number

beforeEach(async () => {
  db = freshDb().db
  office = await makeUser(db, 'office')
  leader = await makeUser(db, 'leader')
  lead = await makeUser(db, 'agency', 'BNV')
  support = await makeUser(db, 'agency', 'BTP')
  outsider = await makeUser(db, 'agency', 'BCA')
  directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
  taskId = makeItem(db, office, directiveId, { leads: ['BNV'], supports: ['BTP'], deadline: { kind: 'date', dueOn: '2024-06-30' } }, at('2024-01-11')).taskIds[0]
})

afterEach(() => {
  db.$client.close()
})

const task = () => db.select().from(tasks).where(eq(tasks.id, taskId)).get()!
const share = (code: string) => db.select().from(taskAgencies).where(and(eq(taskAgencies.taskId, taskId), eq(taskAgencies.agencyId, agencyId(db, code)))).get()!
const taskActions = () =>
  db
    .select({ action: historyEntries.action })
    .from(historyEntries)
    .where(eq(historyEntries.taskId, taskId))
    .orderBy(asc(historyEntries.id))
    .all()
    .map((e) => e.action)

function caught(run: () => unknown): unknown {
  try {
    run()
  } catch (e) {
    return e
  }
  throw new Error('expected the call to throw')
}

/** Asserts that the call throws the given error class and that no workflow table changed. */
function refused(run: () => unknown, kind: new (...args: any[]) => Error): Error {
  const before = countRows(db, WORKFLOW_TABLES)
  const row = task()
  const error = caught(run)
  expect(error).toBeInstanceOf(kind)
  expect(countRows(db, WORKFLOW_TABLES)).toEqual(before)
  expect(task()).toEqual(row)
  return error as Error
}

describe('reportProgress', () => {
  it('the lead agency updates the task; a supporting agency updates only its own share', () => {
    reportProgress(db, lead, taskId, { percent: 40, note: 'Đã xây dựng đề cương' }, at('2024-03-01'))
    expect(task()).toMatchObject({ progressPercent: 40, lastNote: 'Đã xây dựng đề cương', status: 'open' })

    reportProgress(db, support, taskId, { percent: 70, note: 'Đã góp ý dự thảo' }, at('2024-03-02'))
    expect(task()).toMatchObject({ progressPercent: 40, lastNote: 'Đã xây dựng đề cương' })
    expect(share('BTP')).toMatchObject({ progressPercent: 70, lastNote: 'Đã góp ý dự thảo', role: 'support' })
    expect(share('BNV')).toMatchObject({ progressPercent: 0, lastNote: null, role: 'lead' })

    const reports = db.select().from(progressReports).where(eq(progressReports.taskId, taskId)).orderBy(asc(progressReports.id)).all()
    expect(reports.map((r) => [r.agencyId, r.userId, r.kind, r.percent, r.reportedOn])).toEqual([
      [agencyId(db, 'BNV'), lead.id, 'progress', 40, '2024-03-01'],
      [agencyId(db, 'BTP'), support.id, 'progress', 70, '2024-03-02'],
    ])
    expect(taskActions()).toEqual(['task_assigned', 'progress_reported', 'progress_reported'])
  })

  it('is refused to agencies not on the task, to the office and to leaders, and writes nothing', () => {
    for (const actor of [outsider, office, leader]) refused(() => reportProgress(db, actor, taskId, { percent: 10, note: 'Thử báo cáo' }, at('2024-03-01')), ForbiddenError)
  })

  it('asks the lead to propose completion instead of reporting 100%', () => {
    const error = refused(() => reportProgress(db, lead, taskId, { percent: 100, note: 'Đã xong' }, at('2024-03-01')), ValidationError)
    expect((error as ValidationError).fieldErrors).toHaveProperty('percent')
  })

  it('requires a reason for delay on an overdue task, then shows it on the task', () => {
    // 2024-06-30T17:30Z is 00:30 on 1 July in Vietnam: the task is overdue there, whatever UTC says.
    const error = refused(() => reportProgress(db, lead, taskId, { percent: 60, note: 'Đang hoàn thiện' }, at('2024-06-30', '17:30:00')), ValidationError)
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['delayReason'])
    refused(() => reportProgress(db, lead, taskId, { percent: 60, note: 'Đang hoàn thiện', delayReason: '   ' }, at('2024-07-02')), ValidationError)

    reportProgress(db, lead, taskId, { percent: 60, note: 'Đang hoàn thiện', delayReason: 'Chờ ý kiến thẩm định của Bộ Tư pháp' }, at('2024-07-02'))
    expect(task()).toMatchObject({ progressPercent: 60, delayReason: 'Chờ ý kiến thẩm định của Bộ Tư pháp' })
    const raw = db.$client.prepare('select delay_reason from tasks where id = ?').get(taskId) as { delay_reason: string }
    expect(raw.delay_reason).toBe('Chờ ý kiến thẩm định của Bộ Tư pháp')

    // A supporting agency's reason is the task's latest reason too.
    reportProgress(db, support, taskId, { percent: 80, note: 'Đã gửi ý kiến', delayReason: 'Hồ sơ gửi muộn' }, at('2024-07-03'))
    expect(task().delayReason).toBe('Hồ sơ gửi muộn')
  })

  it('does not ask for a reason on the deadline day itself (23:30 in Vietnam)', () => {
    reportProgress(db, lead, taskId, { percent: 90, note: 'Sắp xong' }, at('2024-06-30', '16:30:00'))
    expect(task()).toMatchObject({ progressPercent: 90, delayReason: null })
  })
})

describe('completion', () => {
  it('only the lead agency may propose completion', () => {
    refused(() => proposeCompletion(db, support, taskId, { note: 'Đã xong' }, at('2024-06-20')), ForbiddenError)
    refused(() => proposeCompletion(db, office, taskId, { note: 'Đã xong' }, at('2024-06-20')), ForbiddenError)
    refused(() => proposeCompletion(db, outsider, taskId, { note: 'Đã xong' }, at('2024-06-20')), ForbiddenError)
    proposeCompletion(db, lead, taskId, { note: 'Đã trình Chính phủ', evidenceNumber: '123/TTr-BNV', evidenceDate: '2024-06-19' }, at('2024-06-20'))
    expect(task()).toMatchObject({ status: 'pending', progressPercent: 100 })
  })

  it('only the office may confirm; the completion date is the day of the proposal, done on time', () => {
    proposeCompletion(db, lead, taskId, { note: 'Đã trình Chính phủ', evidenceNumber: '123/TTr-BNV', evidenceDate: '2024-06-19' }, at('2024-06-20'))
    for (const actor of [lead, support, leader]) refused(() => confirmCompletion(db, actor, taskId, '', at('2024-07-10')), ForbiddenError)

    // The office confirms after the deadline; the agency reported on time, so the task is on time.
    confirmCompletion(db, office, taskId, 'Đạt yêu cầu', at('2024-07-10'))
    const t = task()
    expect(t).toMatchObject({ status: 'completed', completedOn: '2024-06-20' })
    expect(categorize(t, '2024-07-10')).toBe('done_on_time')
    // Before the proposal date the completion had not happened yet.
    expect(categorize(t, '2024-06-19')).toBe('in_progress')
    const report = db.select().from(progressReports).where(eq(progressReports.taskId, taskId)).get()!
    expect(report).toMatchObject({ kind: 'completion', status: 'confirmed', decidedBy: office.id, decisionNote: 'Đạt yêu cầu' })
    refused(() => confirmCompletion(db, office, taskId, '', at('2024-07-11')), ConflictError)
  })

  it('a proposal after the deadline needs a reason and is done late', () => {
    const error = refused(() => proposeCompletion(db, lead, taskId, { note: 'Đã xong' }, at('2024-07-05')), ValidationError)
    expect((error as ValidationError).fieldErrors).toHaveProperty('delayReason')
    proposeCompletion(db, lead, taskId, { note: 'Đã xong', delayReason: 'Phải lấy ý kiến rộng rãi' }, at('2024-07-05'))
    confirmCompletion(db, office, taskId, '', at('2024-07-06'))
    const t = task()
    expect(t).toMatchObject({ completedOn: '2024-07-05', delayReason: 'Phải lấy ý kiến rộng rãi' })
    expect(categorize(t, '2024-07-06')).toBe('done_late')
  })

  it('the completion date is the Vietnamese calendar date of the proposal', () => {
    // 16:30 UTC on 30 June is 23:30 in Hà Nội: still on time.
    proposeCompletion(db, lead, taskId, { note: 'Đã xong' }, at('2024-06-30', '16:30:00'))
    confirmCompletion(db, office, taskId, '', at('2024-07-01'))
    expect(task().completedOn).toBe('2024-06-30')
    expect(categorize(task(), '2024-07-01')).toBe('done_on_time')
  })

  it('refuses evidence dated in the future or half-given', () => {
    refused(() => proposeCompletion(db, lead, taskId, { note: 'Đã xong', evidenceNumber: '1/BC', evidenceDate: '2024-06-21' }, at('2024-06-20')), ValidationError)
    refused(() => proposeCompletion(db, lead, taskId, { note: 'Đã xong', evidenceNumber: '1/BC' }, at('2024-06-20')), ValidationError)
    refused(() => proposeCompletion(db, lead, taskId, { note: 'Đã xong', evidenceDate: '2024-06-19' }, at('2024-06-20')), ValidationError)
  })

  it('return requires a reason and reopens the task at the last reported progress', () => {
    reportProgress(db, lead, taskId, { percent: 70, note: 'Đã có dự thảo' }, at('2024-05-01'))
    proposeCompletion(db, lead, taskId, { note: 'Đã xong' }, at('2024-06-10'))
    expect(task().progressPercent).toBe(100)
    refused(() => returnCompletion(db, office, taskId, ' sai ', at('2024-06-11')), ValidationError)
    refused(() => returnCompletion(db, lead, taskId, 'Chưa đủ hồ sơ', at('2024-06-11')), ForbiddenError)

    returnCompletion(db, office, taskId, 'Chưa có văn bản kết quả kèm theo', at('2024-06-11'))
    expect(task()).toMatchObject({ status: 'open', progressPercent: 70, completedOn: null })
    const report = db.select().from(progressReports).where(and(eq(progressReports.taskId, taskId), eq(progressReports.kind, 'completion'))).get()!
    expect(report).toMatchObject({ status: 'returned', decisionNote: 'Chưa có văn bản kết quả kèm theo', decidedBy: office.id })
    refused(() => returnCompletion(db, office, taskId, 'Trả lại lần nữa', at('2024-06-12')), ConflictError)

    // Reopened: the lead can report and propose again; the second proposal's date is the completion date.
    reportProgress(db, lead, taskId, { percent: 95, note: 'Bổ sung hồ sơ' }, at('2024-06-12'))
    proposeCompletion(db, lead, taskId, { note: 'Đã bổ sung', evidenceNumber: '9/BC-BNV', evidenceDate: '2024-06-14' }, at('2024-06-14'))
    confirmCompletion(db, office, taskId, '', at('2024-06-15'))
    expect(task()).toMatchObject({ status: 'completed', completedOn: '2024-06-14' })
  })
})

describe('extensions', () => {
  it('only the lead may ask, before the deadline, for a later date, with a reason', () => {
    refused(() => requestExtension(db, support, taskId, { proposedDueOn: '2024-09-30', reason: 'Cần thêm thời gian' }, at('2024-06-01')), ForbiddenError)
    refused(() => requestExtension(db, office, taskId, { proposedDueOn: '2024-09-30', reason: 'Cần thêm thời gian' }, at('2024-06-01')), ForbiddenError)
    refused(() => requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Cần thêm thời gian' }, at('2024-07-01')), ConflictError)
    refused(() => requestExtension(db, lead, taskId, { proposedDueOn: '2024-06-30', reason: 'Cần thêm thời gian' }, at('2024-06-01')), ValidationError)
    refused(() => requestExtension(db, lead, taskId, { proposedDueOn: '2024-05-30', reason: 'Cần thêm thời gian' }, at('2024-06-01')), ValidationError)
    refused(() => requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'ít' }, at('2024-06-01')), ValidationError)

    // On the deadline day itself it is still "before the deadline".
    const id = requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Cần thêm thời gian' }, at('2024-06-30'))
    expect(db.select().from(extensionRequests).where(eq(extensionRequests.id, id)).get()).toMatchObject({ status: 'pending', currentDueOn: '2024-06-30', proposedDueOn: '2024-09-30' })
    // One pending request at a time.
    refused(() => requestExtension(db, lead, taskId, { proposedDueOn: '2024-10-31', reason: 'Cần thêm thời gian' }, at('2024-06-30')), ConflictError)
  })

  it('approval moves the deadline and keeps the original; refusal needs a reason and changes nothing', () => {
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Chờ luật sửa đổi' }, at('2024-06-01'))
    refused(() => decideExtension(db, lead, taskId, { approve: true, note: '' }, at('2024-06-02')), ForbiddenError)
    refused(() => decideExtension(db, leader, taskId, { approve: true, note: '' }, at('2024-06-02')), ForbiddenError)
    refused(() => decideExtension(db, office, taskId, { approve: false, note: 'Ko' }, at('2024-06-02')), ValidationError)

    decideExtension(db, office, taskId, { approve: true, note: 'Đồng ý' }, at('2024-06-02'))
    expect(task()).toMatchObject({ dueOn: '2024-09-30', originalDueOn: '2024-06-30', extensionCount: 1 })

    requestExtension(db, lead, taskId, { proposedDueOn: '2024-12-31', reason: 'Chờ luật sửa đổi' }, at('2024-08-01'))
    decideExtension(db, office, taskId, { approve: false, note: 'Không có căn cứ gia hạn' }, at('2024-08-02'))
    expect(task()).toMatchObject({ dueOn: '2024-09-30', originalDueOn: '2024-06-30', extensionCount: 1 })
    const statuses = db.select({ s: extensionRequests.status }).from(extensionRequests).where(eq(extensionRequests.taskId, taskId)).orderBy(asc(extensionRequests.id)).all()
    expect(statuses.map((r) => r.s)).toEqual(['approved', 'refused'])
    refused(() => decideExtension(db, office, taskId, { approve: true, note: '' }, at('2024-08-03')), ConflictError)
  })

  it('allows at most two approved extensions by default; the third request is refused', () => {
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Lần thứ nhất' }, at('2024-06-01'))
    decideExtension(db, office, taskId, { approve: true, note: '' }, at('2024-06-02'))
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-12-31', reason: 'Lần thứ hai' }, at('2024-09-01'))
    decideExtension(db, office, taskId, { approve: true, note: '' }, at('2024-09-02'))
    expect(task()).toMatchObject({ dueOn: '2024-12-31', originalDueOn: '2024-06-30', extensionCount: 2 })
    const error = refused(() => requestExtension(db, lead, taskId, { proposedDueOn: '2025-03-31', reason: 'Lần thứ ba' }, at('2024-12-01')), ConflictError)
    expect(error.message).toContain('2')
  })

  it('reads the cap from the settings table', () => {
    db.insert(settings).values({ key: 'maxExtensions', value: 1 }).run()
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Lần thứ nhất' }, at('2024-06-01'))
    decideExtension(db, office, taskId, { approve: true, note: '' }, at('2024-06-02'))
    refused(() => requestExtension(db, lead, taskId, { proposedDueOn: '2024-12-31', reason: 'Lần thứ hai' }, at('2024-09-01')), ConflictError)
  })

  it('approving a request made against an older deadline never moves the deadline earlier', () => {
    // Fails today: decideExtension sets dueOn to the proposed date without comparing it with the deadline in force,
    // so after an office correction to 31/12 an old request for 30/9 shortens the deadline and counts as an extension.
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Chờ luật sửa đổi' }, at('2024-06-01'))
    editTask(db, office, taskId, { content: task().content, dueOn: '2024-12-31', isKey: false, issuedOn: '2024-01-10' }, at('2024-06-02'))
    expect(task()).toMatchObject({ dueOn: '2024-12-31', originalDueOn: '2024-12-31' })
    try {
      decideExtension(db, office, taskId, { approve: true, note: '' }, at('2024-06-03'))
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError)
    }
    expect(task().dueOn).toBe('2024-12-31')
  })

  it('on time against the approved deadline is reported apart from on time against the original one', () => {
    // Task A: extended to 30/9, done on 15/8: on time (approved), late (original).
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Chờ luật sửa đổi' }, at('2024-06-01'))
    decideExtension(db, office, taskId, { approve: true, note: '' }, at('2024-06-02'))
    // Overdue against the original deadline but not against the approved one: no reason needed.
    proposeCompletion(db, lead, taskId, { note: 'Đã xong' }, at('2024-08-15'))
    confirmCompletion(db, office, taskId, '', at('2024-08-16'))
    expect(categorize(task(), '2024-12-31')).toBe('done_on_time')

    // Task B: extended to 31/7, done on 10/8: late against both.
    const b = makeItem(db, office, directiveId, { ref: '2', leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: '2024-06-30' } }, at('2024-01-11')).taskIds[0]
    requestExtension(db, lead, b, { proposedDueOn: '2024-07-31', reason: 'Chờ ý kiến' }, at('2024-06-01'))
    decideExtension(db, office, b, { approve: true, note: '' }, at('2024-06-02'))
    proposeCompletion(db, lead, b, { note: 'Đã xong', delayReason: 'Chậm do chờ ý kiến' }, at('2024-08-10'))
    confirmCompletion(db, office, b, '', at('2024-08-11'))
    const taskB = db.select().from(tasks).where(eq(tasks.id, b)).get()!
    expect(taskB).toMatchObject({ dueOn: '2024-07-31', originalDueOn: '2024-06-30', completedOn: '2024-08-10' })
    expect(categorize(taskB, '2024-12-31')).toBe('done_late')

    // Task C: never extended, done on 20/6: on time against both.
    const c = makeItem(db, office, directiveId, { ref: '3', leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: '2024-06-30' } }, at('2024-01-11')).taskIds[0]
    proposeCompletion(db, lead, c, { note: 'Đã xong' }, at('2024-06-20'))
    confirmCompletion(db, office, c, '', at('2024-06-21'))

    const bnv = agencyId(db, 'BNV')
    const counts = countsByAgency(db, office, '2024-12-31').get(bnv)!
    expect(counts).toMatchObject({ assigned: 3, doneOnTime: 2, doneLate: 1, inProgress: 0, overdue: 0 })
    expect({ completed: counts.doneOnTime + counts.doneLate, onTimeOriginal: counts.doneOnTimeOriginal }).toEqual({ completed: 3, onTimeOriginal: 1 })

    // As of a date before task A's completion, A is still in progress (its approved deadline has not passed).
    expect(countsByAgency(db, office, '2024-08-01').get(bnv)).toMatchObject({ doneOnTime: 1, doneLate: 0, inProgress: 1, overdue: 1 })
  })
})

describe('history', () => {
  it('every step appends entries with the right action names, and the chain verifies', () => {
    reportProgress(db, lead, taskId, { percent: 30, note: 'Khởi động' }, at('2024-02-01'))
    reportProgress(db, support, taskId, { percent: 50, note: 'Góp ý' }, at('2024-02-02'))
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-09-30', reason: 'Chờ luật sửa đổi' }, at('2024-06-01'))
    decideExtension(db, office, taskId, { approve: false, note: 'Chưa đủ căn cứ' }, at('2024-06-02'))
    requestExtension(db, lead, taskId, { proposedDueOn: '2024-08-31', reason: 'Chờ luật sửa đổi' }, at('2024-06-03'))
    decideExtension(db, office, taskId, { approve: true, note: '' }, at('2024-06-04'))
    proposeCompletion(db, lead, taskId, { note: 'Đã xong' }, at('2024-07-01'))
    returnCompletion(db, office, taskId, 'Thiếu văn bản kết quả', at('2024-07-02'))
    proposeCompletion(db, lead, taskId, { note: 'Đã xong', evidenceNumber: '5/BC-BNV', evidenceDate: '2024-07-03' }, at('2024-07-03'))
    confirmCompletion(db, office, taskId, '', at('2024-07-04'))

    expect(taskActions()).toEqual([
      'task_assigned',
      'progress_reported',
      'progress_reported',
      'extension_requested',
      'extension_refused',
      'extension_requested',
      'extension_approved',
      'completion_proposed',
      'completion_returned',
      'completion_proposed',
      'completion_confirmed',
    ])
    const entries = db.select().from(historyEntries).where(eq(historyEntries.taskId, taskId)).orderBy(asc(historyEntries.id)).all()
    expect(entries.map((e) => e.actorId)).toEqual([office.id, lead.id, support.id, lead.id, office.id, lead.id, office.id, lead.id, office.id, lead.id, office.id])
    const approved = entries.find((e) => e.action === 'extension_approved')!
    expect(JSON.parse(approved.before!)).toMatchObject({ dueOn: '2024-06-30', originalDueOn: '2024-06-30' })
    expect(JSON.parse(approved.after!)).toMatchObject({ dueOn: '2024-08-31' })
    expect(approved.at).toBe('2024-06-04T03:00:00.000Z')
    // The only task closes the directive.
    const last = db.select().from(historyEntries).orderBy(asc(historyEntries.id)).all().at(-1)!
    expect(last).toMatchObject({ action: 'directive_closed', directiveId })

    const report = verifyHistoryChain(db)
    expect(report).toMatchObject({ ok: true, firstBroken: null })
    expect(report.checked).toBe(countRows(db, ['history_entries']).history_entries)
  })

  it('the triggers refuse UPDATE and DELETE on history entries', () => {
    const id = (db.$client.prepare('select max(id) as id from history_entries').get() as { id: number }).id
    const before = db.$client.prepare('select * from history_entries where id = ?').get(id)
    expect(() => db.$client.prepare(`update history_entries set "after" = '{"x":1}' where id = ?`).run(id)).toThrow(/append-only/)
    expect(() => db.$client.prepare('delete from history_entries where id = ?').run(id)).toThrow(/append-only/)
    expect(db.$client.prepare('select * from history_entries where id = ?').get(id)).toEqual(before)
    expect(verifyHistoryChain(db).ok).toBe(true)
  })

  it('a changed entry breaks the chain at that entry', () => {
    reportProgress(db, lead, taskId, { percent: 30, note: 'Khởi động' }, at('2024-02-01'))
    reportProgress(db, lead, taskId, { percent: 50, note: 'Tiếp tục' }, at('2024-03-01'))
    const target = db
      .select()
      .from(historyEntries)
      .where(and(eq(historyEntries.taskId, taskId), eq(historyEntries.action, 'progress_reported')))
      .orderBy(asc(historyEntries.id))
      .get()!
    expect(verifyHistoryChain(db).ok).toBe(true)

    db.$client.exec('DROP TRIGGER history_no_update')
    db.$client.prepare(`update history_entries set "after" = ? where id = ?`).run(JSON.stringify({ percent: 90 }), target.id)
    const report = verifyHistoryChain(db)
    expect(report.ok).toBe(false)
    expect(report.firstBroken?.id).toBe(target.id)
  })

  it('a deleted entry breaks the chain at the entry after it', () => {
    reportProgress(db, lead, taskId, { percent: 30, note: 'Khởi động' }, at('2024-02-01'))
    reportProgress(db, lead, taskId, { percent: 50, note: 'Tiếp tục' }, at('2024-03-01'))
    const [first, second] = db
      .select({ id: historyEntries.id })
      .from(historyEntries)
      .where(and(eq(historyEntries.taskId, taskId), eq(historyEntries.action, 'progress_reported')))
      .orderBy(asc(historyEntries.id))
      .all()
    db.$client.exec('DROP TRIGGER history_no_delete')
    db.$client.prepare('delete from history_entries where id = ?').run(first.id)
    const report = verifyHistoryChain(db)
    expect(report.ok).toBe(false)
    expect(report.firstBroken?.id).toBe(second.id)
  })
})
