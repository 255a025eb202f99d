// What every job function receives: the database, the clock, and for delivery the mailer.
import type { Db } from '../db/client'
import type { Mailer } from './deliver'

export interface JobContext {
  db: Db
  /** The moment the run is for; "today" is its calendar date in Asia/Ho_Chi_Minh. */
  now: Date
  mailer?: Mailer
  /** Aborted when the process shuts down: a long job stops taking new work and hands back what it claimed. */
  signal?: AbortSignal
}

export type JobSummary = { job: string } & Record<string, number | string>
