// The background-job pieces the admin pages use, behind a .server module so that they never reach the browser bundle.
import type { Db } from '../../db/client'
import type { JobSummary } from '../../jobs/context'
import type { InlineJobs } from '../../jobs/inline'
import { runJob } from '../../jobs/run'

export { createQueue } from '../../jobs/queue'
export { JOBS, runJob } from '../../jobs/run'
export { nextRun, SCHEDULES } from '../../jobs/schedules'

// server.ts and the Remix build load separate copies of this module: the embedded runner is shared through globalThis.
const holder = globalThis as unknown as { __dondocInlineJobs?: InlineJobs }

/** server.ts registers the embedded mode's job thread here (or removes it on shutdown). */
export function setInlineJobs(jobs: InlineJobs | undefined): void {
  holder.__dondocInlineJobs = jobs
}

/** "Run now": on the embedded mode's job thread when there is one, so the web keeps answering; otherwise here. */
export function runJobNow(db: Db, job: string, now: Date): Promise<JobSummary> {
  const inline = holder.__dondocInlineJobs
  return inline ? inline.run(job, now) : runJob(db, job, now)
}
