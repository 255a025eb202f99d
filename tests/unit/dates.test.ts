// Unit tests for calendar dates in Vietnam: parsing, formatting, arithmetic and recurring periods.
import { describe, expect, it } from 'vitest'
import {
  MAX_RECURRING_PERIODS,
  TIME_ZONE,
  addDays,
  addMonths,
  diffDays,
  endOfHalf,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  formatVnDate,
  formatVnDateTime,
  isValidIsoDate,
  parseVnDate,
  quarterRoman,
  recurringPeriods,
  toVietnamDate,
  todayInVietnam,
} from '~/domain/dates'

describe('TIME_ZONE', () => {
  it('is Vietnam', () => {
    expect(TIME_ZONE).toBe('Asia/Ho_Chi_Minh')
  })
})

describe('todayInVietnam', () => {
  it('is already the next day in Vietnam at 17:30 UTC', () => {
    expect(todayInVietnam(new Date('2024-06-30T17:30:00Z'))).toBe('2024-07-01')
  })

  it('turns the date at exactly 17:00 UTC (midnight in Vietnam)', () => {
    expect(todayInVietnam(new Date('2024-06-30T16:59:59.999Z'))).toBe('2024-06-30')
    expect(todayInVietnam(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01')
  })

  it('crosses the year in Vietnam seven hours before UTC', () => {
    expect(todayInVietnam(new Date('2023-12-31T17:00:00Z'))).toBe('2024-01-01')
    expect(todayInVietnam(new Date('2023-12-31T16:00:00Z'))).toBe('2023-12-31')
  })

  it('defaults to the current instant', () => {
    const before = toVietnamDate(Date.now())
    const today = todayInVietnam()
    const after = toVietnamDate(Date.now())
    expect([before, after]).toContain(today)
    expect(isValidIsoDate(today)).toBe(true)
  })
})

describe('toVietnamDate', () => {
  it('accepts a Date, an ISO string and epoch milliseconds', () => {
    expect(toVietnamDate(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29')
    expect(toVietnamDate('2024-02-28T20:00:00Z')).toBe('2024-02-29')
    expect(toVietnamDate(Date.UTC(2024, 1, 28, 20))).toBe('2024-02-29')
  })

  it('reads an instant with an explicit offset', () => {
    expect(toVietnamDate('2024-03-01T00:30:00+07:00')).toBe('2024-03-01')
    expect(toVietnamDate('2024-03-01T00:30:00+09:00')).toBe('2024-02-29')
  })

  it('keeps the same date early in the UTC day', () => {
    expect(toVietnamDate('2024-05-10T00:00:00Z')).toBe('2024-05-10')
  })

  it('rejects an invalid instant', () => {
    expect(() => toVietnamDate('not a date')).toThrow(RangeError)
    expect(() => toVietnamDate(new Date(Number.NaN))).toThrow(RangeError)
  })
})

describe('isValidIsoDate', () => {
  it('accepts days that exist', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2000-02-29')).toBe(true)
    expect(isValidIsoDate('2024-12-31')).toBe(true)
    expect(isValidIsoDate('2024-01-01')).toBe(true)
    expect(isValidIsoDate('2024-04-30')).toBe(true)
  })

  it('rejects days that do not exist', () => {
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('1900-02-29')).toBe(false)
    expect(isValidIsoDate('2100-02-29')).toBe(false)
    expect(isValidIsoDate('2024-02-30')).toBe(false)
    expect(isValidIsoDate('2024-04-31')).toBe(false)
    expect(isValidIsoDate('2024-13-01')).toBe(false)
    expect(isValidIsoDate('2024-00-10')).toBe(false)
    expect(isValidIsoDate('2024-01-00')).toBe(false)
    expect(isValidIsoDate('2024-01-32')).toBe(false)
  })

  it('rejects other shapes', () => {
    const malformed = [
      '', '2024-1-05', '2024-01-5', '24-01-05', '2024/01/05', ' 2024-01-05', '2024-01-05 ', '2024-01-05T00:00',
      '05/01/2024', '２０２４-01-05',
    ]
    for (const s of malformed) {
      expect(isValidIsoDate(s), s).toBe(false)
    }
  })
})

describe('parseVnDate', () => {
  it('reads dd/mm/yyyy and d/m/yyyy', () => {
    expect(parseVnDate('30/06/2020')).toBe('2020-06-30')
    expect(parseVnDate('5/3/2024')).toBe('2024-03-05')
    expect(parseVnDate('05/3/2024')).toBe('2024-03-05')
    expect(parseVnDate('5/03/2024')).toBe('2024-03-05')
  })

  it('reads day first, never month first', () => {
    expect(parseVnDate('01/02/2024')).toBe('2024-02-01')
    expect(parseVnDate('12/11/2024')).toBe('2024-11-12')
  })

  it('accepts - and . as separators', () => {
    expect(parseVnDate('19-04-2023')).toBe('2023-04-19')
    expect(parseVnDate('19.4.2023')).toBe('2023-04-19')
  })

  it('rejects mixed separators', () => {
    expect(parseVnDate('19/04-2023')).toBeNull()
    expect(parseVnDate('19.04/2023')).toBeNull()
  })

  it('trims surrounding whitespace', () => {
    expect(parseVnDate('  28/12/2023 \n')).toBe('2023-12-28')
  })

  it('accepts 29/02 in leap years only', () => {
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29')
    expect(parseVnDate('29/02/2000')).toBe('2000-02-29')
    expect(parseVnDate('29/02/2023')).toBeNull()
    expect(parseVnDate('29/02/1900')).toBeNull()
  })

  it('rejects days that do not exist', () => {
    expect(parseVnDate('31/04/2024')).toBeNull()
    expect(parseVnDate('31/06/2024')).toBeNull()
    expect(parseVnDate('30/02/2024')).toBeNull()
    expect(parseVnDate('00/01/2024')).toBeNull()
    expect(parseVnDate('01/00/2024')).toBeNull()
    expect(parseVnDate('32/01/2024')).toBeNull()
    expect(parseVnDate('01/13/2024')).toBeNull()
  })

  it('accepts the years 1900 to 2200 only', () => {
    expect(parseVnDate('01/01/1900')).toBe('1900-01-01')
    expect(parseVnDate('31/12/2200')).toBe('2200-12-31')
    expect(parseVnDate('31/12/1899')).toBeNull()
    expect(parseVnDate('01/01/2201')).toBeNull()
    expect(parseVnDate('01/01/0000')).toBeNull()
  })

  it('rejects malformed input', () => {
    const malformed = [
      '', '   ', '1/1/24', '01/01/24', '2024-01-05', '001/01/2024', '01/001/2024', '01/01/20244', 'a1/01/2024',
      '01 / 01 / 2024', '1/1', 'ngày 1/1/2024', '01/01/2024 10:00', '1//2024',
    ]
    for (const s of malformed) {
      expect(parseVnDate(s), s).toBeNull()
    }
  })
})

describe('formatVnDate', () => {
  it('writes dd/mm/yyyy with leading zeros', () => {
    expect(formatVnDate('2024-03-05')).toBe('05/03/2024')
    expect(formatVnDate('2023-12-31')).toBe('31/12/2023')
  })

  it('is empty when there is no date', () => {
    expect(formatVnDate(null)).toBe('')
    expect(formatVnDate(undefined)).toBe('')
    expect(formatVnDate('')).toBe('')
  })

  it('refuses a malformed date instead of printing it', () => {
    expect(() => formatVnDate('2024-02-30')).toThrow(RangeError)
    expect(() => formatVnDate('05/03/2024')).toThrow(RangeError)
  })

  it('round-trips with parseVnDate', () => {
    for (const iso of ['2024-02-29', '2023-01-01', '2020-06-30', '1999-12-31']) {
      expect(parseVnDate(formatVnDate(iso))).toBe(iso)
    }
  })
})

describe('formatVnDateTime', () => {
  it('writes Vietnam time, 24-hour clock', () => {
    expect(formatVnDateTime(new Date('2024-06-30T17:30:00Z'))).toBe('01/07/2024 00:30')
    expect(formatVnDateTime('2024-03-05T08:07:00Z')).toBe('05/03/2024 15:07')
    expect(formatVnDateTime(Date.UTC(2023, 11, 31, 16, 59))).toBe('31/12/2023 23:59')
  })

  it('writes midnight as 00, not 24', () => {
    expect(formatVnDateTime('2024-01-01T17:00:00Z')).toBe('02/01/2024 00:00')
  })

  it('drops seconds without rounding up', () => {
    expect(formatVnDateTime('2024-01-01T05:59:59.999Z')).toBe('01/01/2024 12:59')
  })

  it('rejects an invalid instant', () => {
    expect(() => formatVnDateTime('yesterday')).toThrow(RangeError)
  })
})

describe('addDays', () => {
  it('moves across months and years', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01')
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01')
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28')
  })

  it('handles zero and long spans', () => {
    expect(addDays('2024-05-10', 0)).toBe('2024-05-10')
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01')
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01')
    expect(addDays('2000-01-01', 10_000)).toBe('2027-05-19')
  })

  it('is not affected by daylight saving elsewhere', () => {
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01')
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28')
  })

  it('rejects fractional days and invalid dates', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError)
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError)
    expect(() => addDays('01/01/2024', 1)).toThrow(RangeError)
  })
})

describe('diffDays', () => {
  it('is a − b in whole days', () => {
    expect(diffDays('2024-03-01', '2024-02-28')).toBe(2)
    expect(diffDays('2023-03-01', '2023-02-28')).toBe(1)
    expect(diffDays('2024-02-28', '2024-03-01')).toBe(-2)
    expect(diffDays('2024-05-10', '2024-05-10')).toBe(0)
    expect(diffDays('2025-01-01', '2024-01-01')).toBe(366)
    expect(diffDays('2024-01-01', '1970-01-01')).toBe(19723)
  })

  it('is the inverse of addDays', () => {
    for (const n of [-400, -1, 0, 1, 59, 60, 365, 1461]) {
      expect(diffDays(addDays('2024-02-28', n), '2024-02-28')).toBe(n)
    }
  })

  it('rejects invalid dates', () => {
    expect(() => diffDays('2024-02-30', '2024-01-01')).toThrow(RangeError)
  })
})

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15')
    expect(addMonths('2024-11-30', 2)).toBe('2025-01-30')
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15')
    expect(addMonths('2024-03-15', 0)).toBe('2024-03-15')
    expect(addMonths('2024-03-15', 24)).toBe('2026-03-15')
  })

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30')
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
  })

  it('does not carry the clamp into the next step', () => {
    expect(addMonths(addMonths('2024-01-31', 1), 1)).toBe('2024-03-29')
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31')
  })

  it('rejects fractional months', () => {
    expect(() => addMonths('2024-01-31', 0.5)).toThrow(RangeError)
  })
})

describe('period ends', () => {
  it('endOfMonth knows month lengths and leap years', () => {
    expect(endOfMonth(2024, 1)).toBe('2024-01-31')
    expect(endOfMonth(2024, 2)).toBe('2024-02-29')
    expect(endOfMonth(2023, 2)).toBe('2023-02-28')
    expect(endOfMonth(2000, 2)).toBe('2000-02-29')
    expect(endOfMonth(1900, 2)).toBe('1900-02-28')
    expect(endOfMonth(2100, 2)).toBe('2100-02-28')
    expect(endOfMonth(2024, 4)).toBe('2024-04-30')
    expect(endOfMonth(2024, 6)).toBe('2024-06-30')
    expect(endOfMonth(2024, 7)).toBe('2024-07-31')
    expect(endOfMonth(2024, 8)).toBe('2024-08-31')
    expect(endOfMonth(2024, 9)).toBe('2024-09-30')
    expect(endOfMonth(2024, 11)).toBe('2024-11-30')
    expect(endOfMonth(2024, 12)).toBe('2024-12-31')
  })

  it('endOfMonth rejects impossible months and years', () => {
    expect(() => endOfMonth(2024, 0)).toThrow(RangeError)
    expect(() => endOfMonth(2024, 13)).toThrow(RangeError)
    expect(() => endOfMonth(2024, 1.5)).toThrow(RangeError)
    expect(() => endOfMonth(2024.5, 1)).toThrow(RangeError)
    expect(() => endOfMonth(10_000, 1)).toThrow(RangeError)
  })

  it('endOfQuarter', () => {
    expect(endOfQuarter(2024, 1)).toBe('2024-03-31')
    expect(endOfQuarter(2024, 2)).toBe('2024-06-30')
    expect(endOfQuarter(2024, 3)).toBe('2024-09-30')
    expect(endOfQuarter(2024, 4)).toBe('2024-12-31')
    expect(() => endOfQuarter(2024, 0)).toThrow(RangeError)
    expect(() => endOfQuarter(2024, 5)).toThrow(RangeError)
  })

  it('endOfHalf', () => {
    expect(endOfHalf(2023, 1)).toBe('2023-06-30')
    expect(endOfHalf(2023, 2)).toBe('2023-12-31')
    expect(() => endOfHalf(2023, 0)).toThrow(RangeError)
    expect(() => endOfHalf(2023, 3)).toThrow(RangeError)
  })

  it('endOfYear', () => {
    expect(endOfYear(2023)).toBe('2023-12-31')
    expect(endOfYear(2024)).toBe('2024-12-31')
    expect(() => endOfYear(-1)).toThrow(RangeError)
  })
})

describe('quarterRoman', () => {
  it('writes quarters in Roman numerals', () => {
    expect([1, 2, 3, 4].map(quarterRoman)).toEqual(['I', 'II', 'III', 'IV'])
  })

  it('rejects anything else', () => {
    for (const q of [0, 5, -1, 1.5, Number.NaN]) expect(() => quarterRoman(q), String(q)).toThrow(RangeError)
  })
})

describe('recurringPeriods', () => {
  it('monthly: keys, labels, starts and month ends', () => {
    expect(recurringPeriods('monthly', '2024-01-15', '2024-04-10')).toEqual([
      { key: '2024-01', label: 'Tháng 1/2024', startOn: '2024-01-01', dueOn: '2024-01-31' },
      { key: '2024-02', label: 'Tháng 2/2024', startOn: '2024-02-01', dueOn: '2024-02-29' },
      { key: '2024-03', label: 'Tháng 3/2024', startOn: '2024-03-01', dueOn: '2024-03-31' },
      { key: '2024-04', label: 'Tháng 4/2024', startOn: '2024-04-01', dueOn: '2024-04-30' },
    ])
  })

  it('monthly: crosses the year and knows February of a common year', () => {
    const periods = recurringPeriods('monthly', '2022-11-30', '2023-02-01')
    expect(periods.map((p) => p.key)).toEqual(['2022-11', '2022-12', '2023-01', '2023-02'])
    expect(periods.map((p) => p.label)).toEqual(['Tháng 11/2022', 'Tháng 12/2022', 'Tháng 1/2023', 'Tháng 2/2023'])
    expect(periods[3].dueOn).toBe('2023-02-28')
  })

  it('monthly: a range inside one month gives that month', () => {
    expect(recurringPeriods('monthly', '2024-03-10', '2024-03-20')).toEqual([
      { key: '2024-03', label: 'Tháng 3/2024', startOn: '2024-03-01', dueOn: '2024-03-31' },
    ])
  })

  it('quarterly: Roman numerals in labels, quarter ends', () => {
    expect(recurringPeriods('quarterly', '2023-05-19', '2024-01-01')).toEqual([
      { key: '2023-Q2', label: 'Quý II/2023', startOn: '2023-04-01', dueOn: '2023-06-30' },
      { key: '2023-Q3', label: 'Quý III/2023', startOn: '2023-07-01', dueOn: '2023-09-30' },
      { key: '2023-Q4', label: 'Quý IV/2023', startOn: '2023-10-01', dueOn: '2023-12-31' },
      { key: '2024-Q1', label: 'Quý I/2024', startOn: '2024-01-01', dueOn: '2024-03-31' },
    ])
  })

  it('half-yearly from 2023-12-28 until 2024-12-31', () => {
    expect(recurringPeriods('half-yearly', '2023-12-28', '2024-12-31')).toEqual([
      { key: '2023-H2', label: '6 tháng cuối năm 2023', startOn: '2023-07-01', dueOn: '2023-12-31' },
      { key: '2024-H1', label: '6 tháng đầu năm 2024', startOn: '2024-01-01', dueOn: '2024-06-30' },
      { key: '2024-H2', label: '6 tháng cuối năm 2024', startOn: '2024-07-01', dueOn: '2024-12-31' },
    ])
  })

  it('yearly', () => {
    expect(recurringPeriods('yearly', '2023-04-19', '2025-01-01')).toEqual([
      { key: '2023', label: 'Năm 2023', startOn: '2023-01-01', dueOn: '2023-12-31' },
      { key: '2024', label: 'Năm 2024', startOn: '2024-01-01', dueOn: '2024-12-31' },
      { key: '2025', label: 'Năm 2025', startOn: '2025-01-01', dueOn: '2025-12-31' },
    ])
  })

  it('includes a period that starts on `until` and none that starts after it', () => {
    expect(recurringPeriods('quarterly', '2024-01-01', '2024-04-01').map((p) => p.key)).toEqual(['2024-Q1', '2024-Q2'])
    expect(recurringPeriods('quarterly', '2024-01-01', '2024-03-31').map((p) => p.key)).toEqual(['2024-Q1'])
  })

  it('starts with the period containing `from` even on its last day', () => {
    expect(recurringPeriods('quarterly', '2024-03-31', '2024-04-01').map((p) => p.key)).toEqual(['2024-Q1', '2024-Q2'])
    expect(recurringPeriods('half-yearly', '2024-07-01', '2024-07-01').map((p) => p.key)).toEqual(['2024-H2'])
  })

  it('is empty when until is before from', () => {
    expect(recurringPeriods('monthly', '2024-05-10', '2024-05-05')).toEqual([])
    expect(recurringPeriods('yearly', '2025-01-01', '2024-12-31')).toEqual([])
  })

  it('gives contiguous periods: each starts the day after the previous is due', () => {
    for (const r of ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const) {
      const periods = recurringPeriods(r, '2019-02-10', '2024-11-11')
      for (let i = 1; i < periods.length; i++) {
        expect(periods[i].startOn, `${r} ${periods[i].key}`).toBe(addDays(periods[i - 1].dueOn, 1))
      }
      expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length)
    }
  })

  it('allows 240 periods and refuses more', () => {
    const periods = recurringPeriods('monthly', '2000-01-01', '2019-12-31')
    expect(MAX_RECURRING_PERIODS).toBe(240)
    expect(periods).toHaveLength(240)
    expect(periods[239].key).toBe('2019-12')
    expect(() => recurringPeriods('monthly', '2000-01-01', '2020-01-01')).toThrow(RangeError)
    expect(recurringPeriods('yearly', '1900-01-01', '2139-12-31')).toHaveLength(240)
    expect(() => recurringPeriods('yearly', '1900-01-01', '2140-01-01')).toThrow(RangeError)
  })

  it('rejects invalid dates and recurrences', () => {
    expect(() => recurringPeriods('monthly', '2024-02-30', '2024-12-31')).toThrow(RangeError)
    expect(() => recurringPeriods('monthly', '2024-01-01', '31/12/2024')).toThrow(RangeError)
    // @ts-expect-error an unknown recurrence from untyped data
    expect(() => recurringPeriods('weekly', '2024-01-01', '2024-12-31')).toThrow(RangeError)
  })
})
