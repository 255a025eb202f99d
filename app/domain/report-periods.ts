// Reporting periods (a quarter, a half-year, a year) as date ranges with the labels Vietnamese reports use.
import type { IsoDate } from '../../db/reference/types'
import { endOfHalf, endOfQuarter, endOfYear, quarterRoman } from './dates'

export const PERIOD_CODES = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'y'] as const
export type PeriodCode = (typeof PERIOD_CODES)[number]

export const PERIOD_CODE_LABELS: Record<PeriodCode, string> = {
  q1: 'Quý I',
  q2: 'Quý II',
  q3: 'Quý III',
  q4: 'Quý IV',
  h1: '6 tháng đầu năm',
  h2: '6 tháng cuối năm',
  y: 'Cả năm',
}

export interface ReportPeriod {
  code: PeriodCode
  year: number
  from: IsoDate
  to: IsoDate
  /** As a report heading says it: 'Quý I/2020', '6 tháng đầu năm 2024', 'năm 2023'. */
  label: string
}

const pad2 = (n: number) => String(n).padStart(2, '0')

export function reportPeriod(code: PeriodCode, year: number): ReportPeriod {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`Year out of range: ${year}`)
  if (code === 'y') return { code, year, from: `${year}-01-01`, to: endOfYear(year), label: `năm ${year}` }
  if (code === 'h1' || code === 'h2') {
    const half = code === 'h1' ? 1 : 2
    return { code, year, from: `${year}-${pad2(half === 1 ? 1 : 7)}-01`, to: endOfHalf(year, half), label: `${half === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}` }
  }
  const q = Number(code.slice(1))
  return { code, year, from: `${year}-${pad2(q * 3 - 2)}-01`, to: endOfQuarter(year, q), label: `Quý ${quarterRoman(q)}/${year}` }
}

/** The period code of the quarter containing a day. */
export function quarterOf(day: IsoDate): PeriodCode {
  return `q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}` as PeriodCode
}
