// Parallel delivery over pooled SMTP connections against a real SMTP server: every message exactly once with two
// deliverers at once, a refused recipient retried then failed visibly while the others go, a taken-over claim left alone.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { outbox } from '../../db/schema'
import { createMailer, deliverOutbox, MAX_ATTEMPTS, type Mailer } from '../../jobs/deliver'
import { freshDb } from '../support/db'
import { startSmtp } from '../support/smtp'

function queue(db: Db, n: number, recipient = (i: number) => `nguoi${i}@test.example`) {
  db.transaction((tx) => {
    for (let i = 0; i < n; i++) {
      tx.insert(outbox).values({ key: `t:${i}`, kind: 'test', recipient: recipient(i), subject: `Thư ${i}`, html: `<p>Thư số ${i}</p>`, text: `Thư số ${i}`, nextAttemptAt: '2000-01-01T00:00:00.000Z' }).run()
    }
  })
}

const messageIds = (raws: Array<{ raw: string }>) => raws.map((m) => /Message-ID: <(outbox-\d+)@dondoc>/i.exec(m.raw)?.[1])
const countBy = (db: Db, status: string) => db.select({ n: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, status as 'sent')).get()!.n

describe('parallel delivery', () => {
  beforeEach(() => {
    process.env.SMTP_MAX_CONNECTIONS = '4'
  })
  afterEach(() => {
    delete process.env.SMTP_MAX_CONNECTIONS
  })

  it('two deliverers with four pooled connections each, over several claimed batches: every message exactly once', async () => {
    const { db } = freshDb()
    queue(db, 450) // more than two batches of 200
    const smtp = await startSmtp()
    const a = createMailer(smtp.url)
    const b = createMailer(smtp.url)
    try {
      expect(a.concurrency).toBe(4)
      const [ra, rb] = await Promise.all([deliverOutbox(db, a, { workerId: 'a' }), deliverOutbox(db, b, { workerId: 'b' })])
      expect(Number(ra.sent)).toBeGreaterThan(0)
      expect(Number(rb.sent)).toBeGreaterThan(0)
      expect(Number(ra.sent) + Number(rb.sent)).toBe(450)
      const ids = messageIds(smtp.received)
      expect(ids).toHaveLength(450)
      expect(new Set(ids).size).toBe(450)
      expect(countBy(db, 'sent')).toBe(450)
      expect(countBy(db, 'pending')).toBe(0)
      // The pools really sent in parallel.
      expect(smtp.sessions.max).toBeGreaterThan(1)
      expect(smtp.sessions.max).toBeLessThanOrEqual(8)
    } finally {
      a.close()
      b.close()
      await smtp.close()
    }
  })

  it('a recipient the server refuses is retried with back-off and ends visibly failed, while the others go once', async () => {
    const { db } = freshDb()
    queue(db, 30, (i) => (i === 7 ? 'khongco@test.example' : `nguoi${i}@test.example`))
    const smtp = await startSmtp({ refuseRecipient: (address) => address === 'khongco@test.example' })
    const mailer = createMailer(smtp.url)
    try {
      let now = new Date('2024-06-24T08:00:00+07:00')
      expect(await deliverOutbox(db, mailer, { now })).toMatchObject({ sent: 29, retrying: 1, failed: 0, pending: 1 })
      const refused = db.select().from(outbox).where(eq(outbox.recipient, 'khongco@test.example')).get()!
      expect(refused).toMatchObject({ status: 'pending', attempts: 1, claimedBy: null })
      expect(refused.lastError).toContain('550')
      expect(refused.nextAttemptAt > now.toISOString()).toBe(true)
      // Too early for the retry: nothing happens.
      expect(await deliverOutbox(db, mailer, { now })).toMatchObject({ sent: 0, retrying: 0 })
      let last = {}
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        now = new Date(now.getTime() + 24 * 3600_000)
        last = await deliverOutbox(db, mailer, { now })
      }
      expect(last).toMatchObject({ sent: 0, failed: 1, pending: 0 })
      const failed = db.select().from(outbox).where(eq(outbox.id, refused.id)).get()!
      expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
      expect(failed.lastError).toContain('550')
      const ids = messageIds(smtp.received)
      expect(ids).toHaveLength(29)
      expect(new Set(ids).size).toBe(29)
      expect(ids).not.toContain(`outbox-${refused.id}`)
    } finally {
      mailer.close()
      await smtp.close()
    }
  })

  it('a message whose claim another worker took over meanwhile is left to that worker', async () => {
    const { db } = freshDb()
    queue(db, 10)
    const smtp = await startSmtp()
    const real = createMailer(smtp.url)
    let first = true
    // On the first send, another worker takes over the last message (as if this one had stalled past its claim).
    const mailer: Mailer = {
      concurrency: 1,
      send(m) {
        if (first) {
          first = false
          db.$client.prepare(`update outbox set claimed_by = 'other' where id = (select max(id) from outbox)`).run()
        }
        return real.send(m)
      },
      close: () => real.close(),
    }
    try {
      expect(await deliverOutbox(db, mailer, { workerId: 'me' })).toMatchObject({ sent: 9 })
      const last = db.select().from(outbox).orderBy(sql`${outbox.id} desc`).get()!
      expect(last).toMatchObject({ status: 'pending', claimedBy: 'other' })
      expect(messageIds(smtp.received)).not.toContain(`outbox-${last.id}`)
    } finally {
      mailer.close()
      await smtp.close()
    }
  })
})
