// The calendar feed through its route modules: a secret link shown once, the agency's tasks as valid iCal, revocation.
import { closeDb } from '../../db/client'
import * as pageRoute from '../../app/routes/calendar._index'
import * as feedRoute from '../../app/routes/calendar.$token'
import { proposeCompletion, confirmCompletion } from '../../app/services/task-workflow.server'
import { hashToken } from '../../app/services/calendar-feed.server'
import ICAL from 'ical.js'
import { parseIcal } from '../support/ical'
import { makeDirective, makeItem, makeUser } from '../support/factories'
import { args, countRows, getRequest, postRequest, settle, signIn, useFreshAppDb } from '../support/routes'

afterEach(() => closeDb())

async function world() {
  const { db } = useFreshAppDb()
  const office = await makeUser(db, 'office', 'VPCP')
  const officer = await makeUser(db, 'agency', 'BNV')
  const leader = await makeUser(db, 'leader')
  const d = makeDirective(db, office, { number: '44/TB-VPCP', issuedOn: '2024-01-10' })
  const lead = makeItem(db, office, d, { ref: '6.a', content: 'Xây dựng Nghị định, báo cáo; hoàn thiện\nthể chế', leads: ['BNV'], supports: ['BTP'], deadline: { kind: 'date', dueOn: '2030-06-30' } })
  const support = makeItem(db, office, d, { ref: '6.b', content: 'Rà soát thủ tục hành chính nội bộ', leads: ['BCA'], supports: ['BNV'], deadline: { kind: 'date', dueOn: '2030-03-31' } })
  const other = makeItem(db, office, d, { ref: '6.c', content: 'Việc riêng của Bộ Tư pháp', leads: ['BTP'], supports: [], deadline: { kind: 'date', dueOn: '2030-04-30' } })
  const standing = makeItem(db, office, d, { ref: '6.d', content: 'Nhiệm vụ thường xuyên của Bộ Nội vụ', leads: ['BNV'], supports: [], deadline: { kind: 'standing' } })
  return { db, office, officer, leader, tasks: { lead: lead.taskIds[0], support: support.taskIds[0], other: other.taskIds[0], standing: standing.taskIds[0] } }
}

async function createLink(email: string, fields: Record<string, string> = {}) {
  const session = await signIn(email)
  const res = await settle(() => pageRoute.action(args(postRequest('/calendar', { intent: 'create', ...fields }, session))))
  const body = await res.json()
  return { res, body, session }
}

function fetchFeed(url: string, headers: Record<string, string> = {}) {
  const path = new URL(url).pathname
  const token = path.slice('/calendar/'.length)
  return settle(() => feedRoute.loader(args(new Request(`http://localhost${path}`, { headers }), { token })))
}

describe('calendar feed', () => {
  it('an officer gets a link once; the feed lists their agency’s tasks as lead or support, as valid iCal', async () => {
    const w = await world()
    const { res, body } = await createLink(w.officer.email, { agency: 'BTP' })
    expect(res.status).toBe(200)
    expect(body.url).toMatch(/^http:\/\/localhost\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    // Only the hash is stored.
    const token = /calendar\/(.+)\.ics$/.exec(body.url)![1]
    const stored = w.db.$client.prepare('select token_hash, agency_id from calendar_feed_tokens').all() as Array<{ token_hash: string; agency_id: number }>
    expect(stored).toHaveLength(1)
    expect(stored[0].token_hash).toBe(hashToken(token))
    expect(JSON.stringify(stored)).not.toContain(token)
    // The page shows the link's existence, never the token again.
    const again = await signIn(w.officer.email)
    const page = await settle(() => pageRoute.loader(args(getRequest('/calendar', again))))
    expect(JSON.stringify(await page.json())).not.toContain(token)

    const feed = await fetchFeed(body.url)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('Content-Type')).toContain('text/calendar')
    const text = await feed.text()
    // An independent reader (Mozilla's ical.js) agrees: all-day events on the deadline, the texts unescaped.
    const vcalendar = new ICAL.Component(ICAL.parse(text))
    const parsed = vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(parsed).toHaveLength(2)
    const leadEvent = parsed.find((e) => e.uid === `task-${w.tasks.lead}@dondoc`)!
    expect(leadEvent.startDate.isDate).toBe(true)
    expect(leadEvent.startDate.toString()).toBe('2030-06-30')
    expect(leadEvent.endDate.toString()).toBe('2030-07-01')
    expect(leadEvent.summary).toBe('44/TB-VPCP: Xây dựng Nghị định, báo cáo; hoàn thiện thể chế')
    expect(leadEvent.description).toContain('Xây dựng Nghị định, báo cáo; hoàn thiện\nthể chế')
    const { calendar, events } = parseIcal(text)
    expect(calendar['X-WR-CALNAME']).toContain('Bộ Nội vụ')
    expect(calendar['X-WR-TIMEZONE']).toBe('Asia/Ho_Chi_Minh')
    // The officer asked for BTP: ignored, an officer's feed is always their own agency's.
    expect(events.map((e) => e.UID).sort()).toEqual([`task-${w.tasks.lead}@dondoc`, `task-${w.tasks.support}@dondoc`].sort())
    const lead = events.find((e) => e.UID === `task-${w.tasks.lead}@dondoc`)!
    expect(lead['DTSTART;VALUE=DATE']).toBe('20300630')
    expect(lead['DTEND;VALUE=DATE']).toBe('20300701')
    expect(lead.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/)
    expect(lead.SUMMARY).toContain('44/TB-VPCP: Xây dựng Nghị định, báo cáo; hoàn thiện thể chế')
    expect(lead.DESCRIPTION).toContain('Bộ Nội vụ: chủ trì')
    expect(lead.DESCRIPTION).toContain(`/tasks/${w.tasks.lead}`)
    const support = events.find((e) => e.UID === `task-${w.tasks.support}@dondoc`)!
    expect(support.SUMMARY).toContain('(phối hợp)')
    expect(support.DESCRIPTION).toContain('Bộ Nội vụ: phối hợp')
  })

  it('answers an unchanged feed with 304 and a changed one with a new ETag', async () => {
    const w = await world()
    const { body } = await createLink(w.officer.email)
    const first = await fetchFeed(body.url)
    const etag = first.headers.get('ETag')!
    expect(etag).toBeTruthy()
    expect((await fetchFeed(body.url, { 'If-None-Match': etag })).status).toBe(304)
    proposeCompletion(w.db, w.officer, w.tasks.lead, { note: 'Đã trình dự thảo Nghị định', evidenceNumber: '1/BNV', evidenceDate: '2024-02-01' })
    const after = await fetchFeed(body.url, { 'If-None-Match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('ETag')).not.toBe(etag)
  })

  it('a revoked, replaced, guessed or malformed link is a 404 with a plain message', async () => {
    const w = await world()
    const first = (await createLink(w.officer.email)).body.url as string
    const { body: second, session } = await createLink(w.officer.email)
    const replaced = await fetchFeed(first)
    expect(replaced.status).toBe(404)
    expect(await replaced.text()).toContain('thu hồi')
    expect((await fetchFeed(second.url)).status).toBe(200)
    const revoke = await settle(() => pageRoute.action(args(postRequest('/calendar', { intent: 'revoke' }, session))))
    expect(revoke.status).toBe(200)
    expect((await fetchFeed(second.url)).status).toBe(404)
    for (const bad of ['x.ics', 'A'.repeat(43) + '.ics', second.url.split('/').pop()!.replace('.ics', ''), '../../etc/passwd.ics', '%00.ics']) {
      const res = await settle(() => feedRoute.loader(args(new Request(`http://localhost/calendar/${encodeURIComponent(bad)}`), { token: bad })))
      expect(res.status, bad).toBe(404)
      expect(res.headers.get('Content-Type')).toContain('text/plain')
    }
  })

  it('a forged post (no CSRF token) creates nothing', async () => {
    const w = await world()
    const session = await signIn(w.officer.email)
    const before = countRows(w.db, ['calendar_feed_tokens', 'history_entries'])
    const res = await settle(() => pageRoute.action(args(postRequest('/calendar', { intent: 'create' }, session, { csrf: null }))))
    expect(res.status).toBe(403)
    expect(countRows(w.db, ['calendar_feed_tokens', 'history_entries'])).toEqual(before)
  })

  it('a leader chooses the agency; an unknown agency is refused with a message', async () => {
    const w = await world()
    const unknown = await createLink(w.leader.email, { agency: 'Bộ Không Có' })
    expect(unknown.res.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('Không tìm thấy cơ quan')
    const none = await createLink(w.leader.email)
    expect(none.res.status).toBe(400)
    const { body } = await createLink(w.leader.email, { agency: 'BTP' })
    const { events } = parseIcal(await (await fetchFeed(body.url)).text())
    expect(events.map((e) => e.UID).sort()).toEqual([`task-${w.tasks.lead}@dondoc`, `task-${w.tasks.other}@dondoc`].sort())
  })

  it('completed tasks stay for 30 days, then drop out', async () => {
    const w = await world()
    const at = (d: string) => new Date(`${d}T09:00:00+07:00`)
    proposeCompletion(w.db, w.officer, w.tasks.lead, { note: 'Đã xong', evidenceNumber: '1/BNV', evidenceDate: '2024-02-01' } as any, at('2024-02-01'))
    confirmCompletion(w.db, w.office, w.tasks.lead, 'Xác nhận', at('2024-02-02'))
    const { body } = await createLink(w.officer.email)
    const { events } = parseIcal(await (await fetchFeed(body.url)).text())
    // Completed in 2024, long before today: no longer in the feed.
    expect(events.map((e) => e.UID)).toEqual([`task-${w.tasks.support}@dondoc`])
  })
})
