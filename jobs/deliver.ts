// Delivery: sends pending outbox messages through nodemailer (SMTP_URL, pooled) or, without it, writes .eml files.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { outbox } from '../db/schema'
import type { JobSummary } from './context'

export const MAX_ATTEMPTS = 8
/** How long a claim holds before another worker may take the messages over (a dead worker's, say). */
export const CLAIM_SECONDS = Number(process.env.OUTBOX_CLAIM_SECONDS) > 0 ? Number(process.env.OUTBOX_CLAIM_SECONDS) : 120
export const BATCH_SIZE = 200
export const FROM = process.env.MAIL_FROM ?? 'Đôn đốc <khong-tra-loi@dondoc.example>'

export interface Mailer {
  send(message: { from: string; to: string; subject: string; html: string; text: string; messageId: string }): Promise<string>
  /** How many messages delivery may have in flight at once (the SMTP pool's connections). */
  readonly concurrency: number
  close(): void
}

/** SMTP connections kept open in the pool, and so the messages in flight at once (SMTP_MAX_CONNECTIONS, 1–50). */
export function smtpConnections(): number {
  const n = Number(process.env.SMTP_MAX_CONNECTIONS)
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : 5
}

/** SMTP when SMTP_URL is set (pooled connections); otherwise .eml files under data/outbox for a newcomer to read. */
export function createMailer(smtpUrl = process.env.SMTP_URL, emlDir = path.resolve('data/outbox')): Mailer {
  if (smtpUrl) {
    // Bounded waits, so that a silent server makes a visible, retried failure instead of a hung job.
    const timeout = Number(process.env.SMTP_TIMEOUT_MS) > 0 ? Number(process.env.SMTP_TIMEOUT_MS) : 30_000
    const connections = smtpConnections()
    const transport: Transporter = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: connections,
      // Reconnecting every 100 messages (nodemailer's default) costs a handshake each time for nothing.
      maxMessages: 1000,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as never)
    return {
      concurrency: connections,
      async send(m) {
        const info = await transport.sendMail(m)
        return String(info.messageId ?? m.messageId)
      },
      close: () => transport.close(),
    }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    concurrency: 1,
    async send(m) {
      const info = await transport.sendMail(m)
      fs.mkdirSync(emlDir, { recursive: true })
      const file = path.join(emlDir, `${m.messageId.replace(/[<>@]/g, '_')}.eml`)
      fs.writeFileSync(file, info.message as Buffer)
      return m.messageId
    },
    close: () => transport.close(),
  }
}

/** Exponential back-off: 1, 2, 4 … minutes, at most a day. */
export function retryDelayMs(attempts: number): number {
  return Math.min(24 * 60, 2 ** Math.max(0, attempts - 1)) * 60_000
}

type Claimed = { id: number; recipient: string; subject: string; html: string; text: string; attempts: number }

/**
 * Claims a batch atomically (one UPDATE … RETURNING), so two workers never take the same message; a worker that
 * dies leaves its claim to expire and another takes the messages over.
 */
export function claimBatch(db: Db, workerId: string, now: Date, size = BATCH_SIZE): Claimed[] {
  const until = new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString()
  return db.$client
    .prepare(
      `update outbox set claimed_by = ?, claimed_until = ?
       where id in (select id from outbox where status = 'pending' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) order by id limit ?)
       returning id, recipient, subject, html, text, attempts`,
    )
    .all(workerId, until, now.toISOString(), now.toISOString(), size) as Claimed[]
}

/**
 * Sends pending messages with up to `mailer.concurrency` in flight (one per pooled SMTP connection). Each message
 * is handled on its own: right before it goes out its claim is renewed — if another worker has taken it over in
 * the meantime it is left alone — and right after the server accepts it, it is marked sent in its own small
 * statement, before anything else runs. A crash can therefore repeat at most the messages the server had accepted
 * but whose acceptance was not yet recorded: at most one per connection, each with its fixed Message-ID
 * (`<outbox-ID@dondoc>`) for the receiving side to recognise. Failures back off exponentially and stay visible.
 */
export async function deliverOutbox(db: Db, mailer: Mailer, options: { now?: Date; workerId?: string; maxBatches?: number; signal?: AbortSignal } = {}): Promise<JobSummary> {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}`
  const clock = () => options.now ?? new Date()
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY
  const renew = db.$client.prepare(`update outbox set claimed_until = ? where id = ? and claimed_by = ? and status = 'pending'`)
  const markSent = db.$client.prepare(
    `update outbox set status = 'sent', sent_at = ?, message_id = ?, attempts = ?, claimed_by = null, claimed_until = null, last_error = null where id = ?`,
  )
  const markFailed = db.$client.prepare(
    `update outbox set status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = null, claimed_until = null where id = ?`,
  )
  let sent = 0
  let failed = 0
  let retrying = 0
  const queue: Claimed[] = []
  let batches = 0
  let exhausted = false
  // Synchronous, so the lanes of this process never claim at the same time; a new batch is claimed only when the
  // previous one has been handed out entirely.
  const next = (): Claimed | undefined => {
    if (options.signal?.aborted && !exhausted) {
      // Shutting down: the messages in flight finish; the ones claimed but not started are handed back at once.
      exhausted = true
      const release = db.$client.prepare(`update outbox set claimed_by = null, claimed_until = null where id = ? and claimed_by = ? and status = 'pending'`)
      db.$client.transaction(() => {
        for (const m of queue) release.run(m.id, workerId)
      })()
      queue.length = 0
    }
    if (queue.length === 0 && !exhausted) {
      const claimed = batches < maxBatches ? claimBatch(db, workerId, clock()) : []
      batches++
      if (claimed.length === 0) exhausted = true
      else queue.push(...claimed)
    }
    return queue.shift()
  }
  const deliverOne = async (m: Claimed) => {
    // Still ours? (A worker stalled for longer than a claim lasts may have lost it to another.)
    if (renew.run(new Date(clock().getTime() + CLAIM_SECONDS * 1000).toISOString(), m.id, workerId).changes === 0) return
    let messageId: string
    try {
      messageId = await mailer.send({ from: FROM, to: m.recipient, subject: m.subject, html: m.html, text: m.text, messageId: `<outbox-${m.id}@dondoc>` })
    } catch (error) {
      const attempts = m.attempts + 1
      const giveUp = attempts >= MAX_ATTEMPTS
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
      markFailed.run(giveUp ? 'failed' : 'pending', attempts, reason, new Date(clock().getTime() + retryDelayMs(attempts)).toISOString(), m.id)
      if (giveUp) failed++
      else retrying++
      return
    }
    // No await between the server's acceptance and this write: it is the whole duplicate window.
    markSent.run(new Date().toISOString(), messageId, m.attempts + 1, m.id)
    sent++
  }
  const lane = async () => {
    for (let m = next(); m; m = next()) await deliverOne(m)
  }
  // Wait for every lane even if one fails (a database error, say), so nothing is still sending when this returns.
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, mailer.concurrency) }, lane))
  const broken = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected')
  if (broken) throw broken.reason
  const pending = db.select({ n: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, 'pending')).get()?.n ?? 0
  return { job: 'deliver', sent, retrying, failed, pending }
}
