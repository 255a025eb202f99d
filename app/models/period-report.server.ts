// Period reports: tasks due in a quarter, half-year or year, by group of agencies, with the sentence leaders quote.
import type { Db } from '../../db/client'
import type { AgencyKind, IsoDate } from '../../db/reference/types'
import { computeRates, formatNumber, formatPercent, type Rates } from '../domain/categories'
import { formatVnDate } from '../domain/dates'
import type { ReportPeriod } from '../domain/report-periods'
import { listAgencies } from './agency.server'
import { addAgencyCounts, emptyAgencyCounts } from './figures.server'
import { countsByAgency, type AgencyCounts } from './task.server'

export const REPORT_GROUPS = [
  { key: 'ministries', label: 'Bộ, cơ quan ngang bộ', subject: 'các bộ, cơ quan ngang bộ', kinds: ['ministry', 'ministerial_agency'] },
  { key: 'gov_agencies', label: 'Cơ quan thuộc Chính phủ', subject: 'các cơ quan thuộc Chính phủ', kinds: ['government_agency'] },
  { key: 'provinces', label: 'UBND tỉnh, thành phố trực thuộc Trung ương', subject: 'UBND các tỉnh, thành phố trực thuộc Trung ương', kinds: ['province'] },
  { key: 'departments', label: 'Sở, ban, ngành cấp tỉnh', subject: 'các sở, ban, ngành cấp tỉnh', kinds: ['provincial_department'] },
  { key: 'districts', label: 'UBND cấp huyện, cấp xã', subject: 'UBND các huyện, xã', kinds: ['district', 'commune'] },
  { key: 'others', label: 'Cơ quan khác', subject: 'các cơ quan khác', kinds: ['government', 'other'] },
] as const satisfies ReadonlyArray<{ key: string; label: string; subject: string; kinds: readonly AgencyKind[] }>

export interface PerformerRow {
  code: string
  name: string
  counts: AgencyCounts
  rates: Rates
  /** Tasks due in the period and not completed: overdue plus still within the deadline. */
  owed: number
}

export interface GroupRow {
  key: string
  label: string
  subject: string
  counts: AgencyCounts
  rates: Rates
  owed: number
  agencies: number
  best: PerformerRow[]
  worst: PerformerRow[]
}

export interface PeriodReport {
  period: ReportPeriod
  /** The day the figures are taken on: the end of the period, or today while it runs. */
  asOf: IsoDate
  groups: GroupRow[]
  total: { counts: AgencyCounts; rates: Rates; owed: number }
  summary: string[]
}

const PERFORMERS = 3
const EVERYONE = { role: 'leader' as const, agencyId: null }

const owedOf = (c: AgencyCounts) => c.inProgress + c.overdue

/**
 * "Assigned" in a period report means due in the period: every task that is not cancelled and whose deadline in
 * force (after approved extensions) falls within it; standing tasks have no deadline and are left out. Each task
 * counts under the agency accountable for it (a merged agency's under its successor), in the group of that
 * agency's kind, so no task counts twice. Figures are taken as of the period's last day, or today while it runs.
 */
export function periodReport(db: Db, period: ReportPeriod, today: IsoDate): PeriodReport {
  const asOf = period.to < today ? period.to : today
  const own = countsByAgency(db, EVERYONE, asOf, { dueFrom: period.from, dueTo: period.to })
  const agencies = new Map(listAgencies(db, { includeInactive: true }).map((a) => [a.id, a]))
  const groups: GroupRow[] = REPORT_GROUPS.map((g) => {
    const members: PerformerRow[] = []
    let counts = emptyAgencyCounts()
    for (const [agencyId, c] of own) {
      const a = agencies.get(agencyId)
      if (!a || !(g.kinds as readonly string[]).includes(a.kind) || c.assigned === 0) continue
      counts = addAgencyCounts(counts, c)
      members.push({ code: a.code, name: a.shortName, counts: c, rates: computeRates(c), owed: owedOf(c) })
    }
    const rate = (r: PerformerRow) => r.rates.completionRate ?? 0
    const byName = (x: PerformerRow, y: PerformerRow) => x.name.localeCompare(y.name, 'vi')
    const best = [...members].filter((m) => m.rates.completed > 0).sort((x, y) => rate(y) - rate(x) || y.rates.completed - x.rates.completed || byName(x, y)).slice(0, PERFORMERS)
    const bestCodes = new Set(best.map((b) => b.code))
    const worst = [...members]
      .filter((m) => m.owed > 0 && !bestCodes.has(m.code))
      .sort((x, y) => rate(x) - rate(y) || y.counts.overdue - x.counts.overdue || byName(x, y))
      .slice(0, PERFORMERS)
    return { key: g.key, label: g.label, subject: g.subject, counts, rates: computeRates(counts), owed: owedOf(counts), agencies: members.length, best, worst }
  }).filter((g) => g.counts.assigned > 0)
  let total = emptyAgencyCounts()
  for (const g of groups) total = addAgencyCounts(total, g.counts)
  const report = { period, asOf, groups, total: { counts: total, rates: computeRates(total), owed: owedOf(total) } }
  return { ...report, summary: summaryParagraphs(report) }
}

/** The paragraphs of the report, in the wording of the Government's own reports ("đã hoàn thành 296 nhiệm vụ, đạt tỷ lệ 35,03%"). */
export function summaryParagraphs(r: Omit<PeriodReport, 'summary'>): string[] {
  const n = formatNumber
  if (r.total.counts.assigned === 0) return [`Trong ${r.period.label} không có nhiệm vụ nào đến hạn.`]
  const t = r.total
  const out: string[] = []
  const owedText = (c: AgencyCounts) =>
    c.inProgress + c.overdue === 0 ? 'không còn nhiệm vụ nào chưa hoàn thành' : `còn ${n(c.inProgress + c.overdue)} nhiệm vụ chưa hoàn thành (${n(c.overdue)} quá hạn${c.inProgress ? `, ${n(c.inProgress)} đang trong hạn` : ''})`
  out.push(
    `Tính đến ngày ${formatVnDate(r.asOf)}, trong ${r.period.label} có ${n(t.counts.assigned)} nhiệm vụ đến hạn; đã hoàn thành ${n(t.rates.completed)} nhiệm vụ, đạt tỷ lệ ${formatPercent(t.rates.completed, t.counts.assigned)} (đúng hạn ${n(t.counts.doneOnTime)}, quá hạn ${n(t.counts.doneLate)}); ${owedText(t.counts)}.`,
  )
  for (const g of r.groups) {
    const c = g.counts
    let s = `${capitalize(g.subject)} được giao ${n(c.assigned)} nhiệm vụ đến hạn trong kỳ, đã hoàn thành ${n(g.rates.completed)} nhiệm vụ, đạt tỷ lệ ${formatPercent(g.rates.completed, c.assigned)}; ${owedText(c)}.`
    if (g.best.length) s += ` Hoàn thành tốt: ${g.best.map((b) => `${b.name} (${n(b.rates.completed)}/${n(b.counts.assigned)}, ${formatPercent(b.rates.completed, b.counts.assigned)})`).join('; ')}.`
    if (g.worst.length) s += ` Còn chậm: ${g.worst.map((w) => `${w.name} (còn nợ ${n(w.owed)} nhiệm vụ, ${n(w.counts.overdue)} quá hạn)`).join('; ')}.`
    out.push(s)
  }
  return out
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
