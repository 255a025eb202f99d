// The daily roll-up: freezes each agency's figures (own and with its sub-agencies) as of the day.
import { rollupSnapshots } from '../db/schema'
import { todayInVietnam } from '../app/domain/dates'
import { agencyRates } from '../app/models/rates.server'
import type { JobContext, JobSummary } from './context'

const EVERYONE = { role: 'leader' as const, agencyId: null }

/** Idempotent: the first run of a day writes its snapshot; later runs that day keep it and write nothing. */
export function runRollup({ db, now }: JobContext): JobSummary {
  const day = todayInVietnam(now)
  const rows = agencyRates(db, EVERYONE, day)
  let written = 0
  db.transaction((tx) => {
    for (const r of rows) {
      for (const [scope, c] of [
        ['own', r.own],
        ['tree', r.total],
      ] as const) {
        written += tx
          .insert(rollupSnapshots)
          .values({
            day,
            agencyId: r.agencyId,
            scope,
            assigned: c.assigned,
            doneOnTime: c.doneOnTime,
            doneLate: c.doneLate,
            inProgress: c.inProgress,
            overdue: c.overdue,
            standing: c.standing,
            doneOnTimeOriginal: c.doneOnTimeOriginal,
          })
          .onConflictDoNothing()
          .run().changes
      }
    }
  })
  return { job: 'rollup', day, agencies: written > 0 ? rows.length : 0, rows: written }
}
