// End-to-end in real Chromium: a leader and an agency officer click the export links, the browser downloads the
// files, and the files, opened with exceljs and as XML, hold the figures a direct SQL count gives.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { openDatabase } from '../../db/client'
import { seedSynthetic } from '../../db/seed/synthetic'
import { formatVnDate, todayInVietnam } from '../../app/domain/dates'
import { createUser } from '../../app/services/users.server'
import { startE2e, PASSWORD, type E2eApp, shotsDir } from '../support/e2e'

const today = todayInVietnam()
const OVERDUE = `t.status in ('open','pending') and t.due_on < '${today}'`
let app: E2eApp
let base: string
let file: string
let officerAgency = ''
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-e2e-downloads-'))

beforeAll(async () => {
  app = await startE2e('exports', async (db) => {
    await seedSynthetic(db, 1500, { today, seed: 9 })
    await createUser(db, null, { email: 'lanhdao@e2e.example', name: 'Lãnh đạo', role: 'leader', password: PASSWORD, mustChangePassword: false })
    // The officer works for the agency with the most overdue tasks, so that the scoped export has rows to check.
    officerAgency = (
      db.$client
        .prepare(`select a.code from tasks t join task_agencies ta on ta.task_id = t.id join agencies a on a.id = ta.agency_id where ${OVERDUE} group by a.id order by count(*) desc limit 1`)
        .get() as { code: string }
    ).code
    await createUser(db, null, { email: 'canbo@e2e.example', name: 'Cán bộ', role: 'agency', agencyCode: officerAgency, password: PASSWORD, mustChangePassword: false })
  })
  ;({ base, file } = app)
}, 120_000)

afterAll(async () => {
  await app?.stop()
  fs.rmSync(downloads, { recursive: true, force: true })
})

const login = (email: string) => app.login(email)

/** Clicks a download link and returns the saved file and the name the browser proposed. */
async function download(page: Page, linkText: string, nth = 0): Promise<{ bytes: Uint8Array; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkText }).nth(nth).click()])
  const target = path.join(downloads, `${Date.now()}-${dl.suggestedFilename()}`)
  await dl.saveAs(target)
  return { bytes: new Uint8Array(fs.readFileSync(target)), name: dl.suggestedFilename() }
}

function sql<T>(query: string, ...params: unknown[]): T[] {
  const db = openDatabase(file)
  try {
    return db.$client.prepare(query).all(...params) as T[]
  } finally {
    db.$client.close()
  }
}

describe('export links in Chromium', () => {
  it('a leader downloads the list of agencies with overdue tasks from /overdue, as .xlsx and .docx', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.goto(`${base}/overdue`)
    await page.screenshot({ path: path.join(shotsDir, 'exports-overdue-links.png') })
    const expected = sql<{ name: string; n: number }>(`select a.name name, count(*) n from tasks t join agencies a on a.id = t.rollup_agency_id where ${OVERDUE} group by a.id`)
    const total = expected.reduce((s, r) => s + r.n, 0)
    expect(total).toBeGreaterThan(0)

    // The second pair of links on the page is the agencies list.
    const xlsx = await download(page, 'Excel (.xlsx)', 1)
    expect(xlsx.name).toBe(`Danh sách cơ quan có nhiệm vụ quá hạn ${formatVnDate(today).replace(/\//g, '-')}.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as any)
    const ws = wb.worksheets[0]
    const counts = new Map<string, number>()
    let totals: number | null = null
    ws.eachRow((row) => {
      const [stt, name, n] = [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]
      if (typeof stt === 'number' && typeof name === 'string' && typeof n === 'number') counts.set(name, n)
      if (stt === 'Tổng cộng') totals = n as number
    })
    expect(counts).toEqual(new Map(expected.map((r) => [r.name, r.n])))
    expect(totals).toBe(total)
    expect(ws.autoFilter).toBeTruthy()

    const docx = await download(page, 'Word (.docx)', 1)
    expect(docx.name.endsWith('.docx')).toBe(true)
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml'])
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(xml).toContain(`Số liệu tính đến ngày ${formatVnDate(today)}`)
    expect(xml).toContain(`để xảy ra ${total.toLocaleString('vi-VN')} nhiệm vụ quá hạn`)
  })

  it('the rates page keeps its ranking label after hydration and offers its downloads', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.goto(`${base}/rates?sort=overdue`)
    await page.waitForLoadState('networkidle')
    expect(await page.locator('#f-sort option[value=overdue]').textContent()).toBe('Xếp hạng: nhiều quá hạn nhất trước (50 cơ quan)')
    const { bytes } = await download(page, 'Word (.docx)')
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'])
    expect(xml).toContain('TỶ LỆ HOÀN THÀNH NHIỆM VỤ THEO CƠ QUAN')
    expect(xml).toContain('Xếp hạng theo số nhiệm vụ quá hạn, nhiều nhất trước')
  })

  it('an officer downloads the filtered task list with only their agency’s tasks', async () => {
    const page = await login('canbo@e2e.example')
    await page.goto(`${base}/tasks?category=overdue&page=2`)
    const own = sql<{ n: number }>(
      `select count(distinct t.id) n from tasks t join task_agencies ta on ta.task_id = t.id join agencies a on a.id = ta.agency_id where a.code = ? and ${OVERDUE}`,
      officerAgency,
    )[0].n
    const all = sql<{ n: number }>(`select count(*) n from tasks t where ${OVERDUE}`)[0].n
    expect(own).toBeGreaterThan(0)
    expect(own).toBeLessThan(all)
    const { bytes } = await download(page, 'Excel (.xlsx)')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(bytes) as any)
    const ws = wb.worksheets[0]
    let rows = 0
    ws.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') {
        rows++
        expect(row.getCell(9).value).toBe('Quá hạn')
        expect(row.getCell(7).value).toBeInstanceOf(Date)
      }
    })
    expect(rows).toBe(own)
  })
})
