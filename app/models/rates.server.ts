// Completion and on-time rates per agency, rolled up the agency tree, computed on the fly from the task table.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rollupSnapshots } from '../../db/schema'
import type { IsoDate } from '../../db/reference/types'
import { computeRates, emptyCounts, sumCounts, type Rates } from '../domain/categories'
import { listAgencies } from './agency.server'
import { countsByAgency, type AgencyCounts, type TaskFilters, type Viewer } from './task.server'

export interface AgencyRateRow {
  agencyId: number
  code: string
  name: string
  kind: string
  parentId: number | null
  depth: number
  hasChildren: boolean
  /** The agency's own tasks. */
  own: AgencyCounts
  /** Its own tasks and those of all its sub-agencies. */
  total: AgencyCounts
  rates: Rates
  /** On-time against the original deadline (before extensions), over the same completed tasks. */
  onTimeOriginalRate: number | null
}

const emptyAgencyCounts = (): AgencyCounts => ({ ...emptyCounts(), doneOnTimeOriginal: 0 })

function add(a: AgencyCounts, b: AgencyCounts): AgencyCounts {
  return { ...sumCounts(a, b), doneOnTimeOriginal: a.doneOnTimeOriginal + b.doneOnTimeOriginal }
}

type AgencyRow = ReturnType<typeof listAgencies>[number]

function rateRow(a: AgencyRow, own: AgencyCounts, total: AgencyCounts, parents: Set<number>): AgencyRateRow {
  const completed = total.doneOnTime + total.doneLate
  return {
    agencyId: a.id,
    code: a.code,
    name: a.shortName,
    kind: a.kind,
    parentId: a.parentId,
    depth: a.path.split('/').filter(Boolean).length - 1,
    hasChildren: parents.has(a.id),
    own,
    total,
    rates: computeRates(total),
    onTimeOriginalRate: completed === 0 ? null : total.doneOnTimeOriginal / completed,
  }
}

export function agencyRates(db: Db, viewer: Viewer, asOf: IsoDate, filters: TaskFilters = {}): AgencyRateRow[] {
  const own = countsByAgency(db, viewer, asOf, filters)
  const agencies = listAgencies(db, { includeInactive: true })
  const totals = new Map<number, AgencyCounts>()
  for (const a of agencies) {
    const counts = own.get(a.id)
    if (!counts) continue
    // Credit the agency and every ancestor on its path.
    for (const id of a.path.split('/').filter(Boolean).map(Number)) totals.set(id, add(totals.get(id) ?? emptyAgencyCounts(), counts))
  }
  const parents = new Set(agencies.map((a) => a.parentId).filter((x): x is number => x != null))
  return agencies.filter((a) => totals.has(a.id)).map((a) => rateRow(a, own.get(a.id) ?? emptyAgencyCounts(), totals.get(a.id)!, parents))
}

/** The most recent day the roll-up job froze, or null before its first run. */
export function latestSnapshotDay(db: Db): string | null {
  return db.select({ day: sql<string | null>`max(${rollupSnapshots.day})` }).from(rollupSnapshots).get()?.day ?? null
}

/** The frozen figures of a day, in the same shape as the live ones (for agencies that had tasks that day). */
export function snapshotRates(db: Db, day: string): AgencyRateRow[] {
  const rows = db.select().from(rollupSnapshots).where(eq(rollupSnapshots.day, day)).all()
  const byAgency = new Map<number, { own?: AgencyCounts; tree?: AgencyCounts }>()
  for (const r of rows) {
    const counts: AgencyCounts = { assigned: r.assigned, doneOnTime: r.doneOnTime, doneLate: r.doneLate, inProgress: r.inProgress, overdue: r.overdue, standing: r.standing, doneOnTimeOriginal: r.doneOnTimeOriginal }
    byAgency.set(r.agencyId, { ...byAgency.get(r.agencyId), [r.scope]: counts })
  }
  const agencies = listAgencies(db, { includeInactive: true })
  const parents = new Set(agencies.map((a) => a.parentId).filter((x): x is number => x != null))
  return agencies
    .filter((a) => byAgency.get(a.id)?.tree)
    .map((a) => rateRow(a, byAgency.get(a.id)!.own ?? emptyAgencyCounts(), byAgency.get(a.id)!.tree!, parents))
}
