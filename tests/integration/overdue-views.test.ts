// The overdue list's three views through the route module: list, meeting mode, print annex; filters carry over.
import { closeDb } from '../../db/client'
import * as overdueRoute from '../../app/routes/overdue'
import * as settingsRoute from '../../app/routes/admin.settings'
import { overduePrint } from '../../app/models/overdue.server'
import { reportProgress, requestExtension } from '../../app/services/task-workflow.server'
import { readSettings } from '../../app/services/settings.server'
import { makeDirective, makeItem, makeUser } from '../support/factories'
import { args, getRequest, postRequest, settle, signIn, useFreshAppDb } from '../support/routes'

afterEach(() => closeDb())

const at = (d: string) => new Date(`${d}T09:00:00+07:00`)

async function world() {
  const { db } = useFreshAppDb()
  const admin = await makeUser(db, 'admin')
  const office = await makeUser(db, 'office', 'VPCP')
  const leader = await makeUser(db, 'leader')
  const bnv = await makeUser(db, 'agency', 'BNV')
  const bca = await makeUser(db, 'agency', 'BCA')
  const d = makeDirective(db, office, { number: '44/TB-VPCP', issuedOn: '2024-01-10' })
  // BNV: two overdue tasks (the older one first); BCA: one, overdue longer than any of BNV's; BTP: one.
  const bnv1 = makeItem(db, office, d, { ref: '1', content: 'Trình Nghị định về tổ chức bộ máy', leads: ['BNV'], supports: ['BTP'], deadline: { kind: 'date', dueOn: '2024-05-31' } }).taskIds[0]
  const bnv2 = makeItem(db, office, d, { ref: '2', content: 'Báo cáo sơ kết cải cách hành chính', leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: '2024-03-31' } }).taskIds[0]
  const bca1 = makeItem(db, office, d, { ref: '3', content: 'Rà soát thủ tục cư trú', leads: ['BCA'], supports: ['BNV'], deadline: { kind: 'date', dueOn: '2024-02-29' } }).taskIds[0]
  makeItem(db, office, d, { ref: '4', content: 'Hoàn thiện cơ sở dữ liệu hộ tịch', leads: ['BTP'], supports: [], deadline: { kind: 'date', dueOn: '2024-04-30' } })
  reportProgress(db, bnv, bnv1, { percent: 60, note: 'Đã gửi Bộ Tư pháp thẩm định' }, at('2024-05-01'))
  requestExtension(db, bnv, bnv1, { proposedDueOn: '2024-09-30', reason: 'Chờ ý kiến thẩm định của Bộ Tư pháp' }, at('2024-05-02'))
  return { db, admin, office, leader, bnv, bca, tasks: { bnv1, bnv2, bca1 } }
}

async function load(email: string, path: string) {
  const session = await signIn(email)
  const res = await settle(() => overdueRoute.loader(args(getRequest(path, session))))
  expect(res.status).toBe(200)
  return res.json()
}

describe('overdue list views', () => {
  it('the list shows each task’s directive, latest note and pending extension, agencies longest overdue first', async () => {
    const w = await world()
    const d = await load(w.leader.email, '/overdue')
    expect(d.mode).toBe('list')
    expect(d.groups.map((g: any) => g.agencyCode)).toEqual(['BCA', 'BNV', 'BTP'])
    const bnv = d.groups[1]
    expect(bnv.tasks.map((t: any) => t.id)).toEqual([w.tasks.bnv2, w.tasks.bnv1])
    const t = bnv.tasks[1]
    expect(t).toMatchObject({ directiveNumber: '44/TB-VPCP', directiveIssuedOn: '2024-01-10', lastNote: 'Đã gửi Bộ Tư pháp thẩm định', extensionPending: true, progressPercent: 60 })
    expect(t.daysOverdue).toBeGreaterThan(0)
    expect(bnv.tasks[0].extensionPending).toBe(false)
  })

  it('meeting mode shows one agency at a time, by code, and keeps the filters', async () => {
    const w = await world()
    const first = await load(w.leader.email, '/overdue?mode=meeting')
    expect(first.mode).toBe('meeting')
    expect(first.groups).toHaveLength(3)
    expect(first.index).toBe(0)
    expect(first.tasks.map((t: any) => t.id)).toEqual([w.tasks.bca1])
    const second = await load(w.leader.email, '/overdue?mode=meeting&at=BNV')
    expect(second.index).toBe(1)
    expect(second.tasks.map((t: any) => t.id)).toEqual([w.tasks.bnv2, w.tasks.bnv1])
    expect(second.totalTasks).toBe(4)
    // An agency no longer on the list: the first one, with a notice.
    const gone = await load(w.leader.email, '/overdue?mode=meeting&at=KHONGCO')
    expect(gone.index).toBe(0)
    expect(gone.atMissing).toBe(true)
    // The agency filter (with sub-agencies) carries over: only BNV's tasks as lead or support.
    const filtered = await load(w.leader.email, '/overdue?mode=meeting&agency=BNV')
    expect(filtered.query).toBe('agency=BNV')
    expect(filtered.groups.map((g: any) => g.agencyCode)).toEqual(['BCA', 'BNV'])
  })

  it('an officer sees only tasks of their own agency in every view', async () => {
    const w = await world()
    for (const path of ['/overdue', '/overdue?mode=meeting', '/overdue?print=1']) {
      const d = await load(w.bca.email, path)
      const all = path.includes('print') ? d.detailed.flatMap((g: any) => g.tasks) : path.includes('meeting') ? d.tasks : d.groups.flatMap((g: any) => g.tasks)
      expect(all.map((t: any) => t.id), path).toEqual([w.tasks.bca1])
    }
  })

  it('the print view carries the issuing office set by an admin, totals, and the filters', async () => {
    const w = await world()
    const unset = await load(w.leader.email, '/overdue?print=1')
    // Before an admin sets it, the heading falls back to the Government Office (a leader has no agency).
    expect(unset.officeConfigured).toBe(false)
    expect(unset.office).toEqual(['VĂN PHÒNG CHÍNH PHỦ'])
    const admin = await signIn(w.admin.email)
    const save = await settle(() =>
      settingsRoute.action(args(postRequest('/admin/settings', { intent: 'settings', reminderOffsets: '7, 3, 1, 0', escalationWorkingDays: '10', maxExtensions: '2', issuingOffice: 'Văn phòng Chính phủ\r\nCục Kiểm soát thủ tục hành chính' }, admin))),
    )
    expect(save.status).toBe(200)
    expect(readSettings(w.db).issuingOffice).toBe('Văn phòng Chính phủ\nCục Kiểm soát thủ tục hành chính')
    const tooLong = await settle(() =>
      settingsRoute.action(args(postRequest('/admin/settings', { intent: 'settings', reminderOffsets: '7', escalationWorkingDays: '10', maxExtensions: '2', issuingOffice: 'a\nb\nc' }, admin))),
    )
    expect(tooLong.status).toBe(400)
    expect(readSettings(w.db).issuingOffice).toBe('Văn phòng Chính phủ\nCục Kiểm soát thủ tục hành chính')

    const d = await load(w.leader.email, '/overdue?print=1')
    expect(d.mode).toBe('print')
    expect(d.office).toEqual(['Văn phòng Chính phủ', 'Cục Kiểm soát thủ tục hành chính'])
    expect(d.officeConfigured).toBe(true)
    expect(d.totalTasks).toBe(4)
    expect(d.omittedTasks).toBe(0)
    expect(d.detailed.map((g: any) => g.tasks.length)).toEqual([1, 2, 1])
    const filtered = await load(w.leader.email, '/overdue?print=1&agency=BTP')
    // BTP's own task, and BNV's task that BTP supports; BTP's is overdue longer.
    expect(filtered.groups.map((g: any) => g.agencyCode)).toEqual(['BTP', 'BNV'])
  })

  it('a long list prints whole agencies up to the cap and says how many tasks are left to the totals', async () => {
    const w = await world()
    const p = overduePrint(w.db, { role: 'leader', agencyId: null }, {}, '2026-01-01', 2)
    expect(p.detailed.map((g) => g.agencyCode)).toEqual(['BCA'])
    expect(p.omittedTasks).toBe(3)
    expect(p.groups).toHaveLength(3)
    // One agency larger than the cap alone: its longest overdue tasks.
    const one = overduePrint(w.db, { role: 'leader', agencyId: null }, { agencyIds: [w.bnv.agencyId!], dueFrom: '2024-03-01' }, '2026-01-01', 1)
    expect(one.detailed.map((g) => [g.agencyCode, g.count, g.tasks.map((t) => t.id)])).toEqual([['BNV', 2, [w.tasks.bnv2]]])
    expect(one.omittedTasks).toBe(1)
  })

  it('a bad filter is a message, not a crash, in every view', async () => {
    const w = await world()
    for (const path of ['/overdue?agency=Bộ Không Có', '/overdue?mode=meeting&agency=Bộ Không Có', '/overdue?print=1&dueFrom=31/02/2024']) {
      const d = await load(w.leader.email, path)
      expect(d.errors.length, path).toBeGreaterThan(0)
    }
  })
})
