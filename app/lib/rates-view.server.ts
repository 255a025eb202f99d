// Which agencies the rates page shows for its query string (tree, kind, ranking, sub-agencies, live or frozen), shared by the page and its exports.
import { AGENCY_KINDS } from '../../db/reference/types'
import type { Db } from '../../db/client'
import { todayInVietnam } from '../domain/dates'
import { agencyRates, latestSnapshotDay, snapshotRates, type AgencyRateRow } from '../models/rates.server'
import type { Viewer } from '../models/task.server'
import { parseTaskFilters } from './task-filters.server'

export const RANKING_SIZE = 50

export interface RatesView {
  rows: AgencyRateRow[]
  /** Every agency with figures, to tell which shown rows contain others. */
  all: AgencyRateRow[]
  today: string
  snapshotDay: string | null
  useSnapshot: boolean
  kind: string
  sort: 'tree' | 'overdue'
  parent: AgencyRateRow | undefined
  errors: string[]
}

export function ratesView(db: Db, viewer: Viewer, url: URL): RatesView {
  const { filters, errors } = parseTaskFilters(db, url)
  const kind = url.searchParams.get('kind') ?? ''
  const today = todayInVietnam()
  // Live figures by default; the day's frozen roll-up on request (it does not move when a task is edited later).
  const snapshotDay = latestSnapshotDay(db)
  const useSnapshot = url.searchParams.get('source') === 'snapshot' && snapshotDay != null && !filters.directiveId && !filters.keyOnly
  const all = errors.length ? [] : useSnapshot ? snapshotRates(db, snapshotDay!) : agencyRates(db, viewer, today, { directiveId: filters.directiveId, keyOnly: filters.keyOnly })
  const sort = url.searchParams.get('sort') === 'overdue' ? 'overdue' : 'tree'
  const parentCode = (url.searchParams.get('parent') ?? '').toUpperCase()
  const parent = parentCode ? all.find((r) => r.code === parentCode) : undefined
  if (parentCode && !parent) errors.push(`Cơ quan "${parentCode}" không có nhiệm vụ nào để tính tỷ lệ.`)
  const roots = new Set(all.filter((r) => r.kind === 'government').map((r) => r.agencyId))
  let rows = all
  if ((AGENCY_KINDS as readonly string[]).includes(kind)) rows = rows.filter((r) => r.kind === kind)
  else if (parent) rows = [parent, ...rows.filter((r) => r.parentId === parent.agencyId)]
  else if (sort === 'tree') rows = rows.filter((r) => r.parentId == null || roots.has(r.parentId))
  // A ranking shows the worst first and stops at RANKING_SIZE; the tree shows one level, with links to go down.
  if (sort === 'overdue') rows = [...rows].sort((a, b) => b.total.overdue - a.total.overdue || a.name.localeCompare(b.name, 'vi')).slice(0, RANKING_SIZE)
  return { rows, all, today, snapshotDay, useSnapshot, kind, sort, parent, errors }
}
