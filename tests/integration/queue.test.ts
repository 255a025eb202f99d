// The BullMQ layer against the real Redis on REDIS_URL: schedulers without duplicates, two workers, nothing twice.
import { sql } from 'drizzle-orm'
import { outbox } from '../../db/schema'
import { createMailer } from '../../jobs/deliver'
import { loadHolidays } from '../../jobs/calendar'
import { createQueue, createWorker, upsertSchedulers } from '../../jobs/queue'
import { SCHEDULES } from '../../jobs/schedules'
import { freshDb } from '../support/db'
import { makeDirective, makeItem, makeUser } from '../support/factories'
import { startSmtp } from '../support/smtp'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = () => `dondoc-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`

async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('timed out')
}

describe('BullMQ', () => {
  it('upserting the schedulers twice leaves one scheduler per job, in Asia/Ho_Chi_Minh', async () => {
    const queue = createQueue(REDIS_URL, prefix())
    try {
      await upsertSchedulers(queue)
      await upsertSchedulers(queue)
      const schedulers = await queue.getJobSchedulers()
      expect(schedulers.map((s) => s.key).sort()).toEqual(SCHEDULES.map((s) => s.job).sort())
      expect(schedulers.every((s) => s.tz === 'Asia/Ho_Chi_Minh')).toBe(true)
      expect(schedulers.find((s) => s.key === 'digest')?.pattern).toBe('0 7 * * 1')
    } finally {
      await queue.obliterate({ force: true })
      await queue.close()
    }
  })

  it('two workers on one Redis: the overdue sweep runs once per job and deliveries go out exactly once', async () => {
    const { db } = freshDb()
    loadHolidays(db)
    const office = await makeUser(db, 'office', 'VPCP')
    const d = makeDirective(db, office, { issuedOn: '2024-01-02' })
    for (let i = 0; i < 5; i++) makeItem(db, office, d, { ref: String(i), leads: ['BNV'], deadline: { kind: 'date', dueOn: '2024-03-31' } })
    // 60 messages waiting in the outbox.
    db.transaction((tx) => {
      for (let i = 0; i < 60; i++) {
        tx.insert(outbox).values({ key: `test:${i}`, kind: 'test', recipient: `nguoi${i}@test.example`, subject: `Thư ${i}`, html: '<p>x</p>', text: 'x', nextAttemptAt: '2000-01-01T00:00:00.000Z' }).run()
      }
    })
    const smtp = await startSmtp()
    const p = prefix()
    const queue = createQueue(REDIS_URL, p)
    const done: string[] = []
    const mailerA = createMailer(smtp.url)
    const mailerB = createMailer(smtp.url)
    const a = createWorker(db, REDIS_URL, { prefix: p, mailer: mailerA, onDone: (name) => done.push(`a:${name}`) })
    const b = createWorker(db, REDIS_URL, { prefix: p, mailer: mailerB, onDone: (name) => done.push(`b:${name}`) })
    try {
      await queue.add('overdue', {}, { jobId: 'overdue-once' })
      await queue.add('overdue', {}, { jobId: 'overdue-once' }) // a duplicate id is ignored
      await queue.add('deliver', {})
      await queue.add('deliver', {})
      await waitFor(() => done.length >= 3)
      await waitFor(async () => (await queue.getJobCounts('completed')).completed >= 3)
      expect(done.filter((x) => x.endsWith('overdue'))).toHaveLength(1)
      const flagged = db.$client.prepare(`select count(*) n from history_entries where action = 'became_overdue'`).get() as { n: number }
      expect(flagged.n).toBe(5)
      // The 60 test messages, plus the monitoring office's notice the sweep queued (if a deliver ran after it).
      const total = () => db.select({ n: sql<number>`count(*)` }).from(outbox).get()!.n
      await waitFor(() => smtp.received.length >= 60)
      await new Promise((r) => setTimeout(r, 300))
      const sent = db.select({ n: sql<number>`count(*)` }).from(outbox).where(sql`${outbox.status} = 'sent'`).get()!.n
      expect(sent).toBeGreaterThanOrEqual(60)
      expect(total()).toBeGreaterThan(60)
      expect(smtp.received).toHaveLength(sent)
      const ids = smtp.received.map((m) => /Message-ID: <(outbox-\d+)@dondoc>/i.exec(m.raw)?.[1])
      expect(new Set(ids).size).toBe(sent)
    } finally {
      await a.close()
      await b.close()
      mailerA.close()
      mailerB.close()
      await queue.obliterate({ force: true })
      await queue.close()
      await smtp.close()
    }
  })
})
