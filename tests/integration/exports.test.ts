// The export downloads, opened with reader libraries (exceljs; the .docx's XML) and checked against direct SQL counts.
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { closeDb } from '../../db/client'
import { settings } from '../../db/schema'
import { seedSynthetic } from '../../db/seed/synthetic'
import { formatNumber } from '../../app/domain/categories'
import { formatVnDate, todayInVietnam } from '../../app/domain/dates'
import { listAllTasks } from '../../app/models/task-export.server'
import { loader } from '../../app/routes/export.$file'
import { agencyId, makeUser } from '../support/factories'
import { args, countRows, getRequest, settle, signIn, useFreshAppDb, type TestSession } from '../support/routes'

const today = todayInVietnam()

async function download(path: string, session: TestSession | null): Promise<Response> {
  const file = /^\/export\/([^?]+)/.exec(path)![1]
  return settle(() => loader(args(getRequest(path, session), { file })))
}

async function workbook(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
  return wb
}

async function documentXml(res: Response): Promise<string> {
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  return strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml'])
}

/** The header row's number and the data rows under it, up to the totals row (or the end). */
function dataRows(ws: ExcelJS.Worksheet): { header: ExcelJS.Row; rows: ExcelJS.Row[]; totals: ExcelJS.Row | undefined } {
  let header: ExcelJS.Row | undefined
  ws.eachRow((row) => {
    if (!header && row.getCell(1).value === 'STT') header = row
    if (!header && row.getCell(2).value === 'STT') header = row
  })
  expect(header, 'header row').toBeDefined()
  const rows: ExcelJS.Row[] = []
  let totals: ExcelJS.Row | undefined
  for (let r = header!.number + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    if (row.values.length === 0) break
    if ([1, 2].some((c) => row.getCell(c).value === 'Tổng cộng')) {
      totals = row
      break
    }
    rows.push(row)
  }
  return { header: header!, rows, totals }
}

function columnOf(header: ExcelJS.Row, title: string): number {
  let found = 0
  header.eachCell((cell, col) => {
    if (cell.value === title) found = col
  })
  expect(found, `column "${title}"`).toBeGreaterThan(0)
  return found
}

/** The visible text of each table row of a .docx, cells joined by '|'. */
function tableRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) =>
    [...m[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('|'),
  )
}

describe('exports of the lists', async () => {
  const { db } = useFreshAppDb()
  await seedSynthetic(db, 2500, { today, seed: 5 })
  const office = await signIn((await makeUser(db, 'office', 'VPCP')).email)
  const leader = await signIn((await makeUser(db, 'leader')).email)
  const officer = await signIn((await makeUser(db, 'agency', 'BNV')).email)
  const bnv = agencyId(db, 'BNV')
  const n = (query: string, ...params: unknown[]) => (db.$client.prepare(query).get(...params) as { n: number }).n
  const OVERDUE = `t.status in ('open','pending') and t.due_on < '${today}'`
  afterAll(() => closeDb())

  it('the task list as .xlsx holds every task the office sees, with real dates, numbers, a filter and totals', async () => {
    const ws = (await workbook(await download('/export/tasks.xlsx', office))).worksheets[0]
    const { header, rows, totals } = dataRows(ws)
    const direct = n(`select count(*) n from tasks t where t.status != 'cancelled'`)
    expect(direct).toBeGreaterThan(2000)
    expect(rows).toHaveLength(direct)
    expect(ws.autoFilter).toBe(`A${header.number}:${ws.getColumn(header.cellCount).letter}${header.number + direct}`)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header.number })
    expect(ws.getCell('A1').value).toBe('VĂN PHÒNG CHÍNH PHỦ')
    expect(ws.getCell('A3').value).toBe(`Số liệu tính đến ngày ${formatVnDate(today)}`)
    const due = columnOf(header, 'Thời hạn')
    const status = columnOf(header, 'Tình trạng')
    const days = columnOf(header, 'Số ngày quá hạn')
    const withDeadline = rows.filter((r) => r.getCell(due).value !== null)
    expect(withDeadline.length).toBe(n(`select count(*) n from tasks t where t.status != 'cancelled' and t.due_on is not null`))
    expect(withDeadline.every((r) => r.getCell(due).value instanceof Date && r.getCell(due).numFmt === 'dd/mm/yyyy')).toBe(true)
    // Rows come in the page's order: by deadline, standing tasks last.
    const dues = withDeadline.map((r) => (r.getCell(due).value as Date).toISOString().slice(0, 10))
    expect([...dues].sort()).toEqual(dues)
    expect(dues[0]).toBe((db.$client.prepare(`select min(due_on) d from tasks where status != 'cancelled'`).get() as { d: string }).d)
    const overdue = rows.filter((r) => r.getCell(status).value === 'Quá hạn')
    expect(overdue).toHaveLength(n(`select count(*) n from tasks t where ${OVERDUE}`))
    expect(overdue.every((r) => typeof r.getCell(days).value === 'number' && (r.getCell(days).value as number) > 0)).toBe(true)
    expect(rows.filter((r) => r.getCell(status).value === 'Hoàn thành đúng hạn')).toHaveLength(
      n(`select count(*) n from tasks t where t.status = 'completed' and t.due_on is not null and t.completed_on <= '${today}' and t.completed_on <= t.due_on`),
    )
    expect(totals?.getCell(1).value).toBe('Tổng cộng')
    expect(totals?.getCell(columnOf(header, 'Nội dung nhiệm vụ')).value).toBe(`${formatNumber(direct)} nhiệm vụ`)
  })

  it('keeps the page filters: an agency subtree and a category', async () => {
    const wb = await workbook(await download('/export/tasks.xlsx?agency=NGHE-AN&category=overdue&page=3', office))
    const { rows } = dataRows(wb.worksheets[0])
    const direct = n(
      `select count(distinct t.id) n from tasks t join task_agencies ta on ta.task_id = t.id join agencies a on a.id = ta.agency_id
       where a.path like (select path from agencies where id = ?) || '%' and ${OVERDUE}`,
      agencyId(db, 'NGHE-AN'),
    )
    expect(direct).toBeGreaterThan(0)
    expect(rows).toHaveLength(direct)
    expect(wb.worksheets[0].getCell('A4').value).toMatch(/^Phạm vi: cơ quan: NGHE-AN \(gồm đơn vị trực thuộc\); tình trạng: Quá hạn\.$/)
  })

  it('gives an agency officer only the tasks of their own agency', async () => {
    const own = n(`select count(distinct t.id) n from tasks t join task_agencies ta on ta.task_id = t.id where ta.agency_id = ? and t.status != 'cancelled'`, bnv)
    const all = n(`select count(*) n from tasks t where t.status != 'cancelled'`)
    expect(own).toBeGreaterThan(0)
    expect(own).toBeLessThan(all)
    const tasks = dataRows((await workbook(await download('/export/tasks.xlsx', officer))).worksheets[0])
    expect(tasks.rows).toHaveLength(own)
    const ownOverdue = n(`select count(distinct t.id) n from tasks t join task_agencies ta on ta.task_id = t.id where ta.agency_id = ? and ${OVERDUE}`, bnv)
    const overdue = dataRows((await workbook(await download('/export/overdue.xlsx', officer))).worksheets[0])
    expect(overdue.rows).toHaveLength(ownOverdue)
    // Asking for another agency's tasks does not widen the scope.
    const other = dataRows((await workbook(await download('/export/tasks.xlsx?agency=BCA', officer))).worksheets[0])
    expect(other.rows.length).toBeLessThanOrEqual(own)
    const docx = tableRows(await documentXml(await download('/export/tasks.docx', officer)))
    expect(docx.length).toBe(1 + 1 + own + 1) // the official heading, the header row, the tasks, totals
  })

  it('the list of agencies with overdue tasks (item 8a) counts each agency like SQL does, in .xlsx and .docx', async () => {
    const byAgency = db.$client
      .prepare(`select a.name name, a.short_name short, count(*) n from tasks t join agencies a on a.id = t.rollup_agency_id where ${OVERDUE} group by t.rollup_agency_id`)
      .all() as Array<{ name: string; short: string; n: number }>
    const total = byAgency.reduce((s, r) => s + r.n, 0)
    expect(total).toBeGreaterThan(10)
    const wb = await workbook(await download('/export/overdue-agencies.xlsx', leader))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['I. Tổng hợp theo cơ quan', 'II. Danh sách nhiệm vụ quá hạn'])
    const summary = dataRows(wb.worksheets[0])
    const name = columnOf(summary.header, 'Cơ quan, đơn vị')
    const count = columnOf(summary.header, 'Số nhiệm vụ quá hạn')
    expect(new Map(summary.rows.map((r) => [r.getCell(name).value, r.getCell(count).value]))).toEqual(new Map(byAgency.map((r) => [r.name, r.n])))
    expect(summary.totals?.getCell(count).value).toBe(total)
    expect(dataRows(wb.worksheets[1]).rows).toHaveLength(total)

    const xml = await documentXml(await download('/export/overdue-agencies.docx', leader))
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(xml).toContain('DANH SÁCH CƠ QUAN, ĐƠN VỊ CÓ NHIỆM VỤ QUÁ HẠN')
    expect(xml).toContain(`Số liệu tính đến ngày ${formatVnDate(today)}`)
    expect(xml).toContain(`có ${formatNumber(byAgency.length)} cơ quan, đơn vị để xảy ra ${formatNumber(total)} nhiệm vụ quá hạn`)
    const rows = tableRows(xml)
    expect(rows.some((r) => r.startsWith(`Tổng cộng||${formatNumber(total)}|`))).toBe(true)
    const worst = [...byAgency].sort((a, b) => b.n - a.n)[0]
    // The task table shows each agency once, as a heading row with its count.
    expect(rows).toContain(`${worst.short} (${formatNumber(worst.n)} nhiệm vụ)`)
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2)
  })

  it('the overdue list as .docx groups tasks under their agency', async () => {
    const rows = tableRows(await documentXml(await download('/export/overdue.docx', office)))
    const total = n(`select count(*) n from tasks t where ${OVERDUE}`)
    const groups = n(`select count(distinct t.rollup_agency_id) n from tasks t where ${OVERDUE}`)
    expect(rows.filter((r) => / \(\d+(\.\d{3})* nhiệm vụ\)$/.test(r) && !r.includes('|'))).toHaveLength(groups)
    expect(rows).toHaveLength(1 + 1 + groups + total + 1)
    expect(rows.at(-1)).toMatch(new RegExp(`^Tổng cộng\\|.*${formatNumber(total)} nhiệm vụ của ${formatNumber(groups)} cơ quan, đơn vị`))
  })

  it('the rates as .xlsx: figures per agency and totals that count every task once', async () => {
    const ws = (await workbook(await download('/export/rates.xlsx', leader))).worksheets[0]
    const { header, rows, totals } = dataRows(ws)
    expect(rows.length).toBeGreaterThan(0)
    const assigned = columnOf(header, 'Được giao')
    const overdue = columnOf(header, 'Quá hạn')
    const rate = columnOf(header, 'Tỷ lệ hoàn thành')
    const all = n(`select count(*) n from tasks t where t.status != 'cancelled'`)
    expect(totals?.getCell(assigned).value).toBe(all)
    expect(totals?.getCell(overdue).value).toBe(n(`select count(*) n from tasks t where ${OVERDUE}`))
    const done = n(`select count(*) n from tasks t where t.status = 'completed' and t.due_on is not null and t.completed_on <= '${today}'`)
    const standing = n(`select count(*) n from tasks t where t.status != 'cancelled' and t.due_on is null`)
    expect(totals?.getCell(rate).value).toBeCloseTo(done / (all - standing), 12)
    expect(totals?.getCell(rate).numFmt).toBe('0.00%')
    const province = rows.find((r) => r.getCell(columnOf(header, 'Cơ quan')).value === 'UBND tỉnh Nghệ An')
    if (province) {
      const id = agencyId(db, 'NGHE-AN')
      const sub = n(`select count(*) n from tasks t join agencies a on a.id = t.rollup_agency_id where a.path like (select path from agencies where id = ?) || '%' and t.status != 'cancelled'`, id)
      expect(province.getCell(assigned).value).toBe(sub)
    }
  })

  it('refuses what it should: logged out, an officer on rates, unknown lists and formats, bad filters', async () => {
    const before = countRows(db, ['tasks', 'history_entries', 'sessions'])
    const out = await download('/export/tasks.xlsx', null)
    expect(out.status).toBe(302)
    expect(out.headers.get('Location')).toMatch(/^\/login\?redirectTo=%2Fexport%2Ftasks\.xlsx/)
    expect((await download('/export/rates.docx', officer)).status).toBe(403)
    for (const path of ['/export/secrets.xlsx', '/export/tasks.pdf', '/export/tasks', '/export/constructor.xlsx', '/export/__proto__.docx']) {
      const res = await download(path, office)
      expect(res.status, path).toBe(404)
      expect(await res.text()).toContain('Không có danh sách hoặc định dạng tệp này')
    }
    const bad = await download('/export/tasks.xlsx?dueFrom=31/02/2024&agency=Bo%20khong%20co', office)
    expect(bad.status).toBe(400)
    const message = await bad.text()
    expect(message).toContain('Hạn từ ngày không hợp lệ')
    expect(message).toContain('Không tìm thấy cơ quan "Bo khong co"')
    expect(countRows(db, ['tasks', 'history_entries', 'sessions'])).toEqual(before)
  })

  it('caps an export and says how many tasks were left out', () => {
    const viewer = { role: 'office' as const, agencyId: null }
    const capped = listAllTasks(db, viewer, {}, today, 100)
    expect(capped.rows).toHaveLength(100)
    expect(capped.truncated).toBe(true)
    expect(capped.total).toBe(n(`select count(*) n from tasks t where t.status != 'cancelled'`))
    expect(listAllTasks(db, viewer, { category: 'overdue' }, today).truncated).toBe(false)
  })
})

describe('the issuing office set by an admin', () => {
  it('heads the files, on two lines: the superior body, then the office in bold', async () => {
    const { db } = useFreshAppDb()
    db.insert(settings).values({ key: 'issuingOffice', value: 'Ủy ban nhân dân tỉnh Nghệ An\nVăn phòng' }).run()
    const leader = await signIn((await makeUser(db, 'leader')).email)
    const ws = (await workbook(await download('/export/overdue-agencies.xlsx', leader))).worksheets[0]
    expect([ws.getCell('A1').value, ws.getCell('A2').value]).toEqual(['Ủy ban nhân dân tỉnh Nghệ An', 'Văn phòng'])
    expect(ws.getCell('A2').font?.bold).toBe(true)
    const xml = await documentXml(await download('/export/overdue-agencies.docx', leader))
    expect(xml).toContain('ỦY BAN NHÂN DÂN TỈNH NGHỆ AN')
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>VĂN PHÒNG<\/w:t>/)
    expect(xml).not.toContain('VĂN PHÒNG CHÍNH PHỦ')
    closeDb()
    db.$client.close()
  })
})

describe('exports of an empty list', () => {
  it('are valid files with their headings', async () => {
    const { db } = useFreshAppDb()
    const office = await signIn((await makeUser(db, 'office', 'VPCP')).email)
    for (const list of ['tasks', 'overdue', 'overdue-agencies', 'rates']) {
      const wb = await workbook(await download(`/export/${list}.xlsx`, office))
      const { rows, totals } = dataRows(wb.worksheets[0])
      expect(rows, list).toHaveLength(0)
      expect(totals?.getCell(1).value ?? totals?.getCell(2).value, list).toBe('Tổng cộng')
      const xml = await documentXml(await download(`/export/${list}.docx`, office))
      expect(xml).toContain('Số liệu tính đến ngày')
      expect(tableRows(xml)).toContain('Không có số liệu.')
    }
    closeDb()
    db.$client.close()
  })
})
