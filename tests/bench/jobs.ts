// Benchmark of the background jobs: overdue sweep and roll-up on a copy of the seeded database, and the delivery
// of 10 000 e-mails to a local SMTP server.
import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/client'
import { outbox } from '../../db/schema'
import { loadHolidays } from '../../jobs/calendar'
import { createMailer, deliverOutbox } from '../../jobs/deliver'
import { runJob } from '../../jobs/run'
import { startSmtp } from '../support/smtp'

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now()
  const result = await fn()
  return [result, performance.now() - started]
}

export async function benchJobs(seededFile: string, size: number) {
  const copy = path.join(os.tmpdir(), `dondoc-bench-jobs-${size}.db`)
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true })
  fs.copyFileSync(seededFile, copy)
  const db = openDatabase(copy)
  loadHolidays(db)
  console.log(`\njobs on ${size.toLocaleString('en')} tasks`)
  const day1 = new Date()
  const [first, firstMs] = await timed(() => runJob(db, 'overdue', day1))
  console.log(`  overdue sweep, first run (every past deadline)  ${firstMs.toFixed(0).padStart(7)} ms  ${JSON.stringify(first)}`)
  const day2 = new Date(day1.getTime() + 24 * 3600_000)
  const [daily, dailyMs] = await timed(() => runJob(db, 'overdue', day2))
  console.log(`  overdue sweep, next day                         ${dailyMs.toFixed(0).padStart(7)} ms  ${JSON.stringify(daily)}`)
  const [again, againMs] = await timed(() => runJob(db, 'overdue', day2))
  console.log(`  overdue sweep, same day again                   ${againMs.toFixed(0).padStart(7)} ms  ${JSON.stringify(again)}`)
  const [rollup, rollupMs] = await timed(() => runJob(db, 'rollup', day2))
  console.log(`  roll-up                                         ${rollupMs.toFixed(0).padStart(7)} ms  ${JSON.stringify(rollup)}`)
  const [reminders, remindersMs] = await timed(() => runJob(db, 'reminders', day2))
  console.log(`  reminders                                       ${remindersMs.toFixed(0).padStart(7)} ms  ${JSON.stringify(reminders)}`)
  db.$client.close()
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true })
  await benchDelivery()
}

/**
 * Delivery of 10 000 outbox messages to a local SMTP server: in this process (both ends of every conversation on one
 * thread), and in a process of its own (as a real mail server would be).
 */
export async function benchDelivery(count = 10_000) {
  for (const where of ['in-process', 'own process'] as const) {
    const mailDbFile = path.join(os.tmpdir(), 'dondoc-bench-mail.db')
    for (const f of [mailDbFile, `${mailDbFile}-wal`, `${mailDbFile}-shm`]) fs.rmSync(f, { force: true })
    const mailDb = openDatabase(mailDbFile)
    mailDb.transaction((tx) => {
      for (let i = 0; i < count; i++) {
        tx.insert(outbox).values({ key: `bench:${i}`, kind: 'bench', recipient: `nguoi${i}@bench.example`, subject: `Nhắc việc ${i}`, html: '<p>Nhiệm vụ sắp đến hạn</p>', text: 'Nhiệm vụ sắp đến hạn', nextAttemptAt: '2000-01-01T00:00:00.000Z' }).run()
      }
    })
    let url: string
    let received: () => Promise<number>
    let close: () => Promise<void>
    if (where === 'in-process') {
      const smtp = await startSmtp()
      url = smtp.url
      received = async () => smtp.received.length
      close = smtp.close
    } else {
      const child = fork(path.resolve('tests/bench/smtp-process.ts'), [], { execArgv: ['--import', 'tsx'] })
      url = await new Promise<string>((resolve) => child.once('message', (m) => resolve((m as { url: string }).url)))
      received = () =>
        new Promise<number>((resolve) => {
          child.once('message', (m) => resolve((m as { count: number }).count))
          child.send('count')
        })
      close = () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve())
          child.send('close')
        })
    }
    const mailer = createMailer(url)
    const cpuBefore = process.cpuUsage()
    const [delivered, deliverMs] = await timed(() => deliverOutbox(mailDb, mailer))
    const cpu = process.cpuUsage(cpuBefore)
    mailer.close()
    const got = await received()
    await close()
    const rate = Math.round(Number(delivered.sent) / (deliverMs / 1000))
    console.log(
      `  delivery of ${count.toLocaleString('en')} e-mails, SMTP server ${where.padEnd(11)} ${(deliverMs / 1000).toFixed(1).padStart(5)} s   ${rate}/s over ${mailer.concurrency} connections, CPU here ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s   ${JSON.stringify(delivered)} (${got} received)`,
    )
    mailDb.$client.close()
  }
}
