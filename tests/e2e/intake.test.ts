// End-to-end in real Chromium: the office pastes Chỉ thị 002, corrects one agency in the review table, confirms,
// and finds the tasks in the task list with the right agencies and deadlines; bad input is refused on the screen.
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { openDatabase } from '../../db/client'
import { loadReferenceData } from '../../db/seed/reference'
import { createUser } from '../../app/services/users.server'
import { startE2e, PASSWORD, type E2eApp, expectText as expectTextWithin, shot as fullShot } from '../support/e2e'

const TEXT_002 = fs.readFileSync(path.resolve('tests/fixtures/directives/002_1ca8dc2ac5247edc.txt'), 'utf8')
let app: E2eApp
let base: string
let file: string

function directiveCount(): number {
  const db = openDatabase(file, { migrate: false })
  try {
    return (db.$client.prepare('select count(*) as n from directives').get() as { n: number }).n
  } finally {
    db.$client.close()
  }
}

beforeAll(async () => {
  app = await startE2e('intake', async (db) => {
    loadReferenceData(db)
    await createUser(db, null, { email: 'vanphong@e2e.example', name: 'Chuyên viên Văn phòng', role: 'office', agencyCode: 'VPCP', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'lanhdao@e2e.example', name: 'Lãnh đạo', role: 'leader', password: PASSWORD, mustChangePassword: false })
  }, { viewport: { width: 1600, height: 1000 } })
  ;({ base, file } = app)
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

const login = (email: string) => app.login(email)

const expectText = (locator: Locator, text: string, timeout = 15_000) => expectTextWithin(locator, text, timeout)

const shot = (page: Page, name: string, fullPage = false) => fullShot(page, name, fullPage)

describe('intake from a directive text, end to end', () => {
  it('leaders cannot open the intake screen', async () => {
    const page = await login('lanhdao@e2e.example')
    const res = await page.goto(`${base}/directives/intake`)
    expect(res?.status()).toBe(403)
    await page.close()
  })

  it('refuses empty, foreign-language and binary input with a Vietnamese message and saves nothing', async () => {
    const page = await login('vanphong@e2e.example')
    await page.goto(`${base}/directives`)
    await Promise.all([page.waitForURL(/\/directives\/intake/), page.click('text=Nhập từ văn bản')])
    const error = page.locator('[data-testid=intake-input-error]')
    await page.click('main button[type=submit]')
    await expectText(error, 'Chưa có nội dung')
    await page.fill('#intake-text', 'The Prime Minister requests all ministries to complete the review of administrative procedures by June 2024. '.repeat(4))
    await page.click('main button[type=submit]')
    await expectText(error, 'không phải tiếng Việt')
    await page.setInputFiles('#intake-file', { name: 'chi-thi.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0x00, 0x13]) })
    await page.click('main button[type=submit]')
    await expectText(error, 'không phải văn bản')
    await shot(page, 'intake-01-bad-input')
    expect(directiveCount()).toBe(0)

    // Cancelling a proposed draft leaves nothing behind, not even the draft in the tab.
    await page.setInputFiles('#intake-file', [])
    await page.fill('#intake-text', TEXT_002)
    await page.click('main button[type=submit]')
    await page.locator('.intake-table').waitFor({ timeout: 30_000 })
    await page.waitForTimeout(500)
    await Promise.all([page.waitForURL(/\/directives$/), page.click('.intake-confirm >> text=Hủy')])
    await page.goto(`${base}/directives/intake`)
    await page.locator('#intake-text').waitFor()
    await page.waitForTimeout(300)
    expect(await page.locator('.intake-table').count()).toBe(0)
    expect(directiveCount()).toBe(0)
    await page.close()
  })

  it('pastes Chỉ thị 002, corrects one agency, confirms, and finds the tasks in the task list', async () => {
    const page = await login('vanphong@e2e.example')
    await page.goto(`${base}/directives/intake`)
    await page.evaluate(() => sessionStorage.clear())
    await page.fill('#intake-text', TEXT_002)
    await page.click('main button[type=submit]')
    await page.locator('.intake-table').waitFor({ timeout: 30_000 })
    await expectText(page.locator('[data-testid=intake-summary]'), '30 nhiệm vụ đề xuất')
    expect(await page.inputValue('#d-issuedOn')).toBe('28/12/2023')
    expect(await page.inputValue('#d-signer')).toBe('Nguyễn Đức Trung')
    await page.fill('#d-number', '34/CT-UBND')

    // Item 5 names Sở Kế hoạch và Đầu tư; the officer gives it to Sở Tài chính, typed without diacritics.
    const row5 = page.locator('tr[data-row="5"]')
    const leads = row5.locator('td:nth-child(3)')
    expect(await leads.locator('.chip').getAttribute('data-agency')).toBe('NA-SKHDT')
    await leads.locator('.chip-x').click()
    await leads.locator('.picker input').fill('so tai chinh')
    await leads.locator('.picker-list li', { hasText: 'Sở Tài chính' }).first().click()
    expect(await leads.locator('.chip').getAttribute('data-agency')).toBe('NA-STC')
    await shot(page, 'intake-02-review-002')

    // A reload keeps the officer's corrections.
    await page.waitForTimeout(500)
    await page.reload()
    await page.locator('.intake-table').waitFor()
    await expectText(page.locator('.notice'), 'Đã khôi phục bản nháp')
    expect(await page.inputValue('#d-number')).toBe('34/CT-UBND')
    expect(await page.locator('tr[data-row="5"] td:nth-child(3) .chip').getAttribute('data-agency')).toBe('NA-STC')

    await Promise.all([page.waitForURL(/\/directives\/\d+\?imported=\d+/, { timeout: 60_000 }), page.click('[data-testid=intake-confirm]')])
    const id = Number(/\/directives\/(\d+)/.exec(page.url())![1])
    const created = Number(new URL(page.url()).searchParams.get('imported'))
    await expectText(page.locator('.notice'), `tạo ${created.toLocaleString('vi-VN')} nhiệm vụ`)
    await expectText(page.locator('h1'), '34/CT-UBND')
    expect(created).toBeGreaterThan(300)
    await shot(page, 'intake-03-directive')

    // Item 5 is Sở Tài chính's own task now: no longer the merged Sở Kế hoạch và Đầu tư's, carried by its successor.
    await page.goto(`${base}/tasks?directive=${id}&q=${encodeURIComponent('chất lượng thẩm định')}`)
    await page.locator('tr[data-task-id]').first().waitFor()
    const item5 = await page.locator('tr[data-task-id]').allInnerTexts()
    expect(item5.length).toBe(1)
    expect(item5[0]).toMatch(/\s5\. Tiếp tục nâng cao chất lượng thẩm định/)
    expect(item5[0]).toContain('Sở Tài chính')
    expect(item5[0]).not.toContain('Kế hoạch và Đầu tư')
    expect(item5[0]).toContain('Thường xuyên')

    // Item 9: "vào đầu tháng 02/2024" goes to every district, each due 10/02/2024.
    await page.goto(`${base}/tasks?directive=${id}&dueFrom=10/02/2024&dueTo=10/02/2024`)
    await page.locator('tr[data-task-id]').first().waitFor()
    const dueRows = await page.locator('tr[data-task-id]').allInnerTexts()
    expect(dueRows.length).toBeGreaterThanOrEqual(15)
    expect(new Set(dueRows.map((t) => /\tUBND [^\n]+/.exec(t)?.[0])).size).toBe(dueRows.length)
    for (const t of dueRows) {
      expect(t).toContain('10/02/2024')
      expect(t).toMatch(/\s9\(2\)\. /)
      // A district's People's Committee as named in 2023, whose work the province carries since they were abolished.
      expect(t).toMatch(/\tUBND [^\n]+\nnay: UBND tỉnh Nghệ An/)
    }
    await shot(page, 'intake-04-tasks')
    expect(directiveCount()).toBe(1)

    // The draft is gone after confirming: the intake screen starts empty again.
    await page.goto(`${base}/directives/intake`)
    await page.locator('#intake-text').waitFor()
    expect(await page.locator('.intake-table').count()).toBe(0)
    await page.close()
  }, 180_000)

  it('maps an unknown name once, saves it as an alias, and the next extraction resolves it', async () => {
    const page = await login('vanphong@e2e.example')
    const text = TEXT_002.replace(/Báo Nghệ An/g, 'Báo điện tử Nghệ An')
    await page.goto(`${base}/directives/intake`)
    await page.evaluate(() => sessionStorage.clear())
    await page.fill('#intake-text', text)
    await page.click('main button[type=submit]')
    await page.locator('.intake-table').waitFor({ timeout: 30_000 })
    await expectText(page.locator('[data-testid=intake-summary]'), '1 tên cơ quan chưa xác định')
    await page.fill('#d-number', '35/CT-UBND')
    const leads = page.locator('tr[data-row="10"] td:nth-child(3)')
    await leads.locator('.chip.unresolved .picker input').fill('bao nghe an')
    await leads.locator('.picker-list li', { hasText: 'Báo Nghệ An' }).first().click()
    await leads.locator('.chip[data-agency="NA-BAO"] .alias input').check()
    await expectText(page.locator('[data-testid=intake-summary]'), '0 tên cơ quan chưa xác định')
    await Promise.all([page.waitForURL(/\/directives\/\d+\?imported=\d+/, { timeout: 60_000 }), page.click('[data-testid=intake-confirm]')])

    await page.goto(`${base}/directives/intake`)
    await page.fill('#intake-text', text)
    await page.click('main button[type=submit]')
    await page.locator('.intake-table').waitFor({ timeout: 30_000 })
    await expectText(page.locator('[data-testid=intake-summary]'), '0 tên cơ quan chưa xác định')
    expect(await page.locator('tr[data-row="10"] td:nth-child(3) .chip[data-agency="NA-BAO"]').count()).toBe(1)
    await page.close()
  }, 180_000)
})
