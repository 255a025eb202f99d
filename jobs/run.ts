// The job registry, and running one job once with its run recorded (job_runs) for the admin page.
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { jobRuns } from '../db/schema'
import { todayInVietnam } from '../app/domain/dates'
import type { JobContext, JobSummary } from './context'
import { createMailer, deliverOutbox, type Mailer } from './deliver'
import { runDigest } from './digest'
import { runOverdueSweep } from './overdue'
import { runReminders } from './reminders'
import { runRollup } from './rollup'

export const JOBS: Record<string, (ctx: JobContext) => JobSummary | Promise<JobSummary>> = {
  reminders: runReminders,
  overdue: runOverdueSweep,
  rollup: runRollup,
  digest: runDigest,
  deliver: async (ctx) => {
    const mailer = ctx.mailer ?? createMailer()
    try {
      return await deliverOutbox(ctx.db, mailer, { now: ctx.now, signal: ctx.signal })
    } finally {
      if (!ctx.mailer) mailer.close()
    }
  },
}


export async function runJob(db: Db, name: string, now: Date, options: { mailer?: Mailer; signal?: AbortSignal } = {}): Promise<JobSummary> {
  const job = JOBS[name]
  if (!job) throw new Error(`unknown job ${name}`)
  const run = db.insert(jobRuns).values({ job: name, asOf: todayInVietnam(now), startedAt: new Date().toISOString(), status: 'running' }).returning({ id: jobRuns.id }).get()
  try {
    const summary = await job({ db, now, mailer: options.mailer, signal: options.signal })
    const counts = Object.fromEntries(Object.entries(summary).filter(([, v]) => typeof v === 'number')) as Record<string, number>
    db.update(jobRuns).set({ status: 'succeeded', finishedAt: new Date().toISOString(), summary: counts }).where(eq(jobRuns.id, run.id)).run()
    return summary
  } catch (error) {
    db.update(jobRuns)
      .set({ status: 'failed', finishedAt: new Date().toISOString(), error: error instanceof Error ? error.message : String(error) })
      .where(eq(jobRuns.id, run.id))
      .run()
    throw error
  }
}
