// Reads a report period (year and quarter, half-year or year) from a query string, with Vietnamese messages for bad input.
import type { IsoDate } from '../../db/reference/types'
import { formatVnDate } from '../domain/dates'
import { PERIOD_CODES, quarterOf, reportPeriod, type PeriodCode, type ReportPeriod } from '../domain/report-periods'

export interface ParsedPeriod {
  period: ReportPeriod | null
  values: { year: string; period: string }
  errors: string[]
}

export function parsePeriodParams(url: URL, today: IsoDate): ParsedPeriod {
  const p = url.searchParams
  const thisYear = Number(today.slice(0, 4))
  const values = { year: (p.get('year') ?? String(thisYear)).slice(0, 10), period: (p.get('period') ?? quarterOf(today)).slice(0, 10) }
  const errors: string[] = []
  const year = Number(values.year)
  if (!/^\d{4}$/.test(values.year.trim()) || year < 1990 || year > 2200) errors.push(`Năm "${values.year}" không hợp lệ: nhập năm có 4 chữ số, ví dụ ${thisYear}.`)
  if (!(PERIOD_CODES as readonly string[]).includes(values.period)) errors.push(`Kỳ báo cáo "${values.period}" không có: chọn một quý, 6 tháng hoặc cả năm.`)
  if (errors.length) return { period: null, values, errors }
  const period = reportPeriod(values.period as PeriodCode, year)
  if (period.from > today) return { period: null, values, errors: [`${period.label} chưa bắt đầu (từ ngày ${formatVnDate(period.from)}): chưa có số liệu để báo cáo.`] }
  return { period, values, errors }
}
