// A real worker process killed in the middle of a delivery batch, then restarted: every message goes out, and a
// message can repeat only if the kill fell between the server's acceptance and the database update (same Message-ID):
// at most one per pooled SMTP connection.
import { spawn, type ChildProcess } from 'node:child_process'
import { sql } from 'drizzle-orm'
import { outbox } from '../../db/schema'
import { createQueue } from '../../jobs/queue'
import { freshDb } from '../support/db'
import { startSmtp } from '../support/smtp'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

async function waitFor(check: () => boolean, ms = 30_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('timed out')
}

const CONNECTIONS = 3

it(`kill -9 during delivery, restart: all 40 messages delivered, at most the ${CONNECTIONS} in flight twice`, async () => {
  const { db, file } = freshDb()
  db.transaction((tx) => {
    for (let i = 0; i < 40; i++) tx.insert(outbox).values({ key: `kill:${i}`, kind: 'test', recipient: `nguoi${i}@test.example`, subject: `Thư ${i}`, html: '<p>x</p>', text: 'x', nextAttemptAt: '2000-01-01T00:00:00.000Z' }).run()
  })
  const smtp = await startSmtp()
  const prefix = `dondoc-kill-${process.pid}-${Date.now()}`
  const env = { ...process.env, DATABASE_URL: file, REDIS_URL, QUEUE_PREFIX: prefix, SMTP_URL: smtp.url, OUTBOX_CLAIM_SECONDS: '2', SMTP_MAX_CONNECTIONS: String(CONNECTIONS), SECURITY_LOG_SILENT: '1' }
  const start = (): ChildProcess => spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], { env, stdio: 'ignore' })
  const queue = createQueue(REDIS_URL, prefix)
  let worker = start()
  try {
    await queue.add('deliver', {})
    await waitFor(() => smtp.received.length >= 10)
    worker.kill('SIGKILL')
    await new Promise((r) => worker.once('exit', r))
    const before = smtp.received.length
    expect(before).toBeLessThan(40)
    worker = start()
    await new Promise((r) => setTimeout(r, 2500)) // the dead worker's claim expires
    await queue.add('deliver', {})
    await waitFor(() => db.select({ n: sql<number>`count(*)` }).from(outbox).where(sql`${outbox.status} = 'sent'`).get()!.n === 40)
    const ids = smtp.received.map((m) => /Message-ID: <(outbox-\d+)@dondoc>/i.exec(m.raw)?.[1])
    expect(new Set(ids).size).toBe(40)
    expect(ids.length - 40).toBeLessThanOrEqual(CONNECTIONS)
  } finally {
    worker.kill('SIGTERM')
    await queue.obliterate({ force: true }).catch(() => {})
    await queue.close()
    await smtp.close()
  }
}, 60_000)

it('SIGTERM during delivery: the worker sends what is on the wire, hands back the rest and exits 0; a restart sends the rest once', async () => {
  const { db, file } = freshDb()
  db.transaction((tx) => {
    for (let i = 0; i < 150; i++) tx.insert(outbox).values({ key: `term:${i}`, kind: 'test', recipient: `nguoi${i}@test.example`, subject: `Thư ${i}`, html: '<p>x</p>', text: 'x', nextAttemptAt: '2000-01-01T00:00:00.000Z' }).run()
  })
  const smtp = await startSmtp({ delayMs: 40 })
  const prefix = `dondoc-term-${process.pid}-${Date.now()}`
  const env = { ...process.env, DATABASE_URL: file, REDIS_URL, QUEUE_PREFIX: prefix, SMTP_URL: smtp.url, SMTP_MAX_CONNECTIONS: '2', SECURITY_LOG_SILENT: '1' }
  const start = (): ChildProcess => spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], { env, stdio: 'ignore' })
  const queue = createQueue(REDIS_URL, prefix)
  let worker = start()
  const count = (where: ReturnType<typeof sql>) => db.select({ n: sql<number>`count(*)` }).from(outbox).where(where).get()!.n
  try {
    await queue.add('deliver', {})
    await waitFor(() => smtp.received.length >= 10)
    const exited = new Promise<number | null>((r) => worker.once('exit', (code) => r(code)))
    worker.kill('SIGTERM')
    expect(await exited).toBe(0)
    const sent = count(sql`${outbox.status} = 'sent'`)
    expect(sent).toBeLessThan(150)
    expect(smtp.received).toHaveLength(sent)
    expect(count(sql`${outbox.claimedBy} is not null`)).toBe(0) // handed back, not left to expire
    worker = start()
    await queue.add('deliver', {})
    await waitFor(() => count(sql`${outbox.status} = 'sent'`) === 150)
    const ids = smtp.received.map((m) => /Message-ID: <(outbox-\d+)@dondoc>/i.exec(m.raw)?.[1])
    expect(ids).toHaveLength(150)
    expect(new Set(ids).size).toBe(150)
  } finally {
    worker.kill('SIGTERM')
    await queue.obliterate({ force: true }).catch(() => {})
    await queue.close()
    await smtp.close()
  }
}, 60_000)
