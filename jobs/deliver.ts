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
  close(): void
}

/** SMTP when SMTP_URL is set (pooled connections); otherwise .eml files under data/outbox for a newcomer to read. */
export function createMailer(smtpUrl = process.env.SMTP_URL, emlDir = path.resolve('data/outbox')): Mailer {
  if (smtpUrl) {
    // Bounded waits, so that a silent server makes a visible, retried failure instead of a hung job.
    const timeout = Number(process.env.SMTP_TIMEOUT_MS) > 0 ? Number(process.env.SMTP_TIMEOUT_MS) : 30_000
    const transport: Transporter = nodemailer.createTransport({ url: smtpUrl, pool: true, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as never)
    return {
      async send(m) {
        const info = await transport.sendMail(m)
        return String(info.messageId ?? m.messageId)
      },
      close: () => transport.close(),
    }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
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

/**
 * Claims a batch atomically (one UPDATE … RETURNING), so two workers never take the same message; a worker that
 * dies leaves its claim to expire and another takes the messages over. Each message is marked sent right after
 * the server accepts it, and carries a fixed Message-ID so that a resend after a crash in that instant can be
 * recognised by the receiving side.
 */
export function claimBatch(db: Db, workerId: string, now: Date, size = BATCH_SIZE) {
  const until = new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString()
  return db.$client
    .prepare(
      `update outbox set claimed_by = ?, claimed_until = ?
       where id in (select id from outbox where status = 'pending' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) order by id limit ?)
       returning id, recipient, subject, html, text, attempts`,
    )
    .all(workerId, until, now.toISOString(), now.toISOString(), size) as Array<{ id: number; recipient: string; subject: string; html: string; text: string; attempts: number }>
}

export async function deliverOutbox(db: Db, mailer: Mailer, options: { now?: Date; workerId?: string; maxBatches?: number } = {}): Promise<JobSummary> {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}`
  let sent = 0
  let failed = 0
  let retrying = 0
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const now = options.now ?? new Date()
    const claimed = claimBatch(db, workerId, now)
    if (claimed.length === 0) break
    for (const m of claimed) {
      try {
        const messageId = await mailer.send({ from: FROM, to: m.recipient, subject: m.subject, html: m.html, text: m.text, messageId: `<outbox-${m.id}@dondoc>` })
        db.update(outbox)
          .set({ status: 'sent', sentAt: new Date().toISOString(), messageId, attempts: m.attempts + 1, claimedBy: null, claimedUntil: null, lastError: null })
          .where(eq(outbox.id, m.id))
          .run()
        sent++
      } catch (error) {
        const attempts = m.attempts + 1
        const giveUp = attempts >= MAX_ATTEMPTS
        db.update(outbox)
          .set({
            status: giveUp ? 'failed' : 'pending',
            attempts,
            lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error).slice(0, 1000),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
            claimedBy: null,
            claimedUntil: null,
          })
          .where(eq(outbox.id, m.id))
          .run()
        if (giveUp) failed++
        else retrying++
      }
    }
  }
  const pending = db.select({ n: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, 'pending')).get()?.n ?? 0
  return { job: 'deliver', sent, retrying, failed, pending }
}
