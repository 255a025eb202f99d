// Reminders through the outbox to a real SMTP server: one e-mail per contact per day, never lost, never sent twice.
import { eq, sql } from 'drizzle-orm'
import { agencies, outbox, tasks } from '../../db/schema'
import { createMailer, CLAIM_SECONDS, claimBatch, deliverOutbox } from '../../jobs/deliver'
import { loadCalendar, loadHolidays } from '../../jobs/calendar'
import { runJob } from '../../jobs/run'
import { freshDb } from '../support/db'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'
import { startSmtp } from '../support/smtp'

async function world(dueSoon: string, now: Date) {
  const { db } = freshDb()
  loadHolidays(db)
  const office = await makeUser(db, 'office', 'VPCP')
  // Known contacts: one address per agency involved, so that counts are exact.
  for (const [code, email] of [['BNV', 'vanthu@bnv.test'], ['BTP', 'vanthu@btp.test'], ['BCA', 'vanthu@bca.test']] as const) {
    db.update(agencies).set({ emails: [email] }).where(eq(agencies.code, code)).run()
  }
  const d = makeDirective(db, office, { issuedOn: '2024-01-02' })
  const soon = makeItem(db, office, d, { ref: '1', leads: ['BNV'], supports: ['BTP'], deadline: { kind: 'date', dueOn: dueSoon } }).taskIds[0]
  const overdue = makeItem(db, office, d, { ref: '2', leads: ['BNV'], supports: [], deadline: { kind: 'date', dueOn: '2024-01-31' } }).taskIds[0]
  const far = makeItem(db, office, d, { ref: '3', leads: ['BCA'], supports: [], deadline: { kind: 'date', dueOn: '2026-12-31' } }).taskIds[0]
  return { db, office, soon, overdue, far, now }
}

describe('reminders', () => {
  it('one e-mail per contact per day for all of an agency\u2019s tasks; a second run queues nothing', async () => {
    const now = new Date('2024-06-24T08:00:00+07:00') // Monday
    const calendar = loadCalendar(freshDb().db)
    const due = calendar.addWorkingDays('2024-06-24', 3)
    const w = await world(due, now)
    const first = await runJob(w.db, 'reminders', now)
    expect(first).toMatchObject({ job: 'reminders', queued: 2 }) // BNV (lead: soon + overdue) and BTP (support: soon)
    expect(await runJob(w.db, 'reminders', now)).toMatchObject({ queued: 0 })
    const bnv = w.db.select().from(outbox).where(eq(outbox.recipient, 'vanthu@bnv.test')).get()!
    expect(bnv.taskIds.sort()).toEqual([w.soon, w.overdue].sort())
    expect(bnv.text).toContain('quá hạn')
    expect(bnv.text).toContain('còn 3 ngày làm việc')
    const btp = w.db.select().from(outbox).where(eq(outbox.recipient, 'vanthu@btp.test')).get()!
    expect(btp.text).toContain('phối hợp')
    expect(btp.taskIds).toEqual([w.soon])
    expect(w.db.select().from(outbox).where(eq(outbox.recipient, 'vanthu@bca.test')).get()).toBeUndefined()
  })

  it('skips tasks waiting for confirmation', async () => {
    const now = new Date('2024-06-24T08:00:00+07:00')
    const w = await world('2024-06-27', now)
    w.db.update(tasks).set({ status: 'pending' }).run()
    expect(await runJob(w.db, 'reminders', now)).toMatchObject({ queued: 0 })
  })

  it('counts working days across Tết: 3 working days before 04/02/2025 is 23/01/2025 (27–31/01 are off)', async () => {
    const w = await world('2025-02-04', new Date('2025-01-23T08:00:00+07:00'))
    const calendar = loadCalendar(w.db)
    expect(calendar.reminderDates('2025-02-04', [3])).toEqual(['2025-01-23'])
    expect(calendar.reminderDates('2025-02-04', [1])).toEqual(['2025-02-03'])
    const r = await runJob(w.db, 'reminders', new Date('2025-01-23T08:00:00+07:00'))
    expect(r.queued).toBeGreaterThanOrEqual(1)
    const mail = w.db.select().from(outbox).where(eq(outbox.recipient, 'vanthu@bnv.test')).get()!
    expect(mail.taskIds).toContain(w.soon)
    // The next working day (24/01) is 2 working days before: not a reminder day, so only the overdue task remains.
    const next = await runJob(w.db, 'reminders', new Date('2025-01-24T08:00:00+07:00'))
    expect(next.queued).toBe(1)
    const friday = w.db.select().from(outbox).where(sql`${outbox.key} like 'reminder:2025-01-24:%'`).get()!
    expect(friday.taskIds).toEqual([w.overdue])
  })
})

describe('delivery', () => {
  it('sends every queued message exactly once through SMTP, HTML with a text part', async () => {
    const smtp = await startSmtp()
    try {
      const now = new Date('2024-06-24T08:00:00+07:00')
      const w = await world('2024-06-27', now)
      await runJob(w.db, 'reminders', now)
      const mailer = createMailer(smtp.url)
      const result = await runJob(w.db, 'deliver', now, { mailer })
      expect(result).toMatchObject({ job: 'deliver', sent: 2, pending: 0 })
      expect(await runJob(w.db, 'deliver', now, { mailer })).toMatchObject({ sent: 0 })
      mailer.close()
      expect(smtp.received).toHaveLength(2)
      const raw = smtp.received.find((m) => m.to.includes('vanthu@bnv.test'))!.raw
      expect(raw).toContain('multipart/alternative')
      expect(raw).toContain('text/html')
      expect(w.db.select({ n: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, 'sent')).get()!.n).toBe(2)
    } finally {
      await smtp.close()
    }
  })

  it('a refusing server leads to retries with back-off and a visible error, then delivery; nothing lost', async () => {
    let refuse = true
    const smtp = await startSmtp({ refuse: () => refuse })
    try {
      const now = new Date('2024-06-24T08:00:00+07:00')
      const w = await world('2024-06-27', now)
      await runJob(w.db, 'reminders', now)
      const mailer = createMailer(smtp.url)
      const first = await deliverOutbox(w.db, mailer, { now })
      expect(first).toMatchObject({ sent: 0, retrying: 2, pending: 2 })
      const row = w.db.select().from(outbox).limit(1).get()!
      expect(row.lastError).toContain('451')
      expect(row.nextAttemptAt > now.toISOString()).toBe(true)
      // Too early: the back-off holds the messages.
      expect(await deliverOutbox(w.db, mailer, { now })).toMatchObject({ sent: 0, retrying: 0 })
      refuse = false
      const later = new Date(now.getTime() + 2 * 60_000)
      expect(await deliverOutbox(w.db, mailer, { now: later })).toMatchObject({ sent: 2, pending: 0 })
      mailer.close()
      expect(smtp.received).toHaveLength(2)
    } finally {
      await smtp.close()
    }
  })

  it('two workers at once and a worker that dies after claiming: each message is sent exactly once', async () => {
    const smtp = await startSmtp()
    try {
      const now = new Date('2024-06-24T08:00:00+07:00')
      const w = await world('2024-06-27', now)
      // Many recipients: officers of BNV with their own addresses.
      for (let i = 0; i < 30; i++) await makeUser(w.db, 'agency', 'BNV')
      await runJob(w.db, 'reminders', now)
      const total = w.db.select({ n: sql<number>`count(*)` }).from(outbox).get()!.n
      expect(total).toBeGreaterThan(30)
      // A worker claims a batch and dies without sending.
      const claimed = claimBatch(w.db, 'dead-worker', now, 10)
      expect(claimed).toHaveLength(10)
      const a = createMailer(smtp.url)
      const b = createMailer(smtp.url)
      const [ra, rb] = await Promise.all([deliverOutbox(w.db, a, { now, workerId: 'a' }), deliverOutbox(w.db, b, { now, workerId: 'b' })])
      expect(Number(ra.sent) + Number(rb.sent)).toBe(total - 10)
      // After the dead worker's claim expires, its messages are taken over.
      const later = new Date(now.getTime() + (CLAIM_SECONDS + 1) * 1000)
      const rc = await deliverOutbox(w.db, a, { now: later, workerId: 'c' })
      expect(rc.sent).toBe(10)
      a.close()
      b.close()
      const ids = smtp.received.map((m) => /Message-ID: <(outbox-\d+)@dondoc>/i.exec(m.raw)?.[1])
      expect(new Set(ids).size).toBe(total)
      expect(ids).toHaveLength(total)
    } finally {
      await smtp.close()
    }
  })

  it('without SMTP_URL, messages become .eml files a newcomer can open', async () => {
    const now = new Date('2024-06-24T08:00:00+07:00')
    const w = await world('2024-06-27', now)
    await runJob(w.db, 'reminders', now)
    const dir = `${process.env.TMPDIR ?? '/tmp'}/dondoc-eml-${process.pid}`
    const mailer = createMailer(undefined, dir)
    expect(await deliverOutbox(w.db, mailer, { now })).toMatchObject({ sent: 2 })
    const fs = await import('node:fs')
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'))
    expect(files.length).toBeGreaterThanOrEqual(2)
    expect(fs.readFileSync(`${dir}/${files[0]}`, 'utf8')).toContain('Subject:')
    expect(agencyId(w.db, 'BNV')).toBeGreaterThan(0)
  })
})

describe('leader digest', () => {
  it('tells each leader, once a week, the overdue list by agency and what fell due last week', async () => {
    const now = new Date('2024-06-24T07:00:00+07:00') // Monday 07:00
    const w = await world('2024-06-20', now) // fell due last week, not done
    const leader = await makeUser(w.db, 'leader')
    const r = await runJob(w.db, 'digest', now)
    expect(r).toMatchObject({ job: 'digest', queued: 1, overdue: 2, leaders: 1 })
    // Later the same week: nothing new.
    expect(await runJob(w.db, 'digest', new Date('2024-06-26T07:00:00+07:00'))).toMatchObject({ queued: 0 })
    const mail = w.db.select().from(outbox).where(eq(outbox.recipient, leader.email)).get()!
    expect(mail.subject).toContain('2 nhiệm vụ quá hạn')
    expect(mail.text).toContain('Quá hạn — Bộ Nội vụ: 2 nhiệm vụ')
    expect(mail.text).toContain('Đến hạn tuần trước nhưng chưa hoàn thành')
    expect(mail.text).toContain('Tuần trước có 1 nhiệm vụ đến hạn: 0 đã hoàn thành')
    expect(mail.html).toContain('<table')
  })
})

describe('overdue notices', () => {
  it('the monitoring office hears of newly overdue tasks and leaders of escalations, in the sweep\u2019s transaction, once', async () => {
    const now = new Date('2024-06-24T08:00:00+07:00')
    const w = await world('2024-06-27', now)
    w.db.update(agencies).set({ emails: ['theodoi@vpcp.test'] }).where(eq(agencies.code, 'VPCP')).run()
    const leader = await makeUser(w.db, 'leader')
    const r = await runJob(w.db, 'overdue', now)
    expect(r).toMatchObject({ flagged: 1, escalated: 1 }) // 31/01/2024 is long overdue
    const office = w.db.select().from(outbox).where(eq(outbox.recipient, 'theodoi@vpcp.test')).get()!
    expect(office.kind).toBe('overdue-office')
    expect(office.taskIds).toEqual([w.overdue])
    expect(office.text).toContain('quá hạn')
    const toLeader = w.db.select().from(outbox).where(eq(outbox.recipient, leader.email)).get()!
    expect(toLeader.kind).toBe('escalation')
    expect(toLeader.subject).toContain('quá hạn trên 10 ngày làm việc')
    expect(await runJob(w.db, 'overdue', now)).toMatchObject({ flagged: 0, escalated: 0, queued: 0 })
  })
})

describe('failures that must not lose anything', () => {
  it('an SMTP server that never answers times out into a visible, retried failure', async () => {
    const net = await import('node:net')
    const { freePort } = await import('../support/ports')
    const port = await freePort()
    const sockets: import('node:net').Socket[] = []
    const silent = net.createServer((s) => sockets.push(s)) // accepts, never greets
    await new Promise<void>((r) => silent.listen(port, '127.0.0.1', r))
    process.env.SMTP_TIMEOUT_MS = '400'
    try {
      const now = new Date('2024-06-24T08:00:00+07:00')
      const w = await world('2024-06-27', now)
      await runJob(w.db, 'reminders', now)
      const mailer = createMailer(`smtp://127.0.0.1:${port}`)
      const r = await deliverOutbox(w.db, mailer, { now })
      mailer.close()
      expect(r).toMatchObject({ sent: 0, retrying: 2, pending: 2 })
      const row = w.db.select().from(outbox).limit(1).get()!
      expect(row.lastError).toMatch(/timeout|Greeting never received/i)
      expect(row.status).toBe('pending')
    } finally {
      delete process.env.SMTP_TIMEOUT_MS
      for (const s of sockets) s.destroy()
      silent.close()
    }
  })

  it('an unreachable Redis is reported clearly, and the worker exits non-zero', async () => {
    const { checkRedis } = await import('../../jobs/queue')
    expect(await checkRedis('redis://127.0.0.1:1', 1000)).toContain('Không kết nối được Redis')
    const { spawnSync } = await import('node:child_process')
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], { env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1' }, encoding: 'utf8', timeout: 30_000 })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('Không kết nối được Redis')
  })

  it('an invalid address on an agency is counted and skipped; the valid ones still get their e-mail', async () => {
    const now = new Date('2024-06-24T08:00:00+07:00')
    const w = await world('2024-06-27', now)
    w.db.update(agencies).set({ emails: ['khong-phai-email', 'vanthu@bnv.test'] }).where(eq(agencies.code, 'BNV')).run()
    const r = await runJob(w.db, 'reminders', now)
    expect(r).toMatchObject({ queued: 2, invalidRecipients: 1 })
  })
})

describe('recurring duties', () => {
  it('each period is reminded on its own: the current month, not the next', async () => {
    const { db } = freshDb()
    loadHolidays(db)
    const office = await makeUser(db, 'office', 'VPCP')
    db.update(agencies).set({ emails: ['vanthu@bnv.test'] }).where(eq(agencies.code, 'BNV')).run()
    const d = makeDirective(db, office, { issuedOn: '2024-01-02' })
    const { taskIds } = makeItem(db, office, d, { leads: ['BNV'], supports: [], deadline: { kind: 'recurring', recurrence: 'monthly', recurringFrom: '2024-05-01', recurringUntil: '2024-08-31' } })
    expect(taskIds).toHaveLength(4)
    const june = db.select().from(tasks).where(eq(tasks.periodKey, '2024-06')).get()!
    // 3 working days before Sunday 30/06/2024: Friday 28 (1), Thursday 27 (2), Wednesday 26 (3).
    const calendar = loadCalendar(db)
    expect(calendar.reminderDates('2024-06-30', [3])).toEqual(['2024-06-26'])
    const r = await runJob(db, 'reminders', new Date('2024-06-26T08:00:00+07:00'))
    expect(r.queued).toBe(1)
    const mail = db.select().from(outbox).get()!
    expect(mail.taskIds).toContain(june.id)
    expect(mail.text).toContain('kỳ Tháng 6/2024')
    expect(mail.text).not.toContain('Tháng 7/2024')
  })
})
