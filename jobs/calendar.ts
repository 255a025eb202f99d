// The working-day calendar as stored in the database (holidays table), seeded from the reference list.
import type { Db } from '../db/client'
import { VIETNAM_HOLIDAYS } from '../db/reference/holidays'
import { holidays } from '../db/schema'
import { createCalendar } from '../app/domain/working-days'

/** Inserts the reference holidays that are missing; an admin's edits to existing rows stay. */
export function loadHolidays(db: Db): number {
  let inserted = 0
  db.transaction((tx) => {
    for (const h of VIETNAM_HOLIDAYS) {
      inserted += tx.insert(holidays).values(h).onConflictDoNothing().run().changes
    }
  })
  return inserted
}

export function loadCalendar(db: Db) {
  return createCalendar(db.select().from(holidays).all())
}
