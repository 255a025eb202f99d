// End-to-end in real Chromium: the office registers a directive with a group task, an agency reports and proposes
// completion, the office confirms, and the task shows "Hoàn thành đúng hạn" with every step in its history.
import { loadReferenceData } from '../../db/seed/reference'
import { addDays, formatVnDate, todayInVietnam } from '../../app/domain/dates'
import { createUser } from '../../app/services/users.server'
import { startE2e, PASSWORD, type E2eApp, expectText, shot } from '../support/e2e'

let app: E2eApp
let base: string
let file: string

beforeAll(async () => {
  app = await startE2e('register', async (db) => {
    loadReferenceData(db)
    await createUser(db, null, { email: 'vanphong@e2e.example', name: 'Chuyên viên Văn phòng', role: 'office', agencyCode: 'VPCP', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'bnv@e2e.example', name: 'Cán bộ Bộ Nội vụ', role: 'agency', agencyCode: 'BNV', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'bca@e2e.example', name: 'Cán bộ Bộ Công an', role: 'agency', agencyCode: 'BCA', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'lanhdao@e2e.example', name: 'Lãnh đạo', role: 'leader', password: PASSWORD, mustChangePassword: false })
  })
  ;({ base, file } = app)
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

const login = (email: string) => app.login(email)



describe('directive register, end to end', () => {
  const today = todayInVietnam()
  const due = formatVnDate(addDays(today, 20))
  let taskUrl = ''

  it('refuses a malformed date on the directive form and saves nothing', async () => {
    const page = await login('vanphong@e2e.example')
    await page.goto(`${base}/directives/new`)
    await page.fill('input[name=number]', '99/TB-VPCP')
    await page.fill('textarea[name=title]', 'Văn bản có ngày sai')
    await page.fill('input[name=issuer]', 'Văn phòng Chính phủ')
    await page.fill('input[name=issuedOn]', '31/02/2024')
    await page.click('main button[type=submit]')
    await expectText(page.locator('#f-issuedOn ~ .error'), 'không hợp lệ')
    await page.goto(`${base}/directives`)
    expect(await page.locator('body').innerText()).not.toContain('99/TB-VPCP')
    await page.close()
  })

  it('the office registers a directive and assigns a task to all ministries', async () => {
    const page = await login('vanphong@e2e.example')
    await page.goto(`${base}/directives/new`)
    await page.selectOption('select[name=type]', 'thong_bao_ket_luan')
    await page.fill('input[name=number]', '123/TB-VPCP')
    await page.fill('textarea[name=title]', 'Kết luận của Phó Thủ tướng về cải cách thủ tục hành chính')
    await page.fill('input[name=issuer]', 'Văn phòng Chính phủ')
    await page.fill('input[name=signer]', 'Trần Văn Sơn')
    await page.fill('input[name=issuedOn]', formatVnDate(today))
    await page.fill('input[name=monitoringAgency]', 'VPCP')
    await shot(page, '01-directive-new')
    await Promise.all([page.waitForURL(/\/directives\/\d+/), page.click('main button[type=submit]')])
    await expectText(page.locator('h1'), '123/TB-VPCP')

    await page.fill('input[name=ref]', '1.a')
    await page.fill('textarea[name=content]', 'Rà soát, đơn giản hóa thủ tục hành chính nội bộ thuộc phạm vi quản lý')
    await page.fill('input[name=leads]', 'các bộ, cơ quan ngang bộ')
    await page.fill('input[name=supports]', 'VPCP')
    await page.selectOption('select[name=deadlineKind]', 'date')
    await page.fill('input[name=dueDate]', due)
    await page.fill('input[name=output]', 'Báo cáo kết quả rà soát')
    await page.click('form:has(input[name=intent][value=add_item]) button[type=submit]')
    await expectText(page.locator('.notice'), 'Đã thêm nhiệm vụ')
    const notice = (await page.locator('.notice').allInnerTexts()).join(' ')
    const created = Number(/tạo (\d+) nhiệm vụ/.exec(notice)?.[1])
    expect(created).toBeGreaterThanOrEqual(15)
    await shot(page, '02-directive-page')
    await page.close()
  })

  it('an officer of another agency cannot open the task', async () => {
    const page = await login('bnv@e2e.example')
    await page.goto(`${base}/tasks`)
    const rows = page.locator('tr[data-task-id]')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(1)
    taskUrl = `${base}/tasks/${await rows.first().getAttribute('data-task-id')}`
    await shot(page, '03-agency-task-list')
    await page.close()

    const outsider = await login('bca@e2e.example')
    const res = await outsider.goto(taskUrl)
    expect(res?.status()).toBe(403)
    await expectText(outsider.locator('h1'), 'Không có quyền')
    await outsider.close()
  })

  it('the lead agency reports progress and proposes completion', async () => {
    const page = await login('bnv@e2e.example')
    await page.goto(taskUrl)
    await page.fill('form:has(input[value=progress]) input[name=percent]', '40')
    await page.fill('form:has(input[value=progress]) textarea[name=note]', 'Đã rà soát 12/30 thủ tục.')
    await page.click('form:has(input[value=progress]) button[type=submit]')
    await expectText(page.locator('.notice'), 'Đã ghi nhận báo cáo tiến độ')

    await page.fill('form:has(input[value=complete]) textarea[name=note]', 'Đã hoàn thành rà soát, gửi báo cáo kết quả.')
    await page.fill('form:has(input[value=complete]) input[name=evidenceNumber]', '456/BC-BNV')
    await page.fill('form:has(input[value=complete]) input[name=evidenceDate]', formatVnDate(today))
    await page.click('form:has(input[value=complete]) button[type=submit]')
    await expectText(page.locator('.notice'), 'Đã gửi đề nghị xác nhận hoàn thành')
    await shot(page, '04-task-proposed')
    await page.close()
  })

  it('the office confirms; the task is done on time and its history lists every step', async () => {
    const page = await login('vanphong@e2e.example')
    await page.goto(`${base}/tasks?status=pending`)
    await page.locator('tr[data-task-id]').first().waitFor()
    expect(await page.locator('tr[data-task-id]').count()).toBe(1)
    await page.goto(taskUrl)
    await page.click('form:has(input[value=confirm]) button[type=submit]')
    await expectText(page.locator('.notice'), 'Đã xác nhận hoàn thành')
    await expectText(page.locator('dl.facts'), 'Hoàn thành đúng hạn')
    const history = page.locator('[data-testid=history]')
    for (const step of ['Tạo và giao nhiệm vụ', 'Báo cáo tiến độ', 'Đề nghị xác nhận hoàn thành', 'Xác nhận hoàn thành']) {
      await expectText(history, step)
    }
    await expectText(history, 'Cán bộ Bộ Nội vụ')
    await shot(page, '05-task-confirmed')
    await page.close()
  })

  it('leaders see the overdue list and the rates', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.click('text=Quá hạn → xem danh sách')
    await expectText(page.locator('h1'), 'Nhiệm vụ quá hạn')
    await shot(page, '06-overdue')
    await page.goto(`${base}/rates`)
    await expectText(page.locator('table'), 'Bộ Nội vụ')
    await expectText(page.locator('table'), '100,00%')
    await shot(page, '07-rates')
    await page.close()
  })
})
