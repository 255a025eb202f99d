// Integration tests for the directive register: directives, items fanned out into tasks, validation, status changes.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { AGENCIES } from '../../db/reference/agencies'
import { directiveItems, directives, historyEntries, taskAgencies, tasks } from '../../db/schema'
import { ConflictError, ValidationError } from '../../app/lib/errors'
import { addItem, createDirective, setDirectiveStatus } from '../../app/services/register.server'
import { confirmCompletion, proposeCompletion } from '../../app/services/task-workflow.server'
import { freshDb } from '../support/db'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'
import { countRows } from '../support/routes'

const WRITTEN_TABLES = ['directives', 'directive_items', 'tasks', 'task_agencies', 'history_entries']

let db: Db
let office: Awaited<ReturnType<typeof makeUser>>

beforeEach(async () => {
  db = freshDb().db
  office = await makeUser(db, 'office')
})

afterEach(() => {
  db.$client.close()
})

function rolesOf(taskId: number) {
  return db
    .select({ agencyId: taskAgencies.agencyId, role: taskAgencies.role })
    .from(taskAgencies)
    .where(eq(taskAgencies.taskId, taskId))
    .orderBy(asc(taskAgencies.role), asc(taskAgencies.agencyId))
    .all()
}

function taskRow(id: number) {
  return db.select().from(tasks).where(eq(tasks.id, id)).get()!
}

function caught(run: () => unknown): unknown {
  try {
    run()
  } catch (e) {
    return e
  }
  throw new Error('expected the call to throw')
}

describe('createDirective and addItem', () => {
  it('stores the directive, the item, one task with lead and support, and their history', () => {
    const directiveId = makeDirective(db, office, { number: '12/TB-VPCP', issuedOn: '2024-01-10' })
    const { itemId, taskIds } = makeItem(db, office, directiveId, { ref: '6.a', leads: ['BNV'], supports: ['BTP'], deadline: { kind: 'date', dueOn: '2024-06-30' } })

    const directive = db.select().from(directives).where(eq(directives.id, directiveId)).get()!
    expect(directive).toMatchObject({ number: '12/TB-VPCP', status: 'open', monitoringAgencyId: agencyId(db, 'VPCP'), createdBy: office.id })
    const item = db.select().from(directiveItems).where(eq(directiveItems.id, itemId)).get()!
    expect(item).toMatchObject({ directiveId, ref: '6.a', deadlineKind: 'date', dueOn: '2024-06-30', leadCodes: ['BNV'], supportCodes: ['BTP'] })

    expect(taskIds).toHaveLength(1)
    const task = taskRow(taskIds[0])
    expect(task).toMatchObject({
      itemId,
      directiveId,
      leadAgencyId: agencyId(db, 'BNV'),
      rollupAgencyId: agencyId(db, 'BNV'),
      dueOn: '2024-06-30',
      originalDueOn: '2024-06-30',
      status: 'open',
      extensionCount: 0,
    })
    expect(rolesOf(task.id)).toEqual([
      { agencyId: agencyId(db, 'BNV'), role: 'lead' },
      { agencyId: agencyId(db, 'BTP'), role: 'support' },
    ])
    const actions = db.select({ action: historyEntries.action }).from(historyEntries).where(eq(historyEntries.directiveId, directiveId)).orderBy(asc(historyEntries.id)).all()
    expect(actions.map((a) => a.action)).toEqual(['directive_created', 'item_created', 'task_assigned'])
  })

  it('fans a group lead (G-BO-NGANH) out to one task per ministry and ministerial agency valid on the issue date', () => {
    const issuedOn = '2024-01-10'
    const directiveId = makeDirective(db, office, { issuedOn })
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['G-BO-NGANH'], supports: ['VPCP'] })

    // The oracle is the seed list itself, not the database query the service uses.
    const expected = AGENCIES.filter(
      (a) => (a.kind === 'ministry' || a.kind === 'ministerial_agency') && (!a.validFrom || a.validFrom <= issuedOn) && (!a.validTo || a.validTo >= issuedOn),
    ).map((a) => a.code)
    expect(expected.length).toBeGreaterThan(15)
    expect(expected).toContain('BKHDT')
    expect(expected).not.toContain('BNNMT')
    expect(taskIds).toHaveLength(expected.length)

    const leads = taskIds.map((id) => taskRow(id).leadAgencyId)
    expect(new Set(leads).size).toBe(taskIds.length)
    expect([...leads].sort((a, b) => a - b)).toEqual(expected.map((c) => agencyId(db, c)).sort((a, b) => a - b))
    expect(leads).not.toContain(agencyId(db, 'BNNMT'))

    const vpcp = agencyId(db, 'VPCP')
    for (const id of taskIds) {
      const roles = rolesOf(id)
      const leadRows = roles.filter((r) => r.role === 'lead')
      expect(leadRows).toHaveLength(1)
      const task = taskRow(id)
      expect(leadRows[0].agencyId).toBe(task.rollupAgencyId)
      // VPCP is itself a member: on its own task it is the lead, not also a supporter.
      if (task.leadAgencyId === vpcp) expect(roles).toEqual([{ agencyId: vpcp, role: 'lead' }])
      else expect(roles).toContainEqual({ agencyId: vpcp, role: 'support' })
    }

    // A merged ministry keeps its own task, carried by its successor.
    const bkhdtTask = taskIds.map(taskRow).find((t) => t.leadAgencyId === agencyId(db, 'BKHDT'))!
    expect(bkhdtTask.rollupAgencyId).toBe(agencyId(db, 'BTC'))
  })

  it('makes one task with two lead rows for co-leads', () => {
    const directiveId = makeDirective(db, office)
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['BTC', 'BNV'], supports: ['BTP'] })
    expect(taskIds).toHaveLength(1)
    const task = taskRow(taskIds[0])
    expect(task.leadAgencyId).toBe(agencyId(db, 'BTC'))
    const roles = rolesOf(task.id)
    expect(roles.filter((r) => r.role === 'lead').map((r) => r.agencyId).sort((a, b) => a - b)).toEqual([agencyId(db, 'BTC'), agencyId(db, 'BNV')].sort((a, b) => a - b))
    expect(roles.filter((r) => r.role === 'support')).toEqual([{ agencyId: agencyId(db, 'BTP'), role: 'support' }])
  })

  it('makes one task per named agency with perAgency', () => {
    const directiveId = makeDirective(db, office)
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['BTC', 'BNV'], supports: [], perAgency: true })
    expect(taskIds).toHaveLength(2)
    expect(taskIds.map((id) => taskRow(id).leadAgencyId)).toEqual([agencyId(db, 'BTC'), agencyId(db, 'BNV')])
    expect(rolesOf(taskIds[0])).toEqual([{ agencyId: agencyId(db, 'BTC'), role: 'lead' }])
    expect(rolesOf(taskIds[1])).toEqual([{ agencyId: agencyId(db, 'BNV'), role: 'lead' }])
  })

  it('assigns an inactive agency as named, but rolls up and acts through its successor', () => {
    const directiveId = makeDirective(db, office)
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['BKHDT'], supports: [] })
    const task = taskRow(taskIds[0])
    expect(task.leadAgencyId).toBe(agencyId(db, 'BKHDT'))
    expect(task.rollupAgencyId).toBe(agencyId(db, 'BTC'))
    expect(rolesOf(task.id)).toEqual([{ agencyId: agencyId(db, 'BTC'), role: 'lead' }])
  })

  it('creates one task per quarter for a quarterly duty, due at each quarter end', () => {
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-01' })
    const { itemId, taskIds } = makeItem(db, office, directiveId, {
      deadline: { kind: 'recurring', recurrence: 'quarterly', recurringFrom: '2024-01-01', recurringUntil: '2024-12-31' },
    })
    expect(taskIds).toHaveLength(4)
    const rows = taskIds.map(taskRow)
    expect(rows.map((t) => t.periodKey)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'])
    expect(rows.map((t) => t.dueOn)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'])
    expect(rows.map((t) => t.originalDueOn)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'])
    expect(rows.every((t) => t.periodLabel?.startsWith('Quý '))).toBe(true)
    const item = db.select().from(directiveItems).where(eq(directiveItems.id, itemId)).get()!
    expect(item).toMatchObject({ deadlineKind: 'recurring', dueOn: null, recurrence: 'quarterly', recurringFrom: '2024-01-01', recurringUntil: '2024-12-31' })
  })

  it('gives a standing task no deadline', () => {
    const directiveId = makeDirective(db, office)
    const { taskIds } = makeItem(db, office, directiveId, { deadline: { kind: 'standing' } })
    expect(taskIds).toHaveLength(1)
    expect(taskRow(taskIds[0])).toMatchObject({ dueOn: null, originalDueOn: null, periodKey: null })
  })

  it('refuses a deadline before the issue date and writes nothing', () => {
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
    const before = countRows(db, WRITTEN_TABLES)
    const error = caught(() => makeItem(db, office, directiveId, { deadline: { kind: 'date', dueOn: '2024-01-09' } }))
    expect(error).toBeInstanceOf(ValidationError)
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['dueOn'])
    expect(countRows(db, WRITTEN_TABLES)).toEqual(before)
  })

  it('accepts a deadline on the issue date itself', () => {
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
    const { taskIds } = makeItem(db, office, directiveId, { deadline: { kind: 'date', dueOn: '2024-01-10' } })
    expect(taskRow(taskIds[0]).dueOn).toBe('2024-01-10')
  })

  it('refuses an unknown lead agency and writes nothing', () => {
    const directiveId = makeDirective(db, office)
    const before = countRows(db, WRITTEN_TABLES)
    const error = caught(() => makeItem(db, office, directiveId, { leads: ['BNV', 'Bộ Không Tồn Tại'] }))
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fieldErrors).toHaveProperty('leads')
    expect(countRows(db, WRITTEN_TABLES)).toEqual(before)
  })

  it('refuses an unknown supporting agency and writes nothing', () => {
    const directiveId = makeDirective(db, office)
    const before = countRows(db, WRITTEN_TABLES)
    const error = caught(() => makeItem(db, office, directiveId, { supports: ['XYZ-KHONG-CO'] }))
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fieldErrors).toHaveProperty('supports')
    expect(countRows(db, WRITTEN_TABLES)).toEqual(before)
  })

  it('refuses a duplicate number from the same issuer whatever its case and spacing', () => {
    const first = makeDirective(db, office, { number: '44/TB-VPCP', issuer: 'Văn phòng Chính phủ' })
    const before = countRows(db, WRITTEN_TABLES)
    for (const number of ['44/tb-vpcp', ' 44 / TB-VPCP ']) {
      const error = caught(() => makeDirective(db, office, { number, issuer: 'văn phòng chính phủ' }))
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).message).toBe(`duplicate:${first}`)
      expect((error as ValidationError).fieldErrors).toHaveProperty('number')
    }
    expect(countRows(db, WRITTEN_TABLES)).toEqual(before)
    // The same number from another issuer is another document.
    const other = makeDirective(db, office, { number: '44/TB-VPCP', issuer: 'Bộ Nội vụ' })
    expect(other).not.toBe(first)
  })
})

describe('directive status', () => {
  it('cancelling a directive cancels its open and pending tasks and keeps completed ones', async () => {
    const bnv = await makeUser(db, 'agency', 'BNV')
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['BNV', 'BTC', 'BCA'], supports: [], perAgency: true, deadline: { kind: 'date', dueOn: '2024-06-30' } })
    const [done, btcOpen, bcaOpen] = taskIds
    // The BNV task is completed; a second BNV item is left pending confirmation.
    proposeCompletion(db, bnv, done, { note: 'Đã ban hành' }, new Date('2024-05-02T03:00:00Z'))
    confirmCompletion(db, office, done, '', new Date('2024-05-03T03:00:00Z'))
    const { taskIds: [pending] } = makeItem(db, office, directiveId, { ref: '2', leads: ['BNV'], supports: [] })
    proposeCompletion(db, bnv, pending, { note: 'Xong' }, new Date('2024-05-04T03:00:00Z'))
    expect(taskRow(pending).status).toBe('pending')

    setDirectiveStatus(db, office, directiveId, { status: 'cancelled', reason: 'Văn bản bị thu hồi' }, new Date('2024-05-10T03:00:00Z'))

    const directive = db.select().from(directives).where(eq(directives.id, directiveId)).get()!
    expect(directive).toMatchObject({ status: 'cancelled', statusReason: 'Văn bản bị thu hồi' })
    expect(taskRow(done).status).toBe('completed')
    expect(taskRow(btcOpen).status).toBe('cancelled')
    expect(taskRow(bcaOpen).status).toBe('cancelled')
    expect(taskRow(pending).status).toBe('cancelled')
    const cancelledEntries = db
      .select({ taskId: historyEntries.taskId })
      .from(historyEntries)
      .where(and(eq(historyEntries.directiveId, directiveId), eq(historyEntries.action, 'task_cancelled')))
      .all()
    expect(cancelledEntries.map((e) => e.taskId).sort()).toEqual([btcOpen, bcaOpen, pending].sort())
    const last = db.select().from(historyEntries).orderBy(asc(historyEntries.id)).all().at(-1)!
    expect(last.action).toBe('directive_cancelled')

    // A cancelled directive takes no new items, and cannot be cancelled twice.
    expect(caught(() => makeItem(db, office, directiveId, { ref: '3' }))).toBeInstanceOf(ConflictError)
    expect(caught(() => setDirectiveStatus(db, office, directiveId, { status: 'cancelled', reason: 'Lần nữa thôi' }))).toBeInstanceOf(ConflictError)
  })

  it('refuses a cancellation without a reason and changes nothing', () => {
    const directiveId = makeDirective(db, office)
    const { taskIds } = makeItem(db, office, directiveId)
    const before = countRows(db, WRITTEN_TABLES)
    const error = caught(() => setDirectiveStatus(db, office, directiveId, { status: 'cancelled', reason: ' ab ' }))
    expect(error).toBeInstanceOf(ValidationError)
    expect(taskRow(taskIds[0]).status).toBe('open')
    expect(db.select().from(directives).where(eq(directives.id, directiveId)).get()!.status).toBe('open')
    expect(countRows(db, WRITTEN_TABLES)).toEqual(before)
  })

  it('closes the directive by itself once every task is confirmed, and reopens it when an item is added', async () => {
    const bnv = await makeUser(db, 'agency', 'BNV')
    const btc = await makeUser(db, 'agency', 'BTC')
    const directiveId = makeDirective(db, office, { issuedOn: '2024-01-10' })
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['BNV', 'BTC'], supports: [], perAgency: true })
    const status = () => db.select().from(directives).where(eq(directives.id, directiveId)).get()!

    proposeCompletion(db, bnv, taskIds[0], { note: 'Đã xong phần việc' }, new Date('2024-06-20T03:00:00Z'))
    confirmCompletion(db, office, taskIds[0], 'Đạt', new Date('2024-06-21T03:00:00Z'))
    expect(status().status).toBe('open')

    proposeCompletion(db, btc, taskIds[1], { note: 'Đã xong phần việc' }, new Date('2024-06-22T03:00:00Z'))
    expect(status().status).toBe('open')
    confirmCompletion(db, office, taskIds[1], 'Đạt', new Date('2024-06-25T03:00:00Z'))
    expect(status()).toMatchObject({ status: 'closed', closedAt: '2024-06-25T03:00:00.000Z' })
    const closedEntry = db.select().from(historyEntries).where(and(eq(historyEntries.directiveId, directiveId), eq(historyEntries.action, 'directive_closed'))).all()
    expect(closedEntry).toHaveLength(1)

    makeItem(db, office, directiveId, { ref: '2', leads: ['BCA'], supports: [] }, new Date('2024-07-01T03:00:00Z'))
    expect(status()).toMatchObject({ status: 'open', closedAt: null })
    const reopened = db.select().from(historyEntries).where(and(eq(historyEntries.directiveId, directiveId), eq(historyEntries.action, 'directive_reopened'))).all()
    expect(reopened).toHaveLength(1)
  })
})

describe('createDirective', () => {
  it('refuses an unknown monitoring agency and writes nothing', () => {
    const before = countRows(db, WRITTEN_TABLES)
    const error = caught(() =>
      createDirective(db, office, {
        type: 'chi_thi',
        number: '01/CT-UBND',
        title: 'Chỉ thị',
        issuer: 'UBND tỉnh Nghệ An',
        signer: '',
        issuedOn: '2023-12-28',
        fullText: '',
        monitoringAgencyCode: 'KHONG-CO',
      }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fieldErrors).toHaveProperty('monitoringAgencyCode')
    expect(countRows(db, WRITTEN_TABLES)).toEqual(before)
  })

  it('resolves group codes for provincial departments on the issue date', () => {
    const directiveId = makeDirective(db, office, { issuer: 'UBND tỉnh Nghệ An', number: '01/CT-UBND', issuedOn: '2023-12-28' })
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['G-NA-SO-NGANH'], supports: [], deadline: { kind: 'date', dueOn: '2024-02-29' } })
    expect(taskIds.length).toBeGreaterThan(1)
    expect(taskIds.every((id) => taskRow(id).directiveId === directiveId)).toBe(true)
    // Every member is accountable on its own: one lead per task, all distinct.
    const leads = taskIds.map((id) => rolesOf(id).filter((r) => r.role === 'lead'))
    expect(leads.every((l) => l.length === 1)).toBe(true)
    expect(new Set(taskIds.map((id) => taskRow(id).leadAgencyId)).size).toBe(taskIds.length)
    // Nghệ An's Sở Nội vụ is one of them.
    expect(taskIds.map((id) => taskRow(id).leadAgencyId)).toContain(agencyId(db, 'NA-SNV'))
  })
})
