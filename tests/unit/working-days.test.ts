// Unit tests for the working-day calendar and for the reference table of Vietnam's holidays it is built from.
import { describe, expect, it } from 'vitest'
import { addDays, diffDays, isValidIsoDate, parseVnDate } from '~/domain/dates'
import { CALENDAR_DAY_KINDS, createCalendar, type CalendarEntry, type WorkingDayCalendar } from '~/domain/working-days'
import { VIETNAM_HOLIDAYS } from '../../db/reference/holidays'

const vietnam = createCalendar(VIETNAM_HOLIDAYS)
const plain = createCalendar([])

/** 0 = Sunday … 6 = Saturday, independent of the module under test. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6

/** Every date from `from` to `to`, both included. */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d)
  return dates
}

// Step-by-step versions of addWorkingDays and workingDaysBetween, obviously right and slow, to check the fast ones.
function naiveAdd(cal: WorkingDayCalendar, date: string, n: number): string {
  if (n === 0) {
    let d = date
    while (!cal.isWorkingDay(d)) d = addDays(d, 1)
    return d
  }
  const step = Math.sign(n)
  let d = date
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step)
    if (cal.isWorkingDay(d)) left--
  }
  return d
}

function naiveBetween(cal: WorkingDayCalendar, a: string, b: string): number {
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1]
  let count = 0
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (cal.isWorkingDay(d)) count++
  return sign > 0 ? count : 0 - count
}

/** A small deterministic generator (mulberry32), so that the randomised checks are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('isWorkingDay', () => {
  it('is Monday to Friday on an ordinary week', () => {
    // 2024-03-04 is a Monday with no holiday in its week.
    const week = datesFrom('2024-03-04', '2024-03-10').map((d) => vietnam.isWorkingDay(d))
    expect(week).toEqual([true, true, true, true, true, false, false])
  })

  it('treats Saturdays and Sundays as days off, with or without a table', () => {
    for (const d of ['2024-03-09', '2024-03-10', '2025-06-14', '2025-06-15']) {
      expect(vietnam.isWorkingDay(d)).toBe(false)
      expect(plain.isWorkingDay(d)).toBe(false)
    }
  })

  it('treats a weekday holiday as a day off', () => {
    expect(vietnam.isWorkingDay('2024-01-01')).toBe(false) // Tết Dương lịch, Monday
    expect(vietnam.isWorkingDay('2025-04-07')).toBe(false) // Giỗ Tổ, Monday
    expect(vietnam.isWorkingDay('2024-09-03')).toBe(false) // Quốc khánh's extra day, Tuesday
    expect(plain.isWorkingDay('2024-01-01')).toBe(true)
  })

  it('treats a day off in lieu and a swapped weekday as days off', () => {
    expect(vietnam.isWorkingDay('2023-01-02')).toBe(false) // after 1/1 on a Sunday
    expect(vietnam.isWorkingDay('2026-04-27')).toBe(false) // after Giỗ Tổ on a Sunday
    expect(vietnam.isWorkingDay('2024-04-29')).toBe(false) // swapped with Saturday 4/5
    expect(vietnam.isWorkingDay('2025-05-02')).toBe(false) // swapped with Saturday 26/4
  })

  it('treats a make-up Saturday as a working day', () => {
    expect(vietnam.isWorkingDay('2024-05-04')).toBe(true)
    expect(vietnam.isWorkingDay('2025-04-26')).toBe(true)
    expect(plain.isWorkingDay('2024-05-04')).toBe(false)
  })

  it('lets a make-up day make a Sunday a working day', () => {
    const cal = createCalendar([{ date: '2024-03-10', kind: 'makeup_workday' }])
    expect(cal.isWorkingDay('2024-03-10')).toBe(true)
    expect(cal.isWorkingDay('2024-03-09')).toBe(false)
  })

  it('rejects a date that does not exist', () => {
    expect(() => vietnam.isWorkingDay('2023-02-29')).toThrow(RangeError)
    expect(() => vietnam.isWorkingDay('29/02/2024')).toThrow(RangeError)
  })
})

describe('createCalendar', () => {
  it('rejects an invalid date in the table', () => {
    expect(() => createCalendar([{ date: '2024-13-01', kind: 'holiday' }])).toThrow(/2024-13-01/)
  })

  it('rejects an unknown kind, since the table comes from the database as text', () => {
    const entries = [{ date: '2024-03-05', kind: 'vacation' }] as unknown as CalendarEntry[]
    expect(() => createCalendar(entries)).toThrow(/vacation/)
  })

  it('rejects a date listed both as a day off and as a make-up workday', () => {
    const entries: CalendarEntry[] = [
      { date: '2024-05-04', kind: 'makeup_workday' },
      { date: '2024-05-04', kind: 'compensatory' },
    ]
    expect(() => createCalendar(entries)).toThrow(/2024-05-04/)
  })

  it('accepts a day listed twice as a day off', () => {
    const cal = createCalendar([
      { date: '2024-03-05', kind: 'holiday' },
      { date: '2024-03-05', kind: 'compensatory' },
    ])
    expect(cal.isWorkingDay('2024-03-05')).toBe(false)
    expect(cal.workingDaysBetween('2024-03-04', '2024-03-08')).toBe(3)
  })

  it('accepts database rows, which carry a name beside date and kind', () => {
    const rows = [{ date: '2024-03-05', name: 'Nghỉ đột xuất', kind: 'compensatory' as const }]
    expect(createCalendar(rows).isWorkingDay('2024-03-05')).toBe(false)
  })

  it('does not depend on the order of the table', () => {
    const shuffled = createCalendar([...VIETNAM_HOLIDAYS].reverse())
    expect(shuffled.addWorkingDays('2024-01-01', 300)).toBe(vietnam.addWorkingDays('2024-01-01', 300))
    expect(shuffled.workingDaysBetween('2023-01-01', '2027-12-31')).toBe(
      vietnam.workingDaysBetween('2023-01-01', '2027-12-31'),
    )
  })
})

describe('addWorkingDays', () => {
  it('counts Monday to Friday without a table', () => {
    expect(plain.addWorkingDays('2024-03-04', 1)).toBe('2024-03-05')
    expect(plain.addWorkingDays('2024-03-08', 1)).toBe('2024-03-11') // Friday → Monday
    expect(plain.addWorkingDays('2024-03-09', 1)).toBe('2024-03-11') // Saturday → Monday
    expect(plain.addWorkingDays('2024-03-04', 5)).toBe('2024-03-11')
    expect(plain.addWorkingDays('2024-03-04', 10)).toBe('2024-03-18')
  })

  it('goes back with a negative n', () => {
    expect(plain.addWorkingDays('2024-03-11', -1)).toBe('2024-03-08') // Monday → Friday
    expect(plain.addWorkingDays('2024-03-10', -1)).toBe('2024-03-08') // Sunday → Friday
    expect(vietnam.addWorkingDays('2024-02-15', -1)).toBe('2024-02-07') // over Tết
    expect(vietnam.addWorkingDays('2024-02-07', 1)).toBe('2024-02-15')
  })

  it('returns the date itself for n = 0 on a working day', () => {
    expect(vietnam.addWorkingDays('2024-03-05', 0)).toBe('2024-03-05')
    expect(vietnam.addWorkingDays('2024-05-04', 0)).toBe('2024-05-04') // make-up Saturday
  })

  it('rounds forward for n = 0 on a day off, as a time limit ending on a day off runs on', () => {
    expect(vietnam.addWorkingDays('2024-03-10', 0)).toBe('2024-03-11') // Sunday
    expect(vietnam.addWorkingDays('2024-02-10', 0)).toBe('2024-02-15') // mùng 1 Tết Giáp Thìn
    expect(vietnam.addWorkingDays('2023-04-29', 0)).toBe('2023-05-04') // Giỗ Tổ, start of 29/4–3/5
  })

  it('skips a whole Tết break', () => {
    expect(vietnam.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03')
    expect(vietnam.addWorkingDays('2025-02-03', -1)).toBe('2025-01-24')
    expect(vietnam.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23')
    expect(vietnam.addWorkingDays('2023-01-19', 1)).toBe('2023-01-27')
  })

  it('skips Giỗ Tổ', () => {
    expect(vietnam.addWorkingDays('2025-04-04', 1)).toBe('2025-04-08')
    expect(vietnam.addWorkingDays('2024-04-17', 1)).toBe('2024-04-19')
    expect(vietnam.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28') // Sunday's Giỗ Tổ moves the day off to Monday
  })

  it('skips 30/4 and 1/5 with their days off in lieu', () => {
    expect(vietnam.addWorkingDays('2023-04-28', 1)).toBe('2023-05-04')
    expect(vietnam.addWorkingDays('2027-04-29', 1)).toBe('2027-05-04')
  })

  it('counts a make-up Saturday as a working day', () => {
    expect(vietnam.addWorkingDays('2024-04-26', 1)).toBe('2024-05-02')
    expect(vietnam.addWorkingDays('2024-04-26', 3)).toBe('2024-05-04')
    expect(vietnam.addWorkingDays('2024-04-26', 4)).toBe('2024-05-06')
    expect(vietnam.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26')
    expect(vietnam.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05')
    expect(vietnam.addWorkingDays('2025-05-05', -2)).toBe('2025-04-28')
  })

  it('crosses year boundaries', () => {
    expect(vietnam.addWorkingDays('2023-12-29', 1)).toBe('2024-01-02')
    expect(vietnam.addWorkingDays('2024-01-02', -1)).toBe('2023-12-29')
    expect(vietnam.addWorkingDays('2022-12-30', 1)).toBe('2023-01-03') // 1/1 Sunday, 2/1 off in lieu
    expect(vietnam.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
    expect(vietnam.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02')
  })

  it('handles a 29 February', () => {
    expect(vietnam.addWorkingDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(vietnam.addWorkingDays('2024-02-29', 1)).toBe('2024-03-01')
  })

  it('agrees with a step-by-step count, also far outside the table', () => {
    const next = random(112)
    for (let i = 0; i < 400; i++) {
      const date = addDays('2021-06-01', Math.floor(next() * 365 * 8))
      const n = Math.floor(next() * 801) - 400
      expect(vietnam.addWorkingDays(date, n), `${date} ${n}`).toBe(naiveAdd(vietnam, date, n))
    }
    for (const n of [3000, -3000, 6, -6, 7, 11]) {
      expect(vietnam.addWorkingDays('2026-06-15', n), String(n)).toBe(naiveAdd(vietnam, '2026-06-15', n))
      expect(plain.addWorkingDays('2026-06-13', n), String(n)).toBe(naiveAdd(plain, '2026-06-13', n))
    }
  })

  it('adds 251 working days across 2024 (262 weekdays, 12 off, 1 make-up Saturday)', () => {
    expect(vietnam.addWorkingDays('2023-12-31', 251)).toBe('2024-12-31')
    expect(vietnam.addWorkingDays('2024-12-31', -250)).toBe('2024-01-02')
  })

  it('rejects a fractional or non-finite n', () => {
    expect(() => vietnam.addWorkingDays('2024-03-05', 1.5)).toThrow(RangeError)
    expect(() => vietnam.addWorkingDays('2024-03-05', Number.NaN)).toThrow(RangeError)
    expect(() => vietnam.addWorkingDays('2024-03-05', Infinity)).toThrow(RangeError)
  })

  it('adds a year of working days in well under a millisecond', () => {
    const calls = 2000
    const start = performance.now()
    let last = ''
    for (let i = 0; i < calls; i++) last = vietnam.addWorkingDays(addDays('2024-01-01', i % 365), 250)
    const perCall = (performance.now() - start) / calls
    expect(isValidIsoDate(last)).toBe(true)
    expect(perCall).toBeLessThan(1)
  })
})

describe('workingDaysBetween', () => {
  it('counts working days in (a, b]', () => {
    expect(plain.workingDaysBetween('2024-03-04', '2024-03-08')).toBe(4)
    expect(plain.workingDaysBetween('2024-03-08', '2024-03-11')).toBe(1)
    expect(plain.workingDaysBetween('2024-03-09', '2024-03-10')).toBe(0)
    expect(plain.workingDaysBetween('2024-03-03', '2024-03-10')).toBe(5)
  })

  it('is 0 for the same day, working or not', () => {
    expect(vietnam.workingDaysBetween('2024-03-05', '2024-03-05')).toBe(0)
    expect(vietnam.workingDaysBetween('2024-02-10', '2024-02-10')).toBe(0)
  })

  it('is negative when b is before a', () => {
    expect(plain.workingDaysBetween('2024-03-08', '2024-03-04')).toBe(-4)
    expect(vietnam.workingDaysBetween('2024-02-15', '2024-02-07')).toBe(-1)
  })

  it('is +0, not -0, going back over days off only', () => {
    expect(vietnam.workingDaysBetween('2024-03-10', '2024-03-08')).toBe(0)
    expect(vietnam.workingDaysBetween('2024-02-14', '2024-02-07')).toBe(0)
  })

  it('leaves out holidays and days off in lieu', () => {
    expect(vietnam.workingDaysBetween('2024-02-07', '2024-02-15')).toBe(1)
    expect(vietnam.workingDaysBetween('2023-04-28', '2023-05-05')).toBe(2)
    expect(vietnam.workingDaysBetween('2026-04-24', '2026-04-28')).toBe(1)
  })

  it('counts a make-up Saturday', () => {
    expect(vietnam.workingDaysBetween('2024-05-03', '2024-05-06')).toBe(2)
    expect(plain.workingDaysBetween('2024-05-03', '2024-05-06')).toBe(1)
    expect(vietnam.workingDaysBetween('2025-04-25', '2025-04-28')).toBe(2)
  })

  it('counts neither end when going back from a day off', () => {
    // Sunday 10/3/2024 back to Thursday 7/3: only Friday 8/3 lies in (7/3, 10/3].
    expect(vietnam.addWorkingDays('2024-03-10', -2)).toBe('2024-03-07')
    expect(vietnam.workingDaysBetween('2024-03-10', '2024-03-07')).toBe(-1)
  })

  it('crosses year boundaries', () => {
    expect(vietnam.workingDaysBetween('2023-12-29', '2024-01-02')).toBe(1)
    expect(vietnam.workingDaysBetween('2022-12-30', '2023-01-03')).toBe(1)
  })

  it('gives the number of working days in each year 2023–2027', () => {
    // Weekdays of the year − the 11 days of Điều 112 (swaps cancel out): 260, 262, 261, 261 and 261 weekdays.
    expect(vietnam.workingDaysBetween('2022-12-31', '2023-12-31')).toBe(249)
    expect(vietnam.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251)
    expect(vietnam.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250)
    expect(vietnam.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250)
    expect(vietnam.workingDaysBetween('2026-12-31', '2027-12-31')).toBe(250)
  })

  it('agrees with a step-by-step count and undoes addWorkingDays', () => {
    const next = random(2019)
    for (let i = 0; i < 300; i++) {
      const a = addDays('2022-06-01', Math.floor(next() * 365 * 6))
      const b = addDays(a, Math.floor(next() * 801) - 400)
      expect(vietnam.workingDaysBetween(a, b), `${a} ${b}`).toBe(naiveBetween(vietnam, a, b))
      expect(vietnam.workingDaysBetween(b, a)).toBe(0 - vietnam.workingDaysBetween(a, b))
      // Going back from a day off, the (a, b] interval leaves a out and b out: the count is one short by design.
      const n = Math.floor(next() * 401) - 200
      if (n < 0 && !vietnam.isWorkingDay(a)) continue
      expect(vietnam.workingDaysBetween(a, vietnam.addWorkingDays(a, n)), `${a} ${n}`).toBe(n)
    }
  })
})

describe('previousWorkingDayOnOrBefore and nextWorkingDayOnOrAfter', () => {
  it('return a working day itself', () => {
    expect(vietnam.previousWorkingDayOnOrBefore('2024-03-05')).toBe('2024-03-05')
    expect(vietnam.nextWorkingDayOnOrAfter('2024-03-05')).toBe('2024-03-05')
  })

  it('move off a weekend', () => {
    expect(vietnam.previousWorkingDayOnOrBefore('2024-03-10')).toBe('2024-03-08')
    expect(vietnam.nextWorkingDayOnOrAfter('2024-03-09')).toBe('2024-03-11')
  })

  it('move out of a holiday break', () => {
    expect(vietnam.previousWorkingDayOnOrBefore('2024-02-14')).toBe('2024-02-07')
    expect(vietnam.nextWorkingDayOnOrAfter('2024-02-08')).toBe('2024-02-15')
    expect(vietnam.previousWorkingDayOnOrBefore('2023-01-02')).toBe('2022-12-30')
  })

  it('stop on a make-up Saturday', () => {
    expect(vietnam.previousWorkingDayOnOrBefore('2024-05-05')).toBe('2024-05-04')
    expect(vietnam.nextWorkingDayOnOrAfter('2025-04-26')).toBe('2025-04-26')
  })
})

describe('reminderDates', () => {
  const OFFSETS = [7, 3, 1, 0]

  it('gives the working days before an ordinary deadline, sorted', () => {
    // Friday 15/3/2024: 7 working days back is Wednesday 6/3.
    const expected = ['2024-03-06', '2024-03-12', '2024-03-14', '2024-03-15']
    expect(vietnam.reminderDates('2024-03-15', OFFSETS)).toEqual(expected)
  })

  it('skips the whole Tết break before a deadline right after Tết 2024', () => {
    const dates = vietnam.reminderDates('2024-02-15', OFFSETS)
    expect(dates).toEqual(['2024-01-30', '2024-02-05', '2024-02-07', '2024-02-15'])
    for (const d of dates) expect(d < '2024-02-08' || d > '2024-02-14', d).toBe(true)
  })

  it('skips the whole Tết break before a deadline right after Tết 2025', () => {
    const dates = vietnam.reminderDates('2025-02-03', OFFSETS)
    expect(dates).toEqual(['2025-01-16', '2025-01-22', '2025-01-24', '2025-02-03'])
    for (const d of dates) expect(vietnam.isWorkingDay(d), d).toBe(true)
  })

  it('moves the due-day reminder of a Sunday deadline to Friday, merging it with the 1-day one', () => {
    expect(vietnam.reminderDates('2024-03-10', OFFSETS)).toEqual(['2024-02-29', '2024-03-06', '2024-03-08'])
    expect(vietnam.reminderDates('2024-03-10', [0])).toEqual(['2024-03-08'])
  })

  it('moves the due-day reminder of a deadline inside a break to the last working day before it', () => {
    expect(vietnam.reminderDates('2025-01-29', [0])).toEqual(['2025-01-24'])
    expect(vietnam.reminderDates('2023-05-01', [0, 1])).toEqual(['2023-04-28'])
  })

  it('reminds on a make-up Saturday, which is a working day', () => {
    expect(vietnam.reminderDates('2024-05-06', [1, 0])).toEqual(['2024-05-04', '2024-05-06'])
  })

  it('removes repeated offsets and ignores their order', () => {
    expect(vietnam.reminderDates('2024-03-15', [1, 3, 1, 0, 3])).toEqual(['2024-03-12', '2024-03-14', '2024-03-15'])
    expect(vietnam.reminderDates('2024-03-15', [0, 1, 3, 7])).toEqual(vietnam.reminderDates('2024-03-15', OFFSETS))
  })

  it('returns nothing for no offsets', () => {
    expect(vietnam.reminderDates('2024-03-15', [])).toEqual([])
  })

  it('rejects a negative or fractional offset', () => {
    expect(() => vietnam.reminderDates('2024-03-15', [-1])).toThrow(RangeError)
    expect(() => vietnam.reminderDates('2024-03-15', [0.5])).toThrow(RangeError)
  })

  it('crosses the year boundary', () => {
    expect(vietnam.reminderDates('2024-01-02', [1, 0])).toEqual(['2023-12-29', '2024-01-02'])
  })
})

describe('VIETNAM_HOLIDAYS', () => {
  const YEARS = [2023, 2024, 2025, 2026, 2027]
  const inYear = (year: number) => VIETNAM_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`))
  const byDate = new Map(VIETNAM_HOLIDAYS.map((h) => [h.date, h]))

  it('has valid dates, in order, each listed once (the date is the primary key of the table)', () => {
    for (const h of VIETNAM_HOLIDAYS) expect(isValidIsoDate(h.date), h.date).toBe(true)
    const dates = VIETNAM_HOLIDAYS.map((h) => h.date)
    expect(new Set(dates).size).toBe(dates.length)
    expect(dates).toEqual([...dates].sort())
  })

  it('covers 2023 to 2027 only', () => {
    const years = new Set(VIETNAM_HOLIDAYS.map((h) => Number(h.date.slice(0, 4))))
    expect([...years].sort()).toEqual(YEARS)
  })

  it('has a known kind and a trimmed, non-empty name in composed Unicode on every row', () => {
    for (const h of VIETNAM_HOLIDAYS) {
      expect(CALENDAR_DAY_KINDS, h.date).toContain(h.kind)
      expect(h.name.trim().length, h.date).toBeGreaterThan(0)
      expect(h.name, h.date).toBe(h.name.trim())
      // Vietnamese typed on some keyboards comes out decomposed, which breaks search and comparison.
      expect(h.name, h.date).toBe(h.name.normalize('NFC'))
    }
  })

  it('builds a calendar without conflicts', () => {
    expect(() => createCalendar(VIETNAM_HOLIDAYS)).not.toThrow()
  })

  it('gives at least 11 weekdays off each year', () => {
    for (const year of YEARS) {
      const off = datesFrom(`${year}-01-01`, `${year}-12-31`).filter((d) => !isWeekend(d) && !vietnam.isWorkingDay(d))
      expect(off.length, String(year)).toBeGreaterThanOrEqual(11)
    }
  })

  it('gives exactly the 11 days of Điều 112 each year once swaps are netted out', () => {
    for (const year of YEARS) {
      const days = datesFrom(`${year}-01-01`, `${year}-12-31`)
      const weekdaysOff = days.filter((d) => !isWeekend(d) && !vietnam.isWorkingDay(d)).length
      const weekendsWorked = days.filter((d) => isWeekend(d) && vietnam.isWorkingDay(d)).length
      expect(weekdaysOff - weekendsWorked, String(year)).toBe(11)
    }
  })

  it('lists the fixed-date holidays every year', () => {
    for (const year of YEARS) {
      for (const md of ['01-01', '04-30', '05-01', '09-02']) {
        expect(byDate.get(`${year}-${md}`)?.kind, `${year}-${md}`).toBe('holiday')
      }
    }
    expect(byDate.get('2025-04-30')?.name).toBe('Ngày Chiến thắng (30/4)')
    expect(byDate.get('2025-05-01')?.name).toBe('Ngày Quốc tế Lao động (1/5)')
  })

  it('lists Giỗ Tổ Hùng Vương on 10/3 of the lunar calendar, once a year', () => {
    const hungKings = VIETNAM_HOLIDAYS.filter((h) => h.name.startsWith('Giỗ Tổ Hùng Vương')).map((h) => h.date)
    expect(hungKings).toEqual(['2023-04-29', '2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16'])
  })

  it('lists the second day of Quốc khánh next to 2/9, once a year', () => {
    for (const year of YEARS) {
      const extra = inYear(year).filter((h) => h.name.startsWith('Quốc khánh') && !h.date.endsWith('-09-02'))
      expect(extra, String(year)).toHaveLength(1)
      expect([`${year}-09-01`, `${year}-09-03`]).toContain(extra[0].date)
    }
  })

  it('lists five weekdays of Tết Nguyên đán each year, close to the lunar new year', () => {
    const lunarNewYear: Record<number, string> = {
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
    }
    for (const year of YEARS) {
      const tet = inYear(year).filter((h) => h.name.startsWith('Tết Nguyên đán'))
      expect(tet, String(year)).toHaveLength(5)
      for (const h of tet) {
        expect(isWeekend(h.date), h.date).toBe(false)
        expect(h.kind).toBe('holiday')
        expect(Math.abs(diffDays(h.date, lunarNewYear[year])), h.date).toBeLessThanOrEqual(6)
      }
    }
  })

  it('matches the announced Tết breaks of 2024, 2025 and 2026', () => {
    const offIn = (from: string, to: string) => datesFrom(from, to).filter((d) => !vietnam.isWorkingDay(d))
    expect(offIn('2024-02-07', '2024-02-15')).toEqual(datesFrom('2024-02-08', '2024-02-14'))
    expect(offIn('2025-01-24', '2025-02-03')).toEqual(datesFrom('2025-01-25', '2025-02-02'))
    expect(offIn('2026-02-13', '2026-02-23')).toEqual(datesFrom('2026-02-14', '2026-02-22'))
  })

  it('puts days off in lieu on weekdays and make-up workdays on weekends', () => {
    for (const h of VIETNAM_HOLIDAYS) {
      if (h.kind === 'compensatory') expect(isWeekend(h.date), h.date).toBe(false)
      if (h.kind === 'makeup_workday') expect(isWeekend(h.date), h.date).toBe(true)
    }
  })

  it('gives a day off in lieu for each holiday on a weekend and for each swap', () => {
    for (const year of YEARS) {
      const rows = inYear(year)
      const weekendHolidays = rows.filter((h) => h.kind === 'holiday' && isWeekend(h.date)).length
      const makeups = rows.filter((h) => h.kind === 'makeup_workday').length
      const inLieu = rows.filter((h) => h.kind === 'compensatory').length
      expect(inLieu, String(year)).toBe(weekendHolidays + makeups)
    }
  })

  it('pairs each make-up workday with the swapped weekday named in it, and back', () => {
    const makeups = VIETNAM_HOLIDAYS.filter((h) => h.kind === 'makeup_workday')
    expect(makeups.map((h) => h.date)).toEqual(['2024-05-04', '2025-04-26'])
    for (const m of makeups) {
      const swapped = parseVnDate(m.name.match(/\d{2}\/\d{2}\/\d{4}/)?.[0] ?? '')
      expect(swapped, m.date).not.toBeNull()
      const other = byDate.get(swapped!)
      expect(other?.kind, m.date).toBe('compensatory')
      expect(parseVnDate(other!.name.match(/\d{2}\/\d{2}\/\d{4}/)?.[0] ?? '')).toBe(m.date)
    }
  })

  it('keeps 2023 Giỗ Tổ and 30/4 on a weekend as days off in lieu on 2/5 and 3/5, not as a swap', () => {
    expect(byDate.get('2023-05-02')?.kind).toBe('compensatory')
    expect(byDate.get('2023-05-03')?.kind).toBe('compensatory')
    expect(inYear(2023).filter((h) => h.kind === 'makeup_workday')).toEqual([])
    expect(datesFrom('2023-04-29', '2023-05-03').every((d) => !vietnam.isWorkingDay(d))).toBe(true)
    expect(vietnam.isWorkingDay('2023-05-04')).toBe(true)
  })
})
