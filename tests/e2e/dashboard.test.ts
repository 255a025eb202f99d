// End-to-end in real Chromium: a leader opens the dashboard, changes the scope, reads the figures and the SVG trend
// chart, opens a directive's progress and the period report, and downloads the report's .docx draft.
import fs from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { loadReferenceData } from '../../db/seed/reference'
import { addDays, todayInVietnam } from '../../app/domain/dates'
import { createUser } from '../../app/services/users.server'
import { makeDirective, makeItem, makeUser } from '../support/factories'
import { startE2e, PASSWORD, type E2eApp, expectText, shot } from '../support/e2e'

let app: E2eApp
let base: string
let file: string
let directive44 = 0

beforeAll(async () => {
  app = await startE2e('dash', async (db) => {
    loadReferenceData(db)
    await createUser(db, null, { email: 'lanhdao@e2e.example', name: 'Lãnh đạo', role: 'leader', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'bnv@e2e.example', name: 'Cán bộ Bộ Nội vụ', role: 'agency', agencyCode: 'BNV', password: PASSWORD, mustChangePassword: false })
    const office = await makeUser(db, 'office', 'VPCP')
    // Four tasks, one in each category as of today.
    directive44 = makeDirective(db, office, { number: '44/TB-VPCP', issuedOn: '2024-01-10' })
    makeItem(db, office, directive44, { ref: '1', leads: ['BNV'], deadline: { kind: 'date', dueOn: '2024-06-30' } }) // overdue
    makeItem(db, office, directive44, { ref: '2', leads: ['BCA'], deadline: { kind: 'date', dueOn: addDays(todayInVietnam(), 30) } }) // in progress
    const { taskIds: onTime } = makeItem(db, office, directive44, { ref: '3', leads: ['BTP'], deadline: { kind: 'date', dueOn: '2024-03-31' } })
    const nghean = makeDirective(db, office, { number: '12/CT-UBND', issuer: 'UBND tỉnh Nghệ An', issuedOn: '2024-05-02' })
    const { taskIds: late } = makeItem(db, office, nghean, { ref: '1', leads: ['NA-SNV'], deadline: { kind: 'date', dueOn: '2024-09-30' } })
    db.$client.prepare("update tasks set status = 'completed', completed_on = '2024-03-20', progress_percent = 100 where id = ?").run(onTime[0])
    db.$client.prepare("update tasks set status = 'completed', completed_on = '2024-10-15', progress_percent = 100 where id = ?").run(late[0])
  })
  ;({ base, file } = app)
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

const login = (email: string) => app.login(email)


const figure = (page: Page, key: string) => page.locator(`[data-figure=${key}]`).innerText()

describe('dashboard, end to end', () => {
  it('shows the system figures, the rates and a real SVG trend chart', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.click('nav >> text=Bảng điều hành')
    await page.waitForURL(/\/dashboard/)
    expect(await figure(page, 'assigned')).toBe('4')
    expect(await figure(page, 'doneOnTime')).toBe('1')
    expect(await figure(page, 'doneLate')).toBe('1')
    expect(await figure(page, 'inProgress')).toBe('1')
    expect(await figure(page, 'overdue')).toBe('1')
    expect(await figure(page, 'completionRate')).toBe('50,00%')
    expect(await figure(page, 'onTimeRate')).toBe('50,00%')
    // The chart: an SVG with axes labels, twelve month labels and the two rate lines.
    const chart = page.locator('svg[data-chart=trend]')
    expect(await chart.count()).toBe(1)
    expect(await chart.locator('path').count()).toBeGreaterThanOrEqual(2)
    expect(await chart.locator('path').first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L/)
    expect(await chart.locator('text', { hasText: '100%' }).count()).toBe(1)
    expect(await page.locator('svg[data-chart=categories] rect').count()).toBeGreaterThan(4)
    expect(await page.locator('[data-testid=trend-table] tbody tr').count()).toBe(12)
    await expectText(page.locator('[data-testid=rank-overdue]'), 'Bộ Nội vụ')
    await shot(page, 'dash-01-system')
    await page.close()
  })

  it('changes the scope to an agency and to a directive, and the figures follow', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.goto(`${base}/dashboard`)
    await page.selectOption('select[name=scope]', 'agency')
    await page.fill('input[name=agency]', 'NGHE-AN')
    await Promise.all([page.waitForURL(/scope=agency/), page.click('main form button[type=submit]')])
    await expectText(page.locator('h1'), 'UBND tỉnh Nghệ An')
    expect(await figure(page, 'assigned')).toBe('1')
    expect(await figure(page, 'doneLate')).toBe('1')
    expect(await figure(page, 'onTimeRate')).toBe('0,00%')
    await shot(page, 'dash-02-agency')

    await page.selectOption('select[name=scope]', 'directive')
    await page.fill('input[name=directive]', '44/TB-VPCP')
    await Promise.all([page.waitForURL(/scope=directive/), page.click('main form button[type=submit]')])
    await expectText(page.locator('h1'), '44/TB-VPCP')
    expect(await figure(page, 'assigned')).toBe('3')
    expect(await figure(page, 'overdue')).toBe('1')

    // A date in the future gets a message, not a crash page.
    await page.fill('input[name=asOf]', '01/01/2200')
    await page.click('main form button[type=submit]')
    await expectText(page.locator('main'), 'ở tương lai')
    await page.close()
  })

  it("shows a directive's progress by lead agency", async () => {
    const page = await login('lanhdao@e2e.example')
    await page.goto(`${base}/directives/${directive44}`)
    const section = page.locator('[data-testid=directive-progress]')
    await expectText(section, 'Tiến độ theo cơ quan chủ trì')
    expect(await section.locator('tbody tr').count()).toBe(3)
    await expectText(section.locator('tfoot'), '33,33%')
    await page.close()
  })

  it('the period report shows the figures by group and its .docx draft carries them', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.goto(`${base}/reports`)
    await page.selectOption('select[name=period]', 'y')
    await page.selectOption('select[name=year]', '2024')
    await Promise.all([page.waitForURL(/year=2024/), page.click('main form button[type=submit]')])
    await expectText(page.locator('[data-testid=report-summary]'), 'có 3 nhiệm vụ đến hạn; đã hoàn thành 2 nhiệm vụ, đạt tỷ lệ 66,67%')
    await expectText(page.locator('[data-testid=report-groups]'), 'Bộ, cơ quan ngang bộ')
    await shot(page, 'dash-03-report')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải dự thảo báo cáo (.docx)')])
    const bytes = fs.readFileSync((await download.path())!)
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'])
    const text = xml.replace(/<[^>]+>/g, ' ')
    expect(text).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024')
    expect(text).toContain('đạt tỷ lệ 66,67%')
    expect(text).toContain('Các bộ, cơ quan ngang bộ được giao 2 nhiệm vụ đến hạn trong kỳ, đã hoàn thành 1 nhiệm vụ, đạt tỷ lệ 50,00%')
    expect(download.suggestedFilename()).toMatch(/\.docx$/)
    await page.close()
  })

  it('an agency officer cannot open the dashboard', async () => {
    const page = await login('bnv@e2e.example')
    const res = await page.goto(`${base}/dashboard`)
    expect(res?.status()).toBe(403)
    expect(await page.locator('nav >> text=Bảng điều hành').count()).toBe(0)
    await page.close()
  })
})
