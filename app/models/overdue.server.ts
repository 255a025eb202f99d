// The overdue list as a meeting sees it (one agency at a time) and as it is printed (an annex with totals).
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { overdueGroups, overdueTasksOf, type OverdueGroupSummary, type TaskFilters, type TaskRow, type Viewer } from './task.server'

/** A projector shows about a dozen tasks at a time; past this many the meeting opens the full list instead. */
export const MEETING_TASKS_MAX = 60

export interface MeetingView {
  groups: OverdueGroupSummary[]
  /** Position of the agency shown, 0-based; -1 when nothing is overdue. */
  index: number
  tasks: TaskRow[]
  /** The agency code asked for (`at`) is not in the list: the first agency is shown instead. */
  atMissing: boolean
  totalTasks: number
}

/** The outline of every agency with overdue tasks, and the tasks of the one agency on screen (`at`: its code). */
export function overdueMeeting(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate, at: string | null): MeetingView {
  const groups = overdueGroups(db, viewer, filters, asOf)
  const found = at ? groups.findIndex((g) => g.agencyCode === at) : 0
  const index = groups.length === 0 ? -1 : Math.max(0, found)
  const current = groups[index]
  const tasks = current ? overdueTasksOf(db, viewer, filters, asOf, [current.agencyId], MEETING_TASKS_MAX) : []
  return { groups, index, tasks, atMissing: Boolean(at) && found < 0 && groups.length > 0, totalTasks: groups.reduce((s, g) => s + g.count, 0) }
}

/**
 * A printed annex stays printable: past this many tasks the whole agencies that fit are printed in detail and the
 * others appear in the totals table only, with a note saying so.
 */
export const PRINT_MAX_TASKS = 2000

export interface PrintView {
  /** Every agency with its count, for the totals table. */
  groups: OverdueGroupSummary[]
  /** The agencies printed in detail, in list order, with their tasks. */
  detailed: Array<OverdueGroupSummary & { tasks: TaskRow[] }>
  totalTasks: number
  /** Tasks not printed in detail (0 when the annex is complete). */
  omittedTasks: number
}

export function overduePrint(db: Db, viewer: Viewer, filters: TaskFilters, asOf: IsoDate, maxTasks = PRINT_MAX_TASKS): PrintView {
  const groups = overdueGroups(db, viewer, filters, asOf)
  const totalTasks = groups.reduce((s, g) => s + g.count, 0)
  const chosen: OverdueGroupSummary[] = []
  let n = 0
  for (const g of groups) {
    if (chosen.length > 0 && n + g.count > maxTasks) break
    chosen.push(g)
    n += g.count
  }
  // A single agency with more overdue tasks than the cap: print its longest overdue ones.
  const perAgency = chosen.length === 1 && chosen[0].count > maxTasks ? maxTasks : undefined
  const rows = overdueTasksOf(db, viewer, filters, asOf, chosen.map((g) => g.agencyId), perAgency)
  const byAgency = new Map<number, TaskRow[]>()
  for (const r of rows) {
    const list = byAgency.get(r.rollupAgencyId)
    if (list) list.push(r)
    else byAgency.set(r.rollupAgencyId, [r])
  }
  const detailed = chosen.map((g) => ({ ...g, tasks: byAgency.get(g.agencyId) ?? [] }))
  return { groups, detailed, totalTasks, omittedTasks: totalTasks - rows.length }
}
