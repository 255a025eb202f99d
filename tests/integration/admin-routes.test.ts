// Admin pages through their route modules: only admins get in; accounts, agencies and the history check work.
import { eq } from 'drizzle-orm'
import { closeDb } from '../../db/client'
import { agencies, users } from '../../db/schema'
import * as agenciesRoute from '../../app/routes/admin.agencies._index'
import * as agencyRoute from '../../app/routes/admin.agencies.$id'
import * as historyRoute from '../../app/routes/admin.history'
import * as rolesRoute from '../../app/routes/admin.roles'
import * as userRoute from '../../app/routes/admin.users.$id'
import * as usersRoute from '../../app/routes/admin.users._index'
import { makeDirective, makeItem, makeUser } from '../support/factories'
import { args, countRows, getRequest, postRequest, settle, signIn, useFreshAppDb } from '../support/routes'

async function world() {
  const { db } = useFreshAppDb()
  const admin = await makeUser(db, 'admin')
  const office = await makeUser(db, 'office', 'VPCP')
  const leader = await makeUser(db, 'leader')
  const officer = await makeUser(db, 'agency', 'BNV')
  return { db, admin, office, leader, officer }
}

afterEach(() => closeDb())

describe('admin pages are for admins only', () => {
  const pages: Array<[string, (a: any) => unknown, Record<string, string>]> = [
    ['/admin/agencies', agenciesRoute.loader, {}],
    ['/admin/agencies/1', agencyRoute.loader, { id: '1' }],
    ['/admin/users', usersRoute.loader, {}],
    ['/admin/users/1', userRoute.loader, { id: '1' }],
    ['/admin/roles', rolesRoute.loader, {}],
    ['/admin/history', historyRoute.loader, {}],
  ]
  it.each(pages)('GET %s', async (path, loader, params) => {
    const w = await world()
    for (const [who, expected] of [[w.admin, 200], [w.office, 403], [w.leader, 403], [w.officer, 403]] as const) {
      const session = await signIn(who.email)
      const res = await settle(() => loader(args(getRequest(path, session), params)))
      expect(res.status, `${who.role} on ${path}`).toBe(expected)
    }
  })
})

describe('accounts', () => {
  it('an admin creates an account with a one-time password that must be changed; an office user cannot', async () => {
    const w = await world()
    const fields = { email: 'moi@bnv.example', name: 'Cán bộ mới', role: 'agency', agencyCode: 'BNV' }
    const officeSession = await signIn(w.office.email)
    const before = countRows(w.db, ['users', 'history_entries'])
    const refused = await settle(() => usersRoute.action(args(postRequest('/admin/users', fields, officeSession))))
    expect(refused.status).toBe(403)
    expect(countRows(w.db, ['users', 'history_entries'])).toEqual(before)

    const adminSession = await signIn(w.admin.email)
    const res = await settle(() => usersRoute.action(args(postRequest('/admin/users', fields, adminSession))))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/)
    const created = w.db.select().from(users).where(eq(users.email, 'moi@bnv.example')).get()!
    expect(created.mustChangePassword).toBe(true)
    expect(created.passwordHash.startsWith('$argon2id$')).toBe(true)
  })

  it('refuses an agency officer without an agency, with a Vietnamese message next to the field', async () => {
    const w = await world()
    const session = await signIn(w.admin.email)
    const res = await settle(() => usersRoute.action(args(postRequest('/admin/users', { email: 'a@b.example', name: 'Người A', role: 'agency', agencyCode: '' }, session))))
    expect(res.status).toBe(400)
    expect((await res.json()).fieldErrors.agencyCode).toContain('phải thuộc một cơ quan')
    expect(w.db.select().from(users).where(eq(users.email, 'a@b.example')).get()).toBeUndefined()
  })

  it('deactivating an account ends its sessions at once', async () => {
    const w = await world()
    const victim = await signIn(w.officer.email)
    const adminSession = await signIn(w.admin.email)
    const res = await settle(() =>
      userRoute.action(args(postRequest(`/admin/users/${w.officer.id}`, { intent: 'save', email: w.officer.email, name: 'Cán bộ', role: 'agency', agencyCode: 'BNV', extraEmails: 'phu@bnv.example' }, adminSession), { id: String(w.officer.id) })),
    )
    expect(res.status).toBe(200)
    const after = await settle(() => rolesRoute.loader(args(getRequest('/admin/roles', victim))))
    expect(after.status).toBe(302)
    expect(w.db.select().from(users).where(eq(users.id, w.officer.id)).get()!.extraEmails).toEqual(['phu@bnv.example'])
  })
})

describe('agencies and history', () => {
  it('an admin renames an agency; a bad parent code is refused and nothing changes', async () => {
    const w = await world()
    const session = await signIn(w.admin.email)
    const bnv = w.db.select().from(agencies).where(eq(agencies.code, 'BNV')).get()!
    const base = { code: 'BNV', name: 'Bộ Nội vụ', shortName: 'Bộ Nội vụ (mới)', kind: 'ministry', parentCode: 'CP', successorCode: '', validTo: '', aliases: 'BNV', emails: 'vanthu@bnv.example.gov.vn', active: 'on' }
    const bad = await settle(() => agencyRoute.action(args(postRequest(`/admin/agencies/${bnv.id}`, { ...base, parentCode: 'KHONG-CO' }, session), { id: String(bnv.id) })))
    expect(bad.status).toBe(400)
    expect((await bad.json()).fieldErrors.parentCode).toContain('Không tìm thấy')
    expect(w.db.select().from(agencies).where(eq(agencies.id, bnv.id)).get()!.shortName).toBe(bnv.shortName)
    const ok = await settle(() => agencyRoute.action(args(postRequest(`/admin/agencies/${bnv.id}`, base, session), { id: String(bnv.id) })))
    expect(ok.status).toBe(200)
    expect(w.db.select().from(agencies).where(eq(agencies.id, bnv.id)).get()!.shortName).toBe('Bộ Nội vụ (mới)')
  })

  it('the history check passes, then names the first entry someone changed behind the app', async () => {
    const w = await world()
    const d = makeDirective(w.db, w.office)
    makeItem(w.db, w.office, d)
    const session = await signIn(w.admin.email)
    const ok = await (await settle(() => historyRoute.action(args(postRequest('/admin/history', {}, session))))).json()
    expect(ok.ok).toBe(true)
    expect(ok.checked).toBeGreaterThan(3)
    const target = w.db.$client.prepare(`select id from history_entries where action = 'task_assigned' limit 1`).get() as { id: number }
    w.db.$client.exec('DROP TRIGGER history_no_update')
    w.db.$client.prepare(`update history_entries set after = '{"dueOn":"2099-01-01"}' where id = ?`).run(target.id)
    const broken = await (await settle(() => historyRoute.action(args(postRequest('/admin/history', {}, session))))).json()
    expect(broken.ok).toBe(false)
    expect(broken.firstBroken.id).toBe(target.id)
    const forged = await settle(() => historyRoute.action(args(postRequest('/admin/history', {}, session, { csrf: 'sai' }))))
    expect(forged.status).toBe(403)
  })
})

describe('jobs and e-mail pages', () => {
  it('only admins see them; "run now" runs the job in the embedded mode and records the run', async () => {
    const jobsRoute = await import('../../app/routes/admin.jobs')
    const outboxRoute = await import('../../app/routes/admin.outbox')
    const w = await world()
    const saved = process.env.REDIS_URL
    delete process.env.REDIS_URL
    const { resetEnvCache } = await import('../../app/lib/env.server')
    resetEnvCache()
    try {
      const office = await signIn(w.office.email)
      expect((await settle(() => jobsRoute.loader(args(getRequest('/admin/jobs', office))))).status).toBe(403)
      expect((await settle(() => outboxRoute.loader(args(getRequest('/admin/outbox', office))))).status).toBe(403)
      const admin = await signIn(w.admin.email)
      const page = await (await settle(() => jobsRoute.loader(args(getRequest('/admin/jobs', admin))))).json()
      expect(page.mode).toBe('inline')
      expect(page.schedules.map((s: { job: string }) => s.job)).toContain('digest')
      const ran = await (await settle(() => jobsRoute.action(args(postRequest('/admin/jobs', { job: 'rollup' }, admin))))).json()
      expect(ran.ok).toBe(true)
      expect(ran.message).toContain('"job":"rollup"')
      const after = await (await settle(() => jobsRoute.loader(args(getRequest('/admin/jobs', admin))))).json()
      expect(after.schedules.find((s: { job: string }) => s.job === 'rollup').last.status).toBe('succeeded')
      const bad = await settle(() => jobsRoute.action(args(postRequest('/admin/jobs', { job: 'xoa-het' }, admin))))
      expect(bad.status).toBe(400)
    } finally {
      if (saved !== undefined) process.env.REDIS_URL = saved
      resetEnvCache()
    }
  })
})

describe('rates from the daily snapshot', () => {
  it('/rates?source=snapshot shows the frozen day, which a later change does not move', async () => {
    const ratesRoute = await import('../../app/routes/rates')
    const { runJob } = await import('../../jobs/run')
    const { todayInVietnam, addDays } = await import('../../app/domain/dates')
    const w = await world()
    const d = makeDirective(w.db, w.office, { issuedOn: addDays(todayInVietnam(), -30) })
    makeItem(w.db, w.office, d, { leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: addDays(todayInVietnam(), -1) } })
    const leader = await signIn(w.leader.email)
    const before = await (await settle(() => ratesRoute.loader(args(getRequest('/rates?source=snapshot', leader))))).json()
    expect(before.source).toBe('live') // no snapshot yet
    await runJob(w.db, 'rollup', new Date())
    makeItem(w.db, w.office, d, { ref: '2', leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: addDays(todayInVietnam(), -1) } })
    const snap = await (await settle(() => ratesRoute.loader(args(getRequest('/rates?source=snapshot', leader))))).json()
    expect(snap.source).toBe('snapshot')
    expect(snap.snapshotDay).toBe(todayInVietnam())
    expect(snap.rows.find((r: { code: string }) => r.code === 'BNV').n[4]).toBe(1) // overdue, frozen
    const live = await (await settle(() => ratesRoute.loader(args(getRequest('/rates', leader))))).json()
    expect(live.rows.find((r: { code: string }) => r.code === 'BNV').n[4]).toBe(2)
  })
})

describe('settings and holidays', () => {
  it('an admin changes reminder days and the holiday calendar; bad values are refused with nothing saved', async () => {
    const settingsRoute = await import('../../app/routes/admin.settings')
    const { readSettings } = await import('../../app/services/settings.server')
    const { loadCalendar } = await import('../../jobs/calendar')
    const w = await world()
    const admin = await signIn(w.admin.email)
    const post = (fields: Record<string, string>) => settle(() => settingsRoute.action(args(postRequest('/admin/settings', fields, admin))))
    const bad = await post({ intent: 'settings', reminderOffsets: '5, ba', escalationWorkingDays: '10', maxExtensions: '2' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).fieldErrors.reminderOffsets).toContain('dấu phẩy')
    expect(readSettings(w.db).reminderOffsets).toEqual([7, 3, 1, 0])
    expect((await post({ intent: 'settings', reminderOffsets: '5, 2, 0', escalationWorkingDays: '15', maxExtensions: '1' })).status).toBe(200)
    expect(readSettings(w.db)).toEqual({ reminderOffsets: [5, 2, 0], escalationWorkingDays: 15, maxExtensions: 1, issuingOffice: '' })
    expect(loadCalendar(w.db).isWorkingDay('2030-03-05')).toBe(true)
    expect((await post({ intent: 'add_holiday', date: '05/03/2030', name: 'Ngày nghỉ thử', kind: 'holiday' })).status).toBe(200)
    expect(loadCalendar(w.db).isWorkingDay('2030-03-05')).toBe(false)
    const badDate = await post({ intent: 'add_holiday', date: '30/02/2030', name: 'Sai', kind: 'holiday' })
    expect(badDate.status).toBe(400)
    expect((await post({ intent: 'remove_holiday', date: '2030-03-05' })).status).toBe(200)
    expect(loadCalendar(w.db).isWorkingDay('2030-03-05')).toBe(true)
    const office = await signIn(w.office.email)
    expect((await settle(() => settingsRoute.action(args(postRequest('/admin/settings', { intent: 'settings', reminderOffsets: '1', escalationWorkingDays: '1', maxExtensions: '0' }, office))))).status).toBe(403)
    expect(readSettings(w.db).maxExtensions).toBe(1)
  })
})
