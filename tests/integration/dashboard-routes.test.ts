// The dashboard, per-directive progress and period report routes: who may see them, and bad input as Vietnamese messages.
import { closeDb } from '../../db/client'
import { addDays, formatVnDate, todayInVietnam } from '../../app/domain/dates'
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import * as dashboardRoute from '../../app/routes/dashboard'
import * as dashboardExport from '../../app/routes/dashboard_.export'
import * as directiveRoute from '../../app/routes/directives.$id'
import * as reportsRoute from '../../app/routes/reports'
import { makeDirective, makeItem, makeUser } from '../support/factories'
import { args, getRequest, settle, signIn, useFreshAppDb } from '../support/routes'

afterEach(() => closeDb())

async function world() {
  const { db } = useFreshAppDb()
  const office = await makeUser(db, 'office', 'VPCP')
  const leader = await makeUser(db, 'leader')
  const officer = await makeUser(db, 'agency', 'BNV')
  const admin = await makeUser(db, 'admin')
  const directiveId = makeDirective(db, office, { number: '44/TB-VPCP', issuedOn: '2024-01-10' })
  makeItem(db, office, directiveId, { leads: ['BNV'], deadline: { kind: 'date', dueOn: '2024-06-30' } })
  makeItem(db, office, directiveId, { ref: '2', leads: ['BCA'], deadline: { kind: 'date', dueOn: addDays(todayInVietnam(), 30) } })
  return { db, office, leader, officer, admin, directiveId }
}

async function dashboard(path: string, email: string) {
  const session = await signIn(email)
  return settle(() => dashboardRoute.loader(args(getRequest(path, session))))
}

describe('/dashboard', () => {
  it('leaders and the office see it; agency officers and admins do not', async () => {
    const w = await world()
    expect((await dashboard('/dashboard', w.leader.email)).status).toBe(200)
    expect((await dashboard('/dashboard', w.office.email)).status).toBe(200)
    expect((await dashboard('/dashboard', w.officer.email)).status).toBe(403)
    expect((await dashboard('/dashboard', w.admin.email)).status).toBe(403)
  })

  it('shows the figures of the chosen scope', async () => {
    const w = await world()
    const all = await (await dashboard('/dashboard', w.leader.email)).json()
    expect(all.result.current.n.assigned).toBe(2)
    expect(all.result.current.n.overdue).toBe(1)
    expect(all.result.trend).toHaveLength(12)
    const bnv = await (await dashboard('/dashboard?scope=agency&agency=BNV', w.leader.email)).json()
    expect(bnv.result.scopeLabel).toContain('Bộ Nội vụ')
    expect(bnv.result.current.n.assigned).toBe(1)
    const directive = await (await dashboard('/dashboard?scope=directive&directive=44%2FTB-VPCP', w.leader.email)).json()
    expect(directive.result.current.n.assigned).toBe(2)
    expect(directive.result.directiveId).toBe(w.directiveId)
  })

  it.each([
    ['/dashboard?scope=planet', 'Phạm vi "planet" không có'],
    ['/dashboard?scope=agency&agency=Bo%20khong%20ton%20tai', 'Không tìm thấy cơ quan "Bo khong ton tai"'],
    ['/dashboard?scope=agency', 'Chưa chọn cơ quan'],
    ['/dashboard?scope=directive&directive=999%2FXX', 'Không tìm thấy văn bản "999/XX"'],
    ['/dashboard?asOf=31%2F02%2F2026', 'Ngày "31/02/2026" không hợp lệ'],
    ['/dashboard?asOf=abc', 'Ngày "abc" không hợp lệ'],
  ])('%s → 400 with a message', async (path, message) => {
    const w = await world()
    const res = await dashboard(path, w.leader.email)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.result).toBeNull()
    expect(body.errors.join(' ')).toContain(message)
  })

  it('an as-of date in the future is refused with a message', async () => {
    const w = await world()
    const tomorrow = formatVnDate(addDays(todayInVietnam(), 1))
    const res = await dashboard(`/dashboard?asOf=${encodeURIComponent(tomorrow)}`, w.leader.email)
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0]).toContain('ở tương lai')
  })

  it('a past as-of date reconstructs the figures and says so', async () => {
    const w = await world()
    const body = await (await dashboard('/dashboard?asOf=01%2F03%2F2024', w.leader.email)).json()
    expect(body.result.current.source).toBe('reconstructed')
    // Both tasks were assigned on 10/01/2024 and both deadlines were ahead: the one overdue today was not yet.
    expect(body.result.current.n.assigned).toBe(2)
    expect(body.result.current.n.inProgress).toBe(2)
    expect(body.result.current.n.overdue).toBe(0)
    const before = await (await dashboard('/dashboard?asOf=09%2F01%2F2024', w.leader.email)).json()
    expect(before.result.current.n.assigned).toBe(0)
  })
})

describe('/dashboard/export', () => {
  it('the .xlsx carries the figures and the trend as numbers and dates; the .docx the same figures', async () => {
    const w = await world()
    const session = await signIn(w.leader.email)
    const res = await settle(() => dashboardExport.loader(args(getRequest('/dashboard/export?format=xlsx', session))))
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
    const cells: unknown[] = []
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)))
    const text = cells.map(String).join('|')
    expect(text).toContain('Được giao|2')
    expect(text).toContain('Quá hạn|1')
    expect(cells.some((v) => v instanceof Date)).toBe(true)
    const docx = await settle(() => dashboardExport.loader(args(getRequest('/dashboard/export?format=docx&scope=agency&agency=BNV', session))))
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']).replace(/<[^>]+>/g, ' ')
    expect(xml).toContain('Bộ Nội vụ')
    expect(xml).toContain('Tổng số nhiệm vụ được giao: 1;')
    expect((await settle(() => dashboardExport.loader(args(getRequest('/dashboard/export?format=pdf', session))))).status).toBe(400)
    const officer = await signIn(w.officer.email)
    expect((await settle(() => dashboardExport.loader(args(getRequest('/dashboard/export?format=xlsx', officer))))).status).toBe(403)
  })
})

describe('/directives/:id progress', () => {
  it('lists each lead agency with its counts; an officer sees only their agency', async () => {
    const w = await world()
    const leader = await signIn(w.leader.email)
    const body = await (await settle(() => directiveRoute.loader(args(getRequest(`/directives/${w.directiveId}`, leader), { id: String(w.directiveId) })))).json()
    expect(body.progress.rows.map((r: { code: string }) => r.code).sort()).toEqual(['BCA', 'BNV'])
    expect(body.progress.total.assigned).toBe(2)
    const officer = await signIn(w.officer.email)
    const mine = await (await settle(() => directiveRoute.loader(args(getRequest(`/directives/${w.directiveId}`, officer), { id: String(w.directiveId) })))).json()
    expect(mine.progress.rows.map((r: { code: string }) => r.code)).toEqual(['BNV'])
  })
})

describe('/reports', () => {
  async function reports(path: string, email: string) {
    const session = await signIn(email)
    return settle(() => reportsRoute.loader(args(getRequest(path, session))))
  }

  it('reports a past half-year by group with the summary sentence', async () => {
    const w = await world()
    const res = await reports('/reports?year=2024&period=h1', w.leader.email)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.report.label).toBe('6 tháng đầu năm 2024')
    expect(body.report.total.n.assigned).toBe(1)
    expect(body.report.groups.map((g: { key: string }) => g.key)).toEqual(['ministries'])
    expect(body.report.summary[0]).toContain('có 1 nhiệm vụ đến hạn; đã hoàn thành 0 nhiệm vụ, đạt tỷ lệ 0,00%')
    expect((await reports('/reports', w.officer.email)).status).toBe(403)
  })

  it.each([
    ['/reports?year=20x4&period=q1', 'Năm "20x4" không hợp lệ'],
    ['/reports?year=2024&period=q5', 'Kỳ báo cáo "q5" không có'],
    [`/reports?year=${Number(todayInVietnam().slice(0, 4)) + 1}&period=y`, 'chưa bắt đầu'],
  ])('%s → 400 with a message', async (path, message) => {
    const w = await world()
    const res = await reports(path, w.leader.email)
    expect(res.status).toBe(400)
    expect((await res.json()).errors.join(' ')).toContain(message)
  })
})
