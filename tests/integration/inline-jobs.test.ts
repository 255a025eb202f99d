// The embedded mode (no REDIS_URL): jobs run on a worker thread with its own connection, so the web's thread keeps
// answering during a long sweep; stopping hands back unstarted deliveries; the server stops gracefully on SIGTERM.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { openDatabase } from '../../db/client'
import { jobRuns, outbox } from '../../db/schema'
import { seedSynthetic } from '../../db/seed/synthetic'
import { loadHolidays } from '../../jobs/calendar'
import { deliverOutbox, createMailer } from '../../jobs/deliver'
import { startInlineJobs } from '../../jobs/inline'
import { freshDb } from '../support/db'
import { freePort } from '../support/ports'
import { startSmtp } from '../support/smtp'

const tmpFile = (name: string) => {
  const file = path.join(os.tmpdir(), `dondoc-inline-${process.pid}-${name}.db`)
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
  return file
}

it('a long overdue sweep runs on the job thread while the main thread keeps answering', async () => {
  const file = tmpFile('sweep')
  const db = openDatabase(file)
  await seedSynthetic(db, 6000, { seed: 7 })
  loadHolidays(db)
  const jobs = startInlineJobs({ databaseFile: file, schedule: false, log: () => {} })
  try {
    await jobs.run('rollup') // the thread is up and warm
    let last = performance.now()
    let maxGap = 0
    const tick = setInterval(() => {
      const t = performance.now()
      maxGap = Math.max(maxGap, t - last)
      last = t
    }, 5)
    let summary
    try {
      summary = await jobs.run('overdue')
    } finally {
      clearInterval(tick)
    }
    expect(Number(summary.flagged)).toBeGreaterThan(0)
    // Written by the thread's own connection, seen by this one.
    const run = db.select().from(jobRuns).where(eq(jobRuns.job, 'overdue')).get()!
    expect(run.status).toBe('succeeded')
    const jobMs = Date.parse(run.finishedAt!) - Date.parse(run.startedAt)
    expect(jobMs).toBeGreaterThan(100)
    // Had the sweep run on this thread, no tick would have come for its whole duration.
    expect(maxGap).toBeLessThan(jobMs / 2)
    // Idempotent through the thread too.
    expect(await jobs.run('overdue')).toMatchObject({ flagged: 0, escalated: 0 })
    // An unknown job is an error reported back, not a dead thread.
    await expect(jobs.run('khong-co')).rejects.toThrow('unknown job')
    expect(await jobs.run('rollup')).toMatchObject({ job: 'rollup' })
  } finally {
    await jobs.stop()
    db.$client.close()
  }
}, 120_000)

it('stopping during a delivery lets the messages in flight finish and hands back the rest, nothing lost or doubled', async () => {
  const { db, file } = freshDb()
  db.transaction((tx) => {
    for (let i = 0; i < 200; i++) tx.insert(outbox).values({ key: `s:${i}`, kind: 'test', recipient: `nguoi${i}@test.example`, subject: `Thư ${i}`, html: '<p>x</p>', text: 'x', nextAttemptAt: '2000-01-01T00:00:00.000Z' }).run()
  })
  const smtp = await startSmtp({ delayMs: 40 })
  process.env.SMTP_URL = smtp.url
  process.env.SMTP_MAX_CONNECTIONS = '2'
  const jobs = startInlineJobs({ databaseFile: file, schedule: false, log: () => {} })
  try {
    const delivery = jobs.run('deliver')
    const until = Date.now() + 30_000
    while (smtp.received.length < 10 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
    await jobs.stop()
    const summary = await delivery
    const sent = Number(summary.sent)
    expect(sent).toBeGreaterThanOrEqual(10)
    expect(sent).toBeLessThan(200)
    expect(smtp.received).toHaveLength(sent)
    const count = (where: ReturnType<typeof sql>) => db.select({ n: sql<number>`count(*)` }).from(outbox).where(where).get()!.n
    expect(count(sql`status = 'sent'`)).toBe(sent)
    expect(count(sql`claimed_by is not null`)).toBe(0) // handed back, not left to expire
    // The next run (here, on this thread) sends the rest at once.
    const mailer = createMailer(smtp.url)
    expect(await deliverOutbox(db, mailer)).toMatchObject({ sent: 200 - sent, pending: 0 })
    mailer.close()
    const ids = smtp.received.map((m) => /Message-ID: <(outbox-\d+)@dondoc>/i.exec(m.raw)?.[1])
    expect(new Set(ids).size).toBe(200)
    expect(ids).toHaveLength(200)
  } finally {
    delete process.env.SMTP_URL
    delete process.env.SMTP_MAX_CONNECTIONS
    await jobs.stop()
    await smtp.close()
  }
}, 60_000)

it('npm start without Redis runs the jobs on their own thread and stops gracefully on SIGTERM', async () => {
  const file = tmpFile('server')
  openDatabase(file).$client.close()
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: file, DEMO_DATA: 'no', SECURITY_LOG_SILENT: '1' }
  delete env.REDIS_URL
  delete env.JOBS
  delete env.SMTP_URL
  const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  server.stdout!.on('data', (d) => (log += d))
  server.stderr!.on('data', (d) => (log += d))
  // 'close' comes after the output has been read to the end.
  const exited = new Promise<number | null>((resolve) => server.once('close', (code) => resolve(code)))
  try {
    const until = Date.now() + 60_000
    let status = 0
    while (Date.now() < until) {
      status = await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.status, () => 0)
      if (status) break
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(status, log).toBe(200)
    expect(log).toContain('trên một luồng riêng')
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(log).toContain('Đôn đốc đã dừng.')
  } finally {
    server.kill('SIGKILL')
  }
}, 90_000)
