// End-to-end in real Chromium: the overdue list in meeting mode driven from the keyboard, the print annex printed to
// PDF by Chromium (A4 landscape, page numbers, headings), and a calendar link subscribed to, then revoked.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { settings } from '../../db/schema'
import { loadDemoData } from '../../db/seed/demo'
import { loadReferenceData } from '../../db/seed/reference'
import { formatVnDate, todayInVietnam } from '../../app/domain/dates'
import { createUser } from '../../app/services/users.server'
import { parseIcal } from '../support/ical'
import { startE2e, PASSWORD, type E2eApp, shotsDir, type Viewport } from '../support/e2e'

let app: E2eApp
let base: string
let file: string

beforeAll(async () => {
  app = await startE2e('meeting', async (db) => {
    loadReferenceData(db)
    // The demo: two real directives with dates shifted so that many agencies have overdue tasks.
    await loadDemoData(db)
    await createUser(db, null, { email: 'lanhdao@e2e.example', name: 'Lãnh đạo', role: 'leader', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'bnv@e2e.example', name: 'Cán bộ Bộ Nội vụ', role: 'agency', agencyCode: 'BNV', password: PASSWORD, mustChangePassword: false })
    db.insert(settings).values({ key: 'issuingOffice', value: 'Văn phòng Chính phủ\nCục Kiểm soát thủ tục hành chính' }).run()
  })
  ;({ base, file } = app)
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

const login = (email: string, viewport?: Viewport) => app.login(email, viewport)

async function until(check: () => Promise<boolean>, what: string, timeout = 10_000) {
  const end = Date.now() + timeout
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const position = (page: Page) => page.locator('[data-testid=meeting-position]').innerText()
const agencyShown = (page: Page) => page.locator('.meeting-agency').getAttribute('data-agency')

/** Presses a key and waits until the counter reads "Cơ quan n/total". */
async function press(page: Page, key: string, n: number, total: number) {
  await page.keyboard.press(key)
  await until(async () => (await position(page)) === `Cơ quan ${n}/${total}`, `"${key}" → Cơ quan ${n}/${total} (seen: ${await position(page)})`)
}

describe('overdue list for meetings, end to end', () => {
  it('meeting mode: one agency at a time, driven from the keyboard, deep-linkable, Esc leaves', async () => {
    const page = await login('lanhdao@e2e.example', { width: 1920, height: 1080 })
    await page.goto(`${base}/overdue`)
    const listTotal = Number((await page.locator('main p strong').nth(1).innerText()).replace(/\./g, ''))
    expect(listTotal).toBeGreaterThan(3)
    await page.click('text=Chế độ họp')
    await page.locator('[data-testid=meeting]').waitFor()
    // No site chrome in meeting mode.
    expect(await page.locator('header.topbar').isVisible()).toBe(false)
    const total = listTotal
    expect(await position(page)).toBe(`Cơ quan 1/${total}`)
    expect(await page.locator('.meeting-kicker').innerText()).toContain(`tính đến ${formatVnDate(todayInVietnam())}`)
    const first = await agencyShown(page)
    await page.screenshot({ path: path.join(shotsDir, 'meeting-01-first.png') })

    await press(page, 'ArrowRight', 2, total)
    expect(await agencyShown(page)).not.toBe(first)
    expect(new URL(page.url()).searchParams.get('at')).toBe(await agencyShown(page))
    await press(page, 'PageDown', 3, total)
    await press(page, 'Space', 4, total)
    await press(page, 'ArrowLeft', 3, total)
    await press(page, 'PageUp', 2, total)
    await press(page, 'End', total, total)
    // Past the last agency nothing moves.
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(300)
    expect(await position(page)).toBe(`Cơ quan ${total}/${total}`)
    await press(page, 'Home', 1, total)
    expect(await agencyShown(page)).toBe(first)

    // A number, then Enter; or G, a number, Enter.
    await page.keyboard.press('3')
    await page.locator('#meeting-jump').waitFor()
    await press(page, 'Enter', 3, total)
    await page.keyboard.press('g')
    await page.locator('#meeting-jump').waitFor()
    await page.keyboard.type('2')
    await press(page, 'Enter', 2, total)
    const second = await agencyShown(page)
    // Esc in the jump box closes it and stays.
    await page.keyboard.press('g')
    await page.locator('#meeting-jump').waitFor()
    await page.keyboard.press('Escape')
    await until(async () => (await page.locator('#meeting-jump').count()) === 0, 'jump box closed')
    expect(await position(page)).toBe(`Cơ quan 2/${total}`)

    // A reload stays on the same agency; #4 opens the fourth.
    await page.reload()
    await page.locator('[data-testid=meeting]').waitFor()
    expect(await position(page)).toBe(`Cơ quan 2/${total}`)
    expect(await agencyShown(page)).toBe(second)
    await page.goto(`${base}/overdue?mode=meeting#4`)
    await until(async () => (await position(page)) === `Cơ quan 4/${total}`, 'deep link #4')
    await page.screenshot({ path: path.join(shotsDir, 'meeting-02-fourth.png') })

    // F asks for full screen (the Fullscreen API); Esc leaves meeting mode for the list.
    await page.keyboard.press('f')
    await until(async () => page.evaluate(() => document.fullscreenElement !== null), 'fullscreen')
    await page.keyboard.press('Escape')
    await page.waitForURL((u) => !u.searchParams.has('mode'))
    await until(async () => (await page.locator('main h1').first().innerText()).includes('Nhiệm vụ quá hạn'), 'the list after Esc')
    expect(await page.locator('[data-testid=meeting]').count()).toBe(0)
    expect(await page.locator('header.topbar').isVisible()).toBe(true)
    await page.close()
  }, 90_000)

  it('meeting mode keeps the list’s agency filter', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.goto(`${base}/overdue?agency=NGHE-AN`)
    const agencies = Number((await page.locator('main p strong').nth(1).innerText()).replace(/\./g, ''))
    await page.click('text=Chế độ họp')
    await page.locator('[data-testid=meeting]').waitFor()
    expect(new URL(page.url()).searchParams.get('agency')).toBe('NGHE-AN')
    expect(await position(page)).toBe(`Cơ quan 1/${agencies}`)
    expect(await page.locator('.meeting-kicker').innerText()).toContain('Nghệ An')
    await page.close()
  })

  it('the print view prints on A4 landscape with headings, the as-of date, page numbers and totals', async () => {
    const page = await login('lanhdao@e2e.example')
    await page.goto(`${base}/overdue`)
    await page.click('main a:text-is("In")')
    await page.locator('[data-testid=annex]').waitFor()
    expect(page.url()).toContain('print=1')
    await page.emulateMedia({ media: 'print' })
    const pdfPath = path.join(shotsDir, 'overdue-print.pdf')
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true })
    await page.close()
    const doc = await getDocumentProxy(new Uint8Array(pdf))
    // A4 landscape: 842 × 595 points.
    const viewport = (await doc.getPage(1)).getViewport({ scale: 1 })
    expect(Math.round(viewport.width)).toBe(842)
    expect(Math.round(viewport.height)).toBe(595)
    const { totalPages, text } = await extractText(doc, { mergePages: false })
    expect(totalPages).toBeGreaterThan(1)
    const flat = (s: string) => s.replace(/\s+/g, ' ')
    const first = flat(text[0])
    const today = formatVnDate(todayInVietnam())
    expect(first).toContain('CỤC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH')
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(first).toContain('DANH SÁCH NHIỆM VỤ QUÁ HẠN')
    expect(first.replace(/\s/g, '')).toContain(`tínhđếnngày${today}`)
    expect(first).not.toContain('Chế độ họp')
    for (let i = 0; i < totalPages; i++) expect(flat(text[i]), `page ${i + 1}`).toContain(`Trang ${i + 1}/${totalPages}`)
    // The column header repeats on every page that continues a table.
    const withHeader = text.filter((t) => flat(t).includes('Nội dung nhiệm vụ')).length
    expect(withHeader).toBeGreaterThan(totalPages / 2)
    expect(flat(text[totalPages - 1])).toContain('Tổng cộng')
    // A picture of the first page, to look at (poppler's pdftoppm, when installed).
    try {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(shotsDir, 'overdue-print-page1')])
    } catch {
      // not installed: the PDF itself is kept
    }
  })

  it('an officer subscribes to a calendar link, then revokes it', async () => {
    const page = await login('bnv@e2e.example')
    await page.goto(`${base}/calendar`)
    await page.click('button:text-is("Tạo liên kết mới")')
    const url = await page.locator('[data-testid=calendar-url] input').inputValue()
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    const res = await fetch(url)
    expect(res.status).toBe(200)
    const { events, calendar } = parseIcal(await res.text())
    expect(calendar['X-WR-CALNAME']).toContain('Bộ Nội vụ')
    expect(events.length).toBeGreaterThan(0)
    // Shown once: a reload does not show it again.
    await page.reload()
    expect(await page.locator('[data-testid=calendar-url]').count()).toBe(0)
    expect(await page.locator('[data-testid=calendar-status]').innerText()).toContain('Đang có một liên kết lịch')
    await page.click('button:text-is("Thu hồi")')
    await page.locator('.notice').waitFor()
    const gone = await fetch(url)
    expect(gone.status).toBe(404)
    await page.screenshot({ path: path.join(shotsDir, 'calendar-revoked.png') })
    await page.close()
  })
})
