// Completion and on-time rates per agency, rolled up the agency tree, computed on the fly from the task table.
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { computeRates, emptyCounts, sumCounts, type CategoryCounts, type Rates } from '../domain/categories'
import { listAgencies } from './agency.server'
import { countsByAgency, onTimeAgainstOriginal, type TaskFilters, type Viewer } from './task.server'

export interface AgencyRateRow {
  agencyId: number
  code: string
  name: string
  kind: string
  parentId: number | null
  depth: number
  hasChildren: boolean
  /** The agency's own tasks. */
  own: CategoryCounts
  /** Its own tasks and those of all its sub-agencies. */
  total: CategoryCounts
  rates: Rates
  /** On-time against the original deadline (before extensions), over the same completed tasks. */
  onTimeOriginalRate: number | null
}

export function agencyRates(db: Db, viewer: Viewer, asOf: IsoDate, filters: TaskFilters = {}): AgencyRateRow[] {
  const own = countsByAgency(db, viewer, asOf, filters)
  const original = onTimeAgainstOriginal(db, viewer, asOf, filters)
  const agencies = listAgencies(db, { includeInactive: true })
  const totals = new Map<number, CategoryCounts>()
  const originalTotals = new Map<number, { completed: number; onTimeOriginal: number }>()
  for (const a of agencies) {
    const counts = own.get(a.id)
    const orig = original.get(a.id)
    if (!counts) continue
    // Credit the agency and every ancestor on its path.
    for (const id of a.path.split('/').filter(Boolean).map(Number)) {
      totals.set(id, sumCounts(totals.get(id) ?? emptyCounts(), counts))
      const prev = originalTotals.get(id) ?? { completed: 0, onTimeOriginal: 0 }
      originalTotals.set(id, { completed: prev.completed + (orig?.completed ?? 0), onTimeOriginal: prev.onTimeOriginal + (orig?.onTimeOriginal ?? 0) })
    }
  }
  const parents = new Set(agencies.map((a) => a.parentId).filter((x): x is number => x != null))
  return agencies
    .filter((a) => totals.has(a.id))
    .map((a) => {
      const total = totals.get(a.id)!
      const orig = originalTotals.get(a.id)!
      return {
        agencyId: a.id,
        code: a.code,
        name: a.shortName,
        kind: a.kind,
        parentId: a.parentId,
        depth: a.path.split('/').filter(Boolean).length - 1,
        hasChildren: parents.has(a.id),
        own: own.get(a.id) ?? emptyCounts(),
        total,
        rates: computeRates(total),
        onTimeOriginalRate: orig.completed === 0 ? null : orig.onTimeOriginal / orig.completed,
      }
    })
}
