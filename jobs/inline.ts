// The embedded mode: without Redis, the web process runs the same job functions on the same schedules itself.
import type { Db } from '../db/client'
import { runJob } from './run'
import { nextRun, SCHEDULES } from './schedules'

/** Starts timers for every schedule; returns a function that stops them. A job never overlaps itself. */
export function startInlineScheduler(db: Db, log: (line: string) => void = console.log): () => void {
  const timers = new Set<NodeJS.Timeout>()
  const running = new Set<string>()
  let stopped = false
  const plan = (job: string, cron: string) => {
    if (stopped) return
    const at = nextRun(cron, new Date())
    // setTimeout cannot wait longer than ~24.8 days; re-plan in steps.
    const delay = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1)
    const timer = setTimeout(async () => {
      timers.delete(timer)
      if (Date.now() >= at.getTime() && !running.has(job)) {
        running.add(job)
        try {
          const summary = await runJob(db, job, new Date())
          if (job !== 'deliver' || (typeof summary.sent === 'number' && summary.sent > 0)) log(`[jobs] ${JSON.stringify(summary)}`)
        } catch (error) {
          log(`[jobs] ${job} thất bại: ${error instanceof Error ? error.message : String(error)}`)
        } finally {
          running.delete(job)
        }
      }
      plan(job, cron)
    }, Math.max(0, delay))
    timer.unref()
    timers.add(timer)
  }
  for (const s of SCHEDULES) plan(s.job, s.cron)
  return () => {
    stopped = true
    for (const t of timers) clearTimeout(t)
    timers.clear()
  }
}
