// The permission matrix, through the real route loaders and actions called with real Requests, cookies and CSRF tokens.
import { asc, eq } from 'drizzle-orm'
import { closeDb, type Db } from '../../db/client'
import { directives, extensionRequests, progressReports, sessions, taskAgencies, tasks } from '../../db/schema'
import { sessionCookie } from '../../app/services/auth.server'
import { addDays, formatVnDate, todayInVietnam } from '../../app/domain/dates'
import type { WorkflowActor } from '../../app/services/task-workflow.server'
import { proposeCompletion, requestExtension } from '../../app/services/task-workflow.server'
import * as directiveRoute from '../../app/routes/directives.$id'
import * as newDirectiveRoute from '../../app/routes/directives.new'
import * as overdueRoute from '../../app/routes/overdue'
import * as ratesRoute from '../../app/routes/rates'
import * as taskRoute from '../../app/routes/tasks.$id'
import * as taskListRoute from '../../app/routes/tasks._index'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'
import { args, countRows, getRequest, postRequest, settle, signIn, useFreshAppDb, type TestSession } from '../support/routes'

const ROLES = ['admin', 'office', 'lead', 'support', 'outsider', 'leader'] as const
type RoleKey = (typeof ROLES)[number]
const ROLE_SETUP: Record<RoleKey, [role: 'admin' | 'office' | 'agency' | 'leader', agency?: string]> = {
  admin: ['admin'],
  office: ['office'],
  lead: ['agency', 'BNV'], // officer of the task's lead agency
  support: ['agency', 'BTP'], // officer of the task's supporting agency
  outsider: ['agency', 'BCA'], // officer of an agency not on the task
  leader: ['leader'],
}

interface World {
  db: Db
  users: Record<RoleKey, WorkflowActor & { email: string }>
  directiveId: number
  /** Lead BNV, support BTP, due in six months. */
  taskId: number
  /** BCA's own task in another directive. */
  bcaTaskId: number
  overdueBnvTaskId: number
  overdueBcaTaskId: number
}

let w: World

// The routes act as of the real clock, so every date is relative to today in Vietnam.
const TODAY = todayInVietnam()
const ISSUED = addDays(TODAY, -90)
const DUE = addDays(TODAY, 180)
const EXTENDED = addDays(TODAY, 365)
const EDITED = addDays(TODAY, 200)
const NEW_ISSUED = addDays(TODAY, -10)
const ITEM_DUE = addDays(TODAY, 120)

beforeEach(async () => {
  const { db } = useFreshAppDb()
  const users = {} as World['users']
  for (const role of ROLES) users[role] = await makeUser(db, ROLE_SETUP[role][0], ROLE_SETUP[role][1])
  const office = users.office
  const directiveId = makeDirective(db, office, { number: '44/TB-VPCP', issuedOn: ISSUED })
  const taskId = makeItem(db, office, directiveId, { ref: '1', leads: ['BNV'], supports: ['BTP'], deadline: { kind: 'date', dueOn: DUE } }).taskIds[0]
  const overdueBnvTaskId = makeItem(db, office, directiveId, { ref: '2', leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: addDays(TODAY, -30) } }).taskIds[0]
  const other = makeDirective(db, office, { number: '45/TB-VPCP', issuedOn: ISSUED })
  const bcaTaskId = makeItem(db, office, other, { ref: '1', leads: ['BCA'], supports: [], deadline: { kind: 'date', dueOn: DUE } }).taskIds[0]
  const overdueBcaTaskId = makeItem(db, office, other, { ref: '2', leads: ['BCA'], supports: [], deadline: { kind: 'date', dueOn: addDays(TODAY, -60) } }).taskIds[0]
  w = { db, users, directiveId, taskId, bcaTaskId, overdueBnvTaskId, overdueBcaTaskId }
})

afterEach(() => {
  w.db.$client.close()
  closeDb()
})

const taskRow = (id = w.taskId) => w.db.select().from(tasks).where(eq(tasks.id, id)).get()!

/** Everything a task action could change. */
function snapshot() {
  const { db, taskId } = w
  return {
    task: taskRow(),
    agencies: db.select().from(taskAgencies).where(eq(taskAgencies.taskId, taskId)).orderBy(asc(taskAgencies.agencyId)).all(),
    reports: db.select().from(progressReports).where(eq(progressReports.taskId, taskId)).all(),
    extensions: db.select().from(extensionRequests).where(eq(extensionRequests.taskId, taskId)).all(),
    counts: countRows(db, ['directives', 'directive_items', 'tasks', 'task_agencies', 'progress_reports', 'extension_requests', 'history_entries']),
  }
}
type Snapshot = ReturnType<typeof snapshot>

async function as(role: RoleKey): Promise<TestSession> {
  return signIn(w.users[role].email)
}

const postTask = (session: TestSession | null, fields: Record<string, string>, options: { csrf?: string | null; id?: number } = {}) =>
  settle(() => taskRoute.action(args(postRequest(`/tasks/${options.id ?? w.taskId}`, fields, session, options), { id: String(options.id ?? w.taskId) })))

// ---------------------------------------------------------------------------------------------------------------
// The matrix. 200: allowed and done; 403: refused, nothing written. Columns in the order of ROLES.
// ---------------------------------------------------------------------------------------------------------------

type Expect = 200 | 302 | 403
type Row = [admin: Expect, office: Expect, lead: Expect, support: Expect, outsider: Expect, leader: Expect]

//                         admin  office lead  support outsider leader
// prettier-ignore
const VIEW_TASK: Row =    [200,   200,   200,  200,    403,     200] // GET /tasks/:id

// POST /tasks/:id, by intent    admin  office lead  support outsider leader
// prettier-ignore
const TASK_ACTIONS: Record<string, Row> = {
  progress:                    [403,   403,   200,  200,    403,     403],
  complete:                    [403,   403,   200,  403,    403,     403],
  extension:                   [403,   403,   200,  403,    403,     403],
  confirm:                     [403,   200,   403,  403,    403,     403],
  return:                      [403,   200,   403,  403,    403,     403],
  approve_extension:           [403,   200,   403,  403,    403,     403],
  refuse_extension:            [403,   200,   403,  403,    403,     403],
  edit:                        [403,   200,   403,  403,    403,     403],
  cancel:                      [403,   200,   403,  403,    403,     403],
}

//                               admin  office lead  support outsider leader
// prettier-ignore
const NEW_DIRECTIVE_PAGE: Row = [403,   200,   403,  403,    403,     403] // GET /directives/new
// prettier-ignore
const CREATE_DIRECTIVE: Row =   [403,   302,   403,  403,    403,     403] // POST /directives/new (302 to the new directive)
// prettier-ignore
const ADD_ITEM: Row =           [403,   200,   403,  403,    403,     403] // POST /directives/:id intent=add_item
// prettier-ignore
const VIEW_RATES: Row =         [200,   200,   403,  403,    403,     200] // GET /rates
// prettier-ignore
const VIEW_DIRECTIVE: Row =     [200,   200,   200,  200,    403,     200] // GET /directives/:id

interface IntentCase {
  fields: Record<string, string>
  /** Puts the task in the state the intent needs, so that only the role decides the outcome. */
  prepare?: () => void
  /** What the allowed role's request changed. */
  effect: (before: Snapshot, after: Snapshot, role: RoleKey) => void
}

const INTENT_CASES: Record<string, IntentCase> = {
  progress: {
    fields: { percent: '30', note: 'Đã triển khai xây dựng dự thảo' },
    effect: (before, after, role) => {
      expect(after.counts.progress_reports).toBe(before.counts.progress_reports + 1)
      if (role === 'lead') expect(after.task.progressPercent).toBe(30)
      else {
        expect(after.task.progressPercent).toBe(before.task.progressPercent)
        expect(after.agencies.find((a) => a.agencyId === agencyId(w.db, 'BTP'))!.progressPercent).toBe(30)
      }
    },
  },
  complete: {
    fields: { note: 'Đã hoàn thành, gửi kèm báo cáo' },
    effect: (_before, after) => expect(after.task.status).toBe('pending'),
  },
  extension: {
    fields: { proposedDueOn: formatVnDate(EXTENDED), reason: 'Cần thêm thời gian lấy ý kiến' },
    effect: (_before, after) => expect(after.extensions.map((e) => [e.status, e.proposedDueOn])).toEqual([['pending', EXTENDED]]),
  },
  confirm: {
    fields: { note: 'Đạt yêu cầu' },
    prepare: () => proposeCompletion(w.db, w.users.lead, w.taskId, { note: 'Đã hoàn thành' }),
    effect: (_before, after) => expect(after.task.status).toBe('completed'),
  },
  return: {
    fields: { reason: 'Chưa có văn bản kết quả kèm theo' },
    prepare: () => proposeCompletion(w.db, w.users.lead, w.taskId, { note: 'Đã hoàn thành' }),
    effect: (_before, after) => {
      expect(after.task.status).toBe('open')
      expect(after.reports.map((r) => r.status)).toEqual(['returned'])
    },
  },
  approve_extension: {
    fields: { note: '' },
    prepare: () => requestExtension(w.db, w.users.lead, w.taskId, { proposedDueOn: EXTENDED, reason: 'Cần thêm thời gian' }),
    effect: (_before, after) => expect(after.task).toMatchObject({ dueOn: EXTENDED, originalDueOn: DUE, extensionCount: 1 }),
  },
  refuse_extension: {
    fields: { note: 'Không đủ căn cứ gia hạn' },
    prepare: () => requestExtension(w.db, w.users.lead, w.taskId, { proposedDueOn: EXTENDED, reason: 'Cần thêm thời gian' }),
    effect: (before, after) => {
      expect(after.task.dueOn).toBe(before.task.dueOn)
      expect(after.extensions.map((e) => e.status)).toEqual(['refused'])
    },
  },
  edit: {
    fields: { content: 'Nội dung nhiệm vụ đã sửa', dueOn: formatVnDate(EDITED) },
    effect: (_before, after) => expect(after.task).toMatchObject({ content: 'Nội dung nhiệm vụ đã sửa', dueOn: EDITED, originalDueOn: EDITED }),
  },
  cancel: {
    fields: { reason: 'Nhiệm vụ không còn phù hợp' },
    effect: (_before, after) => expect(after.task.status).toBe('cancelled'),
  },
}

const cases = (row: Row) => ROLES.map((role, i) => ({ role, expected: row[i] as number }))

describe('GET /tasks/:id', () => {
  it.each(cases(VIEW_TASK))('$role → $expected', async ({ role, expected }) => {
    const session = await as(role)
    const res = await settle(() => taskRoute.loader(args(getRequest(`/tasks/${w.taskId}`, session), { id: String(w.taskId) })))
    expect(res.status).toBe(expected)
    if (expected === 200) {
      const data = await res.json()
      expect(data.task.id).toBe(w.taskId)
      expect(data.access.canView).toBe(true)
      expect(data.access.canProposeCompletion).toBe(role === 'lead')
      expect(data.access.canDecide).toBe(role === 'office')
    }
  })

  it('answers 404 for a task that does not exist, and for a malformed id', async () => {
    const session = await as('office')
    expect((await settle(() => taskRoute.loader(args(getRequest('/tasks/999999', session), { id: '999999' })))).status).toBe(404)
    expect((await settle(() => taskRoute.loader(args(getRequest('/tasks/1x', session), { id: '1x' })))).status).toBe(404)
  })
})

describe('POST /tasks/:id', () => {
  const matrix = Object.entries(TASK_ACTIONS).flatMap(([intent, row]) => cases(row).map((c) => ({ intent, ...c })))

  it.each(matrix)('$intent by $role → $expected', async ({ intent, role, expected }) => {
    const c = INTENT_CASES[intent]
    c.prepare?.()
    const session = await as(role)
    const before = snapshot()
    const res = await postTask(session, { intent, ...c.fields })
    const after = snapshot()
    expect(res.status).toBe(expected)
    if (expected === 200) {
      expect(await res.json()).toMatchObject({ ok: true, intent })
      expect(after.counts.history_entries).toBeGreaterThan(before.counts.history_entries)
      c.effect(before, after, role)
    } else {
      expect(after).toEqual(before)
    }
  })

  it('an officer of agency A forging a post on agency B’s task gets 403 and changes nothing', async () => {
    const session = await as('lead') // BNV officer
    const otherBefore = taskRow(w.bcaTaskId)
    const counts = countRows(w.db, ['progress_reports', 'history_entries', 'extension_requests'])
    for (const [intent, fields] of [
      ['progress', { percent: '99', note: 'Giả mạo báo cáo' }],
      ['complete', { note: 'Giả mạo hoàn thành' }],
      ['extension', { proposedDueOn: formatVnDate(EXTENDED), reason: 'Giả mạo gia hạn' }],
    ] as const) {
      const res = await postTask(session, { intent, ...fields }, { id: w.bcaTaskId })
      expect(res.status).toBe(403)
    }
    expect(taskRow(w.bcaTaskId)).toEqual(otherBefore)
    expect(countRows(w.db, ['progress_reports', 'history_entries', 'extension_requests'])).toEqual(counts)
  })

  it('an agency officer learns nothing about a task id that does not exist: 403, like a task of another agency', async () => {
    const session = await as('lead')
    const res = await postTask(session, { intent: 'progress', percent: '10', note: 'Thử báo cáo' }, { id: 999999 })
    expect(res.status).toBe(403)
  })

  it('the office editing a task that does not exist gets 404, not a crash', async () => {
    // Fails today: the edit branch of the action dereferences getTaskDetail(...)! before editTask can say "not found".
    const session = await as('office')
    const before = snapshot()
    const res = await postTask(session, { intent: 'edit', content: 'Nội dung nhiệm vụ đã sửa' }, { id: 999999 })
    expect(res.status).toBe(404)
    expect(snapshot()).toEqual(before)
  })

  it.each([
    ['missing', null],
    ['wrong', 'not-the-token'],
    ['empty', ''],
  ])('a %s csrf token → 403 and no change', async (_label, csrf) => {
    const session = await as('lead')
    const before = snapshot()
    const res = await postTask(session, { intent: 'progress', percent: '50', note: 'Báo cáo tiến độ' }, { csrf })
    expect(res.status).toBe(403)
    expect(snapshot()).toEqual(before)
  })

  it('another session’s csrf token → 403 and no change', async () => {
    const lead = await as('lead')
    const second = await as('lead')
    expect(second.csrf).not.toBe(lead.csrf)
    const before = snapshot()
    const res = await postTask(lead, { intent: 'progress', percent: '50', note: 'Báo cáo tiến độ' }, { csrf: second.csrf })
    expect(res.status).toBe(403)
    expect(snapshot()).toEqual(before)
  })

  it('a leader posting confirm on a pending task → 403 and the task stays pending', async () => {
    proposeCompletion(w.db, w.users.lead, w.taskId, { note: 'Đã hoàn thành' })
    const session = await as('leader')
    const before = snapshot()
    const res = await postTask(session, { intent: 'confirm', note: 'Lãnh đạo xác nhận' })
    expect(res.status).toBe(403)
    expect(snapshot()).toEqual(before)
    expect(taskRow().status).toBe('pending')
  })

  it('an unknown intent is refused with 400 and no change', async () => {
    const session = await as('office')
    const before = snapshot()
    const res = await postTask(session, { intent: 'delete_everything' })
    expect(res.status).toBe(400)
    expect(snapshot()).toEqual(before)
  })

  it('invalid form values give 400 with field errors and no change', async () => {
    const session = await as('lead')
    const before = snapshot()
    const res = await postTask(session, { intent: 'progress', percent: '150', note: 'Báo cáo tiến độ' })
    expect(res.status).toBe(400)
    expect((await res.json()).fieldErrors).toHaveProperty('percent')
    expect(snapshot()).toEqual(before)
  })
})

describe('directives', () => {
  const directiveFields = {
    type: 'thong_bao_ket_luan',
    number: '99/TB-VPCP',
    title: 'Kết luận của Phó Thủ tướng',
    issuer: 'Văn phòng Chính phủ',
    signer: 'Người ký',
    issuedOn: formatVnDate(NEW_ISSUED),
    fullText: '',
    monitoringAgency: 'VPCP',
  }

  it.each(cases(CREATE_DIRECTIVE))('POST /directives/new by $role → $expected', async ({ role, expected }) => {
    const session = await as(role)
    const before = countRows(w.db, ['directives', 'history_entries'])
    const res = await settle(() => newDirectiveRoute.action(args(postRequest('/directives/new', directiveFields, session))))
    expect(res.status).toBe(expected)
    if (expected === 302) {
      const created = w.db.select().from(directives).where(eq(directives.number, '99/TB-VPCP')).get()!
      expect(created).toMatchObject({ issuedOn: NEW_ISSUED, createdBy: w.users.office.id })
      expect(res.headers.get('Location')).toBe(`/directives/${created.id}?created=1`)
    } else {
      expect(countRows(w.db, ['directives', 'history_entries'])).toEqual(before)
    }
  })

  it('POST /directives/new with a duplicate number → 400 pointing at the existing directive', async () => {
    const session = await as('office')
    const res = await settle(() => newDirectiveRoute.action(args(postRequest('/directives/new', { ...directiveFields, number: '44/tb-vpcp' }, session))))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, duplicateOf: w.directiveId })
  })

  it.each(cases(NEW_DIRECTIVE_PAGE))('GET /directives/new by $role → $expected', async ({ role, expected }) => {
    const session = await as(role)
    const res = await settle(() => newDirectiveRoute.loader(args(getRequest('/directives/new', session))))
    expect(res.status).toBe(expected)
  })

  const itemFields = {
    intent: 'add_item',
    ref: '3',
    content: 'Báo cáo kết quả rà soát thủ tục hành chính',
    leads: 'BCA',
    supports: 'BNV; BTP',
    deadlineKind: 'date',
    dueDate: formatVnDate(ITEM_DUE),
    output: 'Báo cáo',
  }

  it.each(cases(ADD_ITEM))('POST /directives/:id add_item by $role → $expected', async ({ role, expected }) => {
    const session = await as(role)
    const before = countRows(w.db, ['directive_items', 'tasks', 'task_agencies', 'history_entries'])
    const res = await settle(() => directiveRoute.action(args(postRequest(`/directives/${w.directiveId}`, itemFields, session), { id: String(w.directiveId) })))
    expect(res.status).toBe(expected)
    const after = countRows(w.db, ['directive_items', 'tasks', 'task_agencies', 'history_entries'])
    if (expected === 200) {
      expect(await res.json()).toMatchObject({ ok: true, intent: 'add_item' })
      expect(after.directive_items).toBe(before.directive_items + 1)
      expect(after.tasks).toBe(before.tasks + 1)
      expect(after.task_agencies).toBe(before.task_agencies + 3)
    } else {
      expect(after).toEqual(before)
    }
  })

  it('POST /directives/:id without a csrf token → 403 even for the office', async () => {
    const session = await as('office')
    const before = countRows(w.db, ['directive_items', 'tasks', 'history_entries'])
    const res = await settle(() => directiveRoute.action(args(postRequest(`/directives/${w.directiveId}`, itemFields, session, { csrf: null }), { id: String(w.directiveId) })))
    expect(res.status).toBe(403)
    expect(countRows(w.db, ['directive_items', 'tasks', 'history_entries'])).toEqual(before)
  })

  it.each(cases(VIEW_DIRECTIVE))('GET /directives/:id by $role → $expected', async ({ role, expected }) => {
    const session = await as(role)
    const res = await settle(() => directiveRoute.loader(args(getRequest(`/directives/${w.directiveId}`, session), { id: String(w.directiveId) })))
    expect(res.status).toBe(expected)
    if (expected === 200) expect((await res.json()).directive.id).toBe(w.directiveId)
  })
})

describe('GET /rates', () => {
  it.each(cases(VIEW_RATES))('$role → $expected', async ({ role, expected }) => {
    const session = await as(role)
    const res = await settle(() => ratesRoute.loader(args(getRequest('/rates', session))))
    expect(res.status).toBe(expected)
    if (expected === 200) {
      const data = await res.json()
      const bnv = data.rows.find((r: { code: string }) => r.code === 'BNV')
      // n = [assigned, done on time, done late, in progress, overdue, standing]
      expect(bnv.n[0]).toBe(2)
    }
  })
})

describe('task list scope', () => {
  const listIds = async (session: TestSession, query = '') => {
    const res = await settle(() => taskListRoute.loader(args(getRequest(`/tasks${query}`, session))))
    expect(res.status).toBe(200)
    return ((await res.json()).rows as Array<{ id: number }>).map((r) => r.id).sort((a, b) => a - b)
  }

  it('an agency officer sees only the tasks of their own agency, lead or support', async () => {
    expect(await listIds(await as('lead'))).toEqual([w.taskId, w.overdueBnvTaskId].sort((a, b) => a - b))
    expect(await listIds(await as('support'))).toEqual([w.taskId])
    expect(await listIds(await as('outsider'))).toEqual([w.bcaTaskId, w.overdueBcaTaskId].sort((a, b) => a - b))
  })

  it('?agency=OTHER does not widen an agency officer’s scope', async () => {
    // The filter itself works: the office gets BCA's tasks with it.
    expect(await listIds(await as('office'), '?agency=BCA')).toEqual([w.bcaTaskId, w.overdueBcaTaskId].sort((a, b) => a - b))
    const lead = await as('lead')
    for (const query of ['?agency=BCA', '?agency=bca', '?agency=CP', '?agency=BCA&category=overdue', '?q=' + encodeURIComponent('45/TB-VPCP')]) {
      const ids = await listIds(lead, query)
      expect(ids).not.toContain(w.bcaTaskId)
      expect(ids).not.toContain(w.overdueBcaTaskId)
    }
    // With the parent agency, only the officer's own tasks remain.
    expect(await listIds(lead, '?agency=CP')).toEqual([w.taskId, w.overdueBnvTaskId].sort((a, b) => a - b))
  })

  it('the overdue list of an agency officer holds only their agency’s tasks', async () => {
    const overdue = async (session: TestSession, query = '') => {
      const res = await settle(() => overdueRoute.loader(args(getRequest(`/overdue${query}`, session))))
      expect(res.status).toBe(200)
      return (await res.json()) as { totalTasks: number; groups: Array<{ agencyCode: string; tasks: Array<{ id: number }> }> }
    }
    const office = await overdue(await as('office'))
    expect(office.totalTasks).toBe(2)
    expect(office.groups.map((g) => g.agencyCode).sort()).toEqual(['BCA', 'BNV'])
    for (const query of ['', '?agency=BCA']) {
      const mine = await overdue(await as('lead'), query)
      expect(mine.groups.flatMap((g) => g.tasks.map((t) => t.id))).not.toContain(w.overdueBcaTaskId)
    }
    const mine = await overdue(await as('lead'))
    expect(mine.totalTasks).toBe(1)
    expect(mine.groups.map((g) => g.agencyCode)).toEqual(['BNV'])
  })
})

describe('unauthenticated requests', () => {
  const expectLoginRedirect = (res: Response, path: string) => {
    expect(res.status).toBe(302)
    const location = res.headers.get('Location') ?? ''
    expect(location.startsWith('/login')).toBe(true)
    expect(new URL(location, 'http://localhost').searchParams.get('redirectTo')).toBe(path)
  }

  it('loaders redirect to /login, remembering the page', async () => {
    expectLoginRedirect(await settle(() => taskRoute.loader(args(getRequest(`/tasks/${w.taskId}`), { id: String(w.taskId) }))), `/tasks/${w.taskId}`)
    expectLoginRedirect(await settle(() => taskListRoute.loader(args(getRequest('/tasks?agency=BNV')))), '/tasks?agency=BNV')
    expectLoginRedirect(await settle(() => ratesRoute.loader(args(getRequest('/rates')))), '/rates')
    expectLoginRedirect(await settle(() => overdueRoute.loader(args(getRequest('/overdue')))), '/overdue')
    expectLoginRedirect(await settle(() => directiveRoute.loader(args(getRequest(`/directives/${w.directiveId}`), { id: String(w.directiveId) }))), `/directives/${w.directiveId}`)
  })

  it('actions redirect to /login and change nothing', async () => {
    const before = snapshot()
    expectLoginRedirect(await postTask(null, { intent: 'progress', percent: '50', note: 'Báo cáo tiến độ' }, { csrf: 'x' }), `/tasks/${w.taskId}`)
    expectLoginRedirect(await settle(() => newDirectiveRoute.action(args(postRequest('/directives/new', { number: '1/X' })))), '/directives/new')
    expectLoginRedirect(
      await settle(() => directiveRoute.action(args(postRequest(`/directives/${w.directiveId}`, { intent: 'add_item' }), { id: String(w.directiveId) }))),
      `/directives/${w.directiveId}`,
    )
    expect(snapshot()).toEqual(before)
  })

  it('a forged or revoked session cookie is treated as no session', async () => {
    const session = await as('office')
    const forged: TestSession = { ...session, cookie: (await sessionCookie.serialize('made-up-session-id')).split(';')[0] }
    expectLoginRedirect(await settle(() => ratesRoute.loader(args(getRequest('/rates', forged)))), '/rates')
    expect((await settle(() => ratesRoute.loader(args(getRequest('/rates', session))))).status).toBe(200)
    w.db.update(sessions).set({ revokedAt: new Date().toISOString() }).where(eq(sessions.id, session.sessionId)).run()
    expectLoginRedirect(await settle(() => ratesRoute.loader(args(getRequest('/rates', session)))), '/rates')
  })
})
