// A working-day calendar for deadlines and reminders, built from the admin-edited table of days off and make-up days.
import type { IsoDate } from '../../db/reference/types'
import { addDays, diffDays, isValidIsoDate } from './dates'

export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory', 'makeup_workday'] as const
/**
 * 'holiday': a public holiday of Điều 112 Bộ luật Lao động 2019 (for Tết, every weekday of the break);
 * 'compensatory': any other weekday off the Government grants (nghỉ bù, or the weekday given in a swap);
 * 'makeup_workday': a Saturday or Sunday worked in return (làm bù).
 */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number]

export interface CalendarEntry {
  date: IsoDate
  kind: CalendarDayKind
}

export interface WorkingDayCalendar {
  /** Monday to Friday unless a day off, and any day listed as a make-up workday. */
  isWorkingDay(date: IsoDate): boolean
  /**
   * The n-th working day after `date` (before it when n is negative); `date` itself never counts. With n = 0,
   * `date` if it is a working day, else the next one: a time limit ending on a day off runs to the end of the next
   * working day (Điều 148 Bộ luật Dân sự 2015), so 0 rounds forward, never back.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate
  /** Working days in (a, b]: 0 when a = b, negative (minus those in (b, a]) when b is before a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number
  previousWorkingDayOnOrBefore(date: IsoDate): IsoDate
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate
  /**
   * The days to remind on for a deadline: for each offset k > 0 the k-th working day before `dueOn`, for 0 the due
   * day itself, or the working day before it when it is a day off, so that nobody is first told on a Monday that
   * Sunday's deadline has passed. Sorted and without repeats: for a deadline on a day off, 0 and 1 are the same day.
   */
  reminderDates(dueOn: IsoDate, offsets: readonly number[]): IsoDate[]
}

// Loops run on day numbers counted from 1970-01-01 (a Thursday): one string is parsed and one formatted per call
// instead of one per day walked, which keeps a year of stepping far below a millisecond.
const EPOCH: IsoDate = '1970-01-01'
const EPOCH_WEEKDAY = 4 // Thursday, counting Sunday as 0
const FIRST_MONDAY = 4 // 1970-01-05

const toDay = (date: IsoDate): number => diffDays(date, EPOCH)
const fromDay = (day: number): IsoDate => addDays(EPOCH, day)

function isWeekend(day: number): boolean {
  const weekday = (((day + EPOCH_WEEKDAY) % 7) + 7) % 7
  return weekday === 0 || weekday === 6
}

/** Mondays to Fridays up to `day` counted from a fixed Monday: a difference gives the weekdays in a range. */
function weekdaysThrough(day: number): number {
  const sinceMonday = day - FIRST_MONDAY
  const weeks = Math.floor(sinceMonday / 7)
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5)
}

/** How many of the sorted `days` lie in (lo, hi]. */
function countWithin(days: readonly number[], lo: number, hi: number): number {
  return upperBound(days, hi) - upperBound(days, lo)
}

function upperBound(days: readonly number[], value: number): number {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (days[mid] <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`)
}

/**
 * Builds the calendar once from the table, so that each question is a Set lookup. A date listed both as a day off
 * and as a make-up workday is an error in the table, not something to settle silently: it throws.
 */
export function createCalendar(entries: readonly CalendarEntry[]): WorkingDayCalendar {
  const daysOff = new Set<number>()
  const workdays = new Set<number>()
  for (const entry of entries) {
    if (!isValidIsoDate(entry.date)) throw new RangeError(`Invalid calendar date: ${JSON.stringify(entry.date)}`)
    if (!CALENDAR_DAY_KINDS.includes(entry.kind)) {
      throw new RangeError(`Unknown kind of calendar day on ${entry.date}: ${JSON.stringify(entry.kind)}`)
    }
    if (entry.kind === 'makeup_workday') workdays.add(toDay(entry.date))
    else daysOff.add(toDay(entry.date))
  }
  for (const day of workdays) {
    if (daysOff.has(day)) throw new RangeError(`${fromDay(day)} is listed both as a day off and as a make-up workday`)
  }

  // Only these entries change anything (a holiday on a Sunday is off anyway); outside their span every week has
  // exactly five working days, which lets long jumps skip whole weeks and counts use arithmetic.
  const weekdaysOff = [...daysOff].filter((day) => !isWeekend(day)).sort((a, b) => a - b)
  const weekendWorkdays = [...workdays].filter(isWeekend).sort((a, b) => a - b)
  const firstSignificant = Math.min(weekdaysOff[0] ?? Infinity, weekendWorkdays[0] ?? Infinity)
  const lastSignificant = Math.max(weekdaysOff.at(-1) ?? -Infinity, weekendWorkdays.at(-1) ?? -Infinity)

  const isWorking = (day: number): boolean => workdays.has(day) || (!daysOff.has(day) && !isWeekend(day))

  // Both walks end within a few days of the table's span: past it every weekday is a working day.
  const onOrAfter = (day: number): number => {
    while (!isWorking(day)) day++
    return day
  }
  const onOrBefore = (day: number): number => {
    while (!isWorking(day)) day--
    return day
  }

  const shift = (from: number, n: number): number => {
    if (n === 0) return onOrAfter(from)
    const step = n > 0 ? 1 : -1
    let day = from
    let remaining = Math.abs(n)
    while (remaining > 0) {
      const beyondTable = step > 0 ? day >= lastSignificant : day <= firstSignificant
      if (beyondTable && remaining > 5) {
        const weeks = Math.floor((remaining - 1) / 5)
        day += step * weeks * 7
        remaining -= weeks * 5
      }
      day += step
      if (isWorking(day)) remaining--
    }
    return day
  }

  const countWorking = (lo: number, hi: number): number =>
    weekdaysThrough(hi) -
    weekdaysThrough(lo) -
    countWithin(weekdaysOff, lo, hi) +
    countWithin(weekendWorkdays, lo, hi)

  return {
    isWorkingDay: (date) => isWorking(toDay(date)),

    addWorkingDays(date, n) {
      assertInteger(n, 'Working days')
      return fromDay(shift(toDay(date), n))
    },

    workingDaysBetween(a, b) {
      const from = toDay(a)
      const to = toDay(b)
      // 0 - x rather than -x: a count of none going back is 0, not -0, which toBe and Object.is tell apart.
      return to >= from ? countWorking(from, to) : 0 - countWorking(to, from)
    },

    previousWorkingDayOnOrBefore: (date) => fromDay(onOrBefore(toDay(date))),

    nextWorkingDayOnOrAfter: (date) => fromDay(onOrAfter(toDay(date))),

    reminderDates(dueOn, offsets) {
      const due = toDay(dueOn)
      const days = new Set<number>()
      for (const offset of offsets) {
        assertInteger(offset, 'Reminder offset')
        if (offset < 0) throw new RangeError(`Reminder offset must not be negative, got ${offset}`)
        days.add(offset === 0 ? onOrBefore(due) : shift(due, -offset))
      }
      return [...days].sort((a, b) => a - b).map(fromDay)
    },
  }
}
