// Calendar dates in Vietnam as 'YYYY-MM-DD' strings: parsing, formatting, arithmetic and recurring periods.
import type { IsoDate, Recurrence } from '../../db/reference/types'

export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

export interface Period {
  /** Stable identifier of the period: '2024-03', '2024-Q2', '2024-H1', '2024'. */
  key: string
  /** How the period is named in Vietnamese documents: 'Tháng 3/2024', 'Quý II/2024', … */
  label: string
  /** First day of the calendar period (may fall before the `from` passed to recurringPeriods). */
  startOn: IsoDate
  /** Last day of the calendar period: each period of a recurring duty is due on it. */
  dueOn: IsoDate
}

/** Above this a caller has almost certainly passed a wrong range (240 months = 20 years). */
export const MAX_RECURRING_PERIODS = 240

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const VN_DATE_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/
const QUARTER_ROMAN = ['I', 'II', 'III', 'IV'] as const

// Deadlines are calendar dates, so arithmetic runs on day numbers rather than on Date objects: no time of
// day, no time zone and no Date.UTC quirk that maps years 0–99 to 1900–1999.
interface Ymd {
  year: number
  month: number
  day: number
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function formatYmd(year: number, month: number, day: number): IsoDate {
  if (!isValidYmd(year, month, day)) {
    throw new RangeError(`Date out of range: ${year}-${month}-${day}`)
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

function parseIso(iso: IsoDate): Ymd {
  const m = ISO_DATE_RE.exec(iso)
  if (m) {
    const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
    if (isValidYmd(ymd.year, ymd.month, ymd.day)) return ymd
  }
  throw new RangeError(`Invalid ISO date: ${JSON.stringify(iso)}`)
}

// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
function toDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return formatYmd(year, month, day)
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`)
}

function toInstant(instant: Date | string | number): Date {
  const d = instant instanceof Date ? instant : new Date(instant)
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant: ${String(instant)}`)
  return d
}

// One formatter, built once: constructing Intl formatters is costly and lists format thousands of dates.
// en-CA and h23 only fix the shape of the parts; the parts are reassembled below, so the locale never shows.
const vietnamClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function vietnamParts(instant: Date | string | number) {
  const parts = vietnamClock.formatToParts(toInstant(instant))
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') }
}

/** The calendar date of an instant as seen on a clock in Vietnam. */
export function toVietnamDate(instant: Date | string | number): IsoDate {
  const p = vietnamParts(instant)
  return formatYmd(p.year, p.month, p.day)
}

/** Today's date in Vietnam, whatever the time zone of the server. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return toVietnamDate(now)
}

/** True for a 'YYYY-MM-DD' string naming a day that exists. */
export function isValidIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false
  const m = ISO_DATE_RE.exec(s)
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))
}

/**
 * Reads a date as people type it in Vietnam, day first: '05/03/2024', '5/3/2024', '5-3-2024', '5.3.2024'.
 * Returns null rather than guessing when the input is malformed or names a day that does not exist.
 */
export function parseVnDate(input: string): IsoDate | null {
  if (typeof input !== 'string') return null
  const m = VN_DATE_RE.exec(input.trim())
  if (!m) return null
  const day = Number(m[1])
  const month = Number(m[3])
  const year = Number(m[4])
  // A four-digit year outside this range is a typo (2204 for 2024), not a real deadline.
  if (year < 1900 || year > 2200) return null
  if (!isValidYmd(year, month, day)) return null
  return formatYmd(year, month, day)
}

/** 'dd/mm/yyyy', the way dates are written in Vietnamese documents; '' when there is no date. */
export function formatVnDate(iso: IsoDate | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const { year, month, day } = parseIso(iso)
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`
}

/** 'dd/mm/yyyy HH:mm' on a clock in Vietnam, for timestamps such as history entries. */
export function formatVnDateTime(instant: Date | string | number): string {
  const p = vietnamParts(instant)
  return `${pad(p.day, 2)}/${pad(p.month, 2)}/${pad(p.year, 4)} ${pad(p.hour, 2)}:${pad(p.minute, 2)}`
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Days')
  return fromDayNumber(toDayNumber(parseIso(iso)) + n)
}

/** a − b in whole days: positive when a is later. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(parseIso(a)) - toDayNumber(parseIso(b))
}

/** Same day n months later; a day the target month lacks becomes its last day (31/1 + 1 month → 29/2). */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Months')
  const { year, month, day } = parseIso(iso)
  const index = year * 12 + (month - 1) + n
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return formatYmd(y, m, Math.min(day, daysInMonth(y, m)))
}

function assertYear(year: number): void {
  assertInteger(year, 'Year')
  if (year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`)
}

export function endOfMonth(year: number, month: number): IsoDate {
  assertYear(year)
  assertInteger(month, 'Month')
  if (month < 1 || month > 12) throw new RangeError(`Month must be 1–12, got ${month}`)
  return formatYmd(year, month, daysInMonth(year, month))
}

export function endOfQuarter(year: number, quarter: number): IsoDate {
  assertInteger(quarter, 'Quarter')
  if (quarter < 1 || quarter > 4) throw new RangeError(`Quarter must be 1–4, got ${quarter}`)
  return endOfMonth(year, quarter * 3)
}

export function endOfHalf(year: number, half: number): IsoDate {
  assertInteger(half, 'Half')
  if (half !== 1 && half !== 2) throw new RangeError(`Half must be 1 or 2, got ${half}`)
  return endOfMonth(year, half * 6)
}

export function endOfYear(year: number): IsoDate {
  return endOfMonth(year, 12)
}

/** Quarters are written in Roman numerals in Vietnamese documents: 'Quý II/2024'. */
export function quarterRoman(q: number): string {
  const roman = Number.isInteger(q) ? QUARTER_ROMAN[q - 1] : undefined
  if (roman === undefined) throw new RangeError(`Quarter must be 1–4, got ${q}`)
  return roman
}

const MONTHS_PER_PERIOD: Record<Recurrence, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
}

function describePeriod(recurrence: Recurrence, year: number, firstMonth: number): Pick<Period, 'key' | 'label'> {
  switch (recurrence) {
    case 'monthly':
      return { key: `${pad(year, 4)}-${pad(firstMonth, 2)}`, label: `Tháng ${firstMonth}/${year}` }
    case 'quarterly': {
      const q = (firstMonth + 2) / 3
      return { key: `${pad(year, 4)}-Q${q}`, label: `Quý ${quarterRoman(q)}/${year}` }
    }
    case 'half-yearly':
      return firstMonth === 1
        ? { key: `${pad(year, 4)}-H1`, label: `6 tháng đầu năm ${year}` }
        : { key: `${pad(year, 4)}-H2`, label: `6 tháng cuối năm ${year}` }
    case 'yearly':
      return { key: pad(year, 4), label: `Năm ${year}` }
  }
}

/**
 * The calendar periods of a recurring duty ("định kỳ hằng quý báo cáo …") that overlap [from, until], each a
 * task of its own due on the period's last day. The first period is the one containing `from`, whole, because
 * a report for a quarter is owed for the quarter even when the directive was issued in its middle.
 */
export function recurringPeriods(recurrence: Recurrence, from: IsoDate, until: IsoDate): Period[] {
  const span = MONTHS_PER_PERIOD[recurrence]
  if (span === undefined) throw new RangeError(`Unknown recurrence: ${String(recurrence)}`)
  const start = parseIso(from)
  parseIso(until)
  if (from > until) return []
  const periods: Period[] = []
  let index = start.year * 12 + Math.floor((start.month - 1) / span) * span
  for (;;) {
    const year = Math.floor(index / 12)
    const firstMonth = index - year * 12 + 1
    const startOn = formatYmd(year, firstMonth, 1)
    if (startOn > until) break
    if (periods.length === MAX_RECURRING_PERIODS) {
      throw new RangeError(`More than ${MAX_RECURRING_PERIODS} periods from ${from} until ${until}`)
    }
    const lastMonth = firstMonth + span - 1
    periods.push({
      ...describePeriod(recurrence, year, firstMonth),
      startOn,
      dueOn: formatYmd(year, lastMonth, daysInMonth(year, lastMonth)),
    })
    index += span
  }
  return periods
}
