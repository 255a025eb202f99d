// Unit tests for task categories, counts, rates and their Vietnamese formatting.
import { describe, expect, it } from 'vitest'
import {
  CATEGORY_LABELS,
  TASK_CATEGORIES,
  addToCounts,
  categorize,
  computeRates,
  daysLeft,
  daysOverdue,
  emptyCounts,
  formatNumber,
  formatPercent,
  formatRate,
  isDueSoon,
  sumCounts,
  type CategorizableTask,
  type CategoryCounts,
  type TaskCategory,
} from '~/domain/categories'

const DUE = '2024-06-30'

function task(overrides: Partial<CategorizableTask> = {}): CategorizableTask {
  return { status: 'open', dueOn: DUE, completedOn: null, ...overrides }
}

function counts(overrides: Partial<CategoryCounts>): CategoryCounts {
  return { ...emptyCounts(), ...overrides }
}

describe('CATEGORY_LABELS', () => {
  it('names every category in Vietnamese', () => {
    expect(CATEGORY_LABELS).toEqual({
      done_on_time: 'Hoàn thành đúng hạn',
      done_late: 'Hoàn thành quá hạn',
      in_progress: 'Đang thực hiện trong hạn',
      overdue: 'Quá hạn',
      standing: 'Thường xuyên',
      cancelled: 'Đã hủy',
    })
  })

  it('lists each category once', () => {
    expect([...TASK_CATEGORIES].sort()).toEqual(Object.keys(CATEGORY_LABELS).sort())
  })
})

describe('categorize', () => {
  describe('completed tasks', () => {
    it('completed before the deadline is on time', () => {
      expect(categorize(task({ status: 'completed', completedOn: '2024-06-01' }), '2024-07-15')).toBe('done_on_time')
    })

    it('completed on the deadline itself is on time', () => {
      expect(categorize(task({ status: 'completed', completedOn: DUE }), '2024-07-15')).toBe('done_on_time')
      expect(categorize(task({ status: 'completed', completedOn: DUE }), DUE)).toBe('done_on_time')
    })

    it('completed the day after the deadline is late', () => {
      expect(categorize(task({ status: 'completed', completedOn: '2024-07-01' }), '2024-07-15')).toBe('done_late')
      expect(categorize(task({ status: 'completed', completedOn: '2024-07-01' }), '2024-07-01')).toBe('done_late')
    })

    it('completed early is done on time even before the deadline comes', () => {
      expect(categorize(task({ status: 'completed', completedOn: '2024-06-10' }), '2024-06-20')).toBe('done_on_time')
    })

    it('a completion dated after asOf had not happened yet', () => {
      const early = task({ status: 'completed', completedOn: '2024-06-20' })
      expect(categorize(early, '2024-06-19')).toBe('in_progress')
      expect(categorize(early, '2024-06-20')).toBe('done_on_time')
      const late = task({ status: 'completed', completedOn: '2024-07-10' })
      expect(categorize(late, '2024-06-30')).toBe('in_progress')
      expect(categorize(late, '2024-07-01')).toBe('overdue')
      expect(categorize(late, '2024-07-09')).toBe('overdue')
      expect(categorize(late, '2024-07-10')).toBe('done_late')
    })

    it('a completed task without a completion date is not counted as completed', () => {
      expect(categorize(task({ status: 'completed', completedOn: null }), '2024-06-01')).toBe('in_progress')
      expect(categorize(task({ status: 'completed', completedOn: null }), '2024-07-01')).toBe('overdue')
    })
  })

  describe('tasks not completed', () => {
    it('is in progress before and on the deadline', () => {
      expect(categorize(task(), '2024-01-01')).toBe('in_progress')
      expect(categorize(task(), '2024-06-29')).toBe('in_progress')
      expect(categorize(task(), DUE)).toBe('in_progress')
    })

    it('is overdue from the day after the deadline', () => {
      expect(categorize(task(), '2024-07-01')).toBe('overdue')
      expect(categorize(task(), '2025-01-01')).toBe('overdue')
    })

    it('a proposed completion (pending) is not yet completed', () => {
      const pending = task({ status: 'pending', completedOn: '2024-06-15' })
      expect(categorize(pending, '2024-06-20')).toBe('in_progress')
      expect(categorize(pending, '2024-07-01')).toBe('overdue')
    })

    it('an open task keeps no credit for a completion date left from a returned proposal', () => {
      expect(categorize(task({ status: 'open', completedOn: '2024-06-15' }), '2024-07-01')).toBe('overdue')
    })

    it('compares across month and year boundaries', () => {
      const t = task({ dueOn: '2023-12-31' })
      expect(categorize(t, '2023-12-31')).toBe('in_progress')
      expect(categorize(t, '2024-01-01')).toBe('overdue')
    })
  })

  describe('standing and cancelled tasks', () => {
    it('a task without a deadline is standing whatever its status', () => {
      for (const status of ['open', 'pending', 'completed'] as const) {
        const done = task({ status, dueOn: null, completedOn: '2024-01-01' })
        expect(categorize(done, '2099-12-31'), status).toBe('standing')
        expect(categorize(task({ status, dueOn: null }), '2024-01-01'), status).toBe('standing')
      }
    })

    it('a cancelled task is cancelled, with or without a deadline, completed or not', () => {
      expect(categorize(task({ status: 'cancelled' }), '2025-01-01')).toBe('cancelled')
      expect(categorize(task({ status: 'cancelled', dueOn: null }), '2025-01-01')).toBe('cancelled')
      expect(categorize(task({ status: 'cancelled', completedOn: '2024-06-01' }), '2025-01-01')).toBe('cancelled')
    })
  })
})

describe('daysOverdue', () => {
  it('counts days past the deadline', () => {
    expect(daysOverdue(DUE, '2024-07-01')).toBe(1)
    expect(daysOverdue(DUE, '2024-07-31')).toBe(31)
    expect(daysOverdue('2024-02-28', '2024-03-01')).toBe(2)
  })

  it('is 0 on or before the deadline and for standing tasks', () => {
    expect(daysOverdue(DUE, DUE)).toBe(0)
    expect(daysOverdue(DUE, '2024-06-01')).toBe(0)
    expect(daysOverdue(null, '2024-06-01')).toBe(0)
  })
})

describe('daysLeft', () => {
  it('counts days until the deadline', () => {
    expect(daysLeft(DUE, '2024-06-29')).toBe(1)
    expect(daysLeft(DUE, '2024-06-01')).toBe(29)
    expect(daysLeft('2024-03-01', '2024-02-28')).toBe(2)
  })

  it('is 0 on the day and after it, null without a deadline', () => {
    expect(daysLeft(DUE, DUE)).toBe(0)
    expect(daysLeft(DUE, '2024-07-05')).toBe(0)
    expect(daysLeft(null, DUE)).toBeNull()
  })
})

describe('isDueSoon', () => {
  it('is true from `days` calendar days before the deadline to the deadline', () => {
    expect(isDueSoon(DUE, '2024-06-27', 3)).toBe(true)
    expect(isDueSoon(DUE, '2024-06-26', 3)).toBe(false)
    expect(isDueSoon(DUE, DUE, 3)).toBe(true)
    expect(isDueSoon(DUE, '2024-06-25', 5)).toBe(true)
    expect(isDueSoon(DUE, '2024-06-24', 5)).toBe(false)
  })

  it('with 0 days means due today', () => {
    expect(isDueSoon(DUE, DUE, 0)).toBe(true)
    expect(isDueSoon(DUE, '2024-06-29', 0)).toBe(false)
  })

  it('is false once overdue and for standing tasks', () => {
    expect(isDueSoon(DUE, '2024-07-01', 5)).toBe(false)
    expect(isDueSoon(null, DUE, 5)).toBe(false)
  })

  it('counts calendar days, weekends included', () => {
    // 2024-06-30 is a Sunday; three calendar days before is Thursday 27/6
    expect(isDueSoon(DUE, '2024-06-27', 3)).toBe(true)
    expect(isDueSoon('2024-07-01', '2024-06-28', 3)).toBe(true)
  })

  it('rejects a negative or fractional window', () => {
    expect(() => isDueSoon(DUE, DUE, -1)).toThrow(RangeError)
    expect(() => isDueSoon(DUE, DUE, 2.5)).toThrow(RangeError)
  })
})

describe('counts', () => {
  it('start at zero', () => {
    expect(emptyCounts()).toEqual({ assigned: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0, standing: 0 })
  })

  it('are a fresh object each time', () => {
    const a = emptyCounts()
    a.assigned = 5
    expect(emptyCounts().assigned).toBe(0)
  })

  it('add one task to its category and to assigned', () => {
    const cases: Array<[TaskCategory, keyof CategoryCounts]> = [
      ['done_on_time', 'doneOnTime'],
      ['done_late', 'doneLate'],
      ['in_progress', 'inProgress'],
      ['overdue', 'overdue'],
      ['standing', 'standing'],
    ]
    for (const [category, field] of cases) {
      expect(addToCounts(emptyCounts(), category), category).toEqual(counts({ assigned: 1, [field]: 1 }))
    }
  })

  it('count a cancelled task nowhere', () => {
    expect(addToCounts(counts({ assigned: 2, overdue: 2 }), 'cancelled')).toEqual(counts({ assigned: 2, overdue: 2 }))
  })

  it('do not change the counts passed in', () => {
    const before = emptyCounts()
    const after = addToCounts(before, 'overdue')
    expect(before).toEqual(emptyCounts())
    expect(after).not.toBe(before)
  })

  it('fold a list of tasks', () => {
    const asOf = '2024-07-15'
    const tasks: CategorizableTask[] = [
      task({ status: 'completed', completedOn: '2024-06-30' }),
      task({ status: 'completed', completedOn: '2024-07-02' }),
      task({ status: 'completed', completedOn: '2024-07-20' }),
      task({ status: 'pending', completedOn: '2024-07-10' }),
      task({ dueOn: '2024-07-15' }),
      task({ dueOn: null }),
      task({ status: 'cancelled' }),
    ]
    const result = tasks.reduce((c, t) => addToCounts(c, categorize(t, asOf)), emptyCounts())
    expect(result).toEqual({ assigned: 6, doneOnTime: 1, doneLate: 1, inProgress: 1, overdue: 2, standing: 1 })
  })

  it('sum for a roll-up', () => {
    const a = counts({ assigned: 10, doneOnTime: 3, doneLate: 1, inProgress: 2, overdue: 3, standing: 1 })
    const b = counts({ assigned: 5, doneOnTime: 1, overdue: 4 })
    expect(sumCounts(a, b)).toEqual(
      counts({ assigned: 15, doneOnTime: 4, doneLate: 1, inProgress: 2, overdue: 7, standing: 1 }),
    )
    expect(sumCounts()).toEqual(emptyCounts())
    expect(sumCounts(a)).toEqual(a)
  })
})

describe('computeRates', () => {
  it('reproduces the ministries figure: 296 of 845', () => {
    const rates = computeRates(counts({ assigned: 845, doneOnTime: 250, doneLate: 46, inProgress: 400, overdue: 149 }))
    expect(rates.completed).toBe(296)
    expect(formatRate(rates.completionRate)).toBe('35,03%')
  })

  it('reproduces the provinces figure: 1384 of 3003', () => {
    const rates = computeRates(counts({ assigned: 3003, doneOnTime: 1384, inProgress: 1619 }))
    expect(formatRate(rates.completionRate)).toBe('46,09%')
  })

  it('leaves standing tasks out of the completion rate', () => {
    const c = counts({ assigned: 12, doneOnTime: 3, doneLate: 1, inProgress: 2, overdue: 2, standing: 4 })
    const rates = computeRates(c)
    expect(rates.completionRate).toBe(4 / 8)
  })

  it('divides completed by completed + overdue for the rate of tasks already due', () => {
    const rates = computeRates(counts({ assigned: 10, doneOnTime: 3, doneLate: 1, inProgress: 4, overdue: 2 }))
    expect(rates.completed).toBe(4)
    expect(rates.due).toBe(6)
    expect(rates.completionRate).toBe(0.4)
    expect(rates.dueCompletionRate).toBe(4 / 6)
    expect(rates.onTimeRate).toBe(0.75)
  })

  it('never exceeds 100% when tasks are completed ahead of their deadline', () => {
    const rates = computeRates(counts({ assigned: 5, doneOnTime: 5 }))
    expect(rates.dueCompletionRate).toBe(1)
    expect(rates.completionRate).toBe(1)
  })

  it('is null rather than 0 when there is nothing to divide by', () => {
    expect(computeRates(emptyCounts())).toEqual({
      completed: 0,
      due: 0,
      completionRate: null,
      dueCompletionRate: null,
      onTimeRate: null,
    })
    const onlyStanding = computeRates(counts({ assigned: 3, standing: 3 }))
    expect(onlyStanding.completionRate).toBeNull()
    const notYetDue = computeRates(counts({ assigned: 2, inProgress: 2 }))
    expect(notYetDue.completionRate).toBe(0)
    expect(notYetDue.dueCompletionRate).toBeNull()
    expect(notYetDue.onTimeRate).toBeNull()
  })

  it('gives 0 on-time when everything completed was late', () => {
    expect(computeRates(counts({ assigned: 2, doneLate: 2 })).onTimeRate).toBe(0)
  })
})

describe('formatPercent', () => {
  it('reproduces the figures leaders quote', () => {
    expect(formatPercent(296, 845)).toBe('35,03%')
    expect(formatPercent(1384, 3003)).toBe('46,09%')
    expect(formatPercent(86, 699, 1)).toBe('12,3%')
  })

  it('keeps a fixed number of decimals', () => {
    expect(formatPercent(1, 2)).toBe('50,00%')
    expect(formatPercent(1, 1)).toBe('100,00%')
    expect(formatPercent(0, 5)).toBe('0,00%')
    expect(formatPercent(1, 3)).toBe('33,33%')
    expect(formatPercent(2, 3)).toBe('66,67%')
    expect(formatPercent(1, 3, 0)).toBe('33%')
    expect(formatPercent(2, 3, 0)).toBe('67%')
    expect(formatPercent(1, 3, 4)).toBe('33,3333%')
  })

  it('rounds half up exactly', () => {
    expect(formatPercent(1, 8)).toBe('12,50%')
    expect(formatPercent(1, 8, 1)).toBe('12,5%')
    expect(formatPercent(1, 8, 0)).toBe('13%')
    expect(formatPercent(1, 16)).toBe('6,25%')
    expect(formatPercent(1, 16, 1)).toBe('6,3%')
    expect(formatPercent(1, 40, 0)).toBe('3%')
    expect(formatPercent(201, 2000, 1)).toBe('10,1%')
    expect(formatPercent(1005, 100_000)).toBe('1,01%')
    expect(formatPercent(1, 200, 0)).toBe('1%')
    expect(formatPercent(1, 1600)).toBe('0,06%')
  })

  it('groups thousands with dots above 999%', () => {
    expect(formatPercent(123, 10)).toBe('1.230,00%')
  })

  it('is a dash when the denominator is 0', () => {
    expect(formatPercent(0, 0)).toBe('—')
    expect(formatPercent(5, 0)).toBe('—')
  })

  it('handles signs without a negative zero', () => {
    expect(formatPercent(-1, 4)).toBe('-25,00%')
    expect(formatPercent(1, -4)).toBe('-25,00%')
    expect(formatPercent(-1, 100_000)).toBe('0,00%')
  })

  it('falls back to the ratio for non-integer inputs', () => {
    expect(formatPercent(0.5, 2)).toBe('25,00%')
    expect(formatPercent(Number.NaN, 2)).toBe('—')
  })

  it('rejects an impossible number of decimals', () => {
    expect(() => formatPercent(1, 2, -1)).toThrow(RangeError)
    expect(() => formatPercent(1, 2, 1.5)).toThrow(RangeError)
    expect(() => formatPercent(1, 2, 21)).toThrow(RangeError)
  })
})

describe('formatRate', () => {
  it('formats a ratio as a Vietnamese percentage', () => {
    expect(formatRate(0.3503)).toBe('35,03%')
    expect(formatRate(296 / 845)).toBe('35,03%')
    expect(formatRate(1384 / 3003)).toBe('46,09%')
    expect(formatRate(86 / 699, 1)).toBe('12,3%')
    expect(formatRate(1)).toBe('100,00%')
    expect(formatRate(0)).toBe('0,00%')
    expect(formatRate(0.5, 0)).toBe('50%')
  })

  it('rounds the decimal value, not its binary approximation', () => {
    expect(formatRate(0.01005)).toBe('1,01%')
    expect(formatRate(0.001005, 3)).toBe('0,101%')
    expect(formatRate(0.12345, 2)).toBe('12,35%')
    expect(formatRate(0.0285, 1)).toBe('2,9%')
    expect(formatRate(0.00125, 1)).toBe('0,1%')
    expect(formatRate(0.00125, 2)).toBe('0,13%')
  })

  it('carries a rounding into the next digit', () => {
    expect(formatRate(0.99999)).toBe('100,00%')
    expect(formatRate(0.0999, 0)).toBe('10%')
    expect(formatRate(9.99999)).toBe('1.000,00%')
  })

  it('handles very small and negative ratios', () => {
    expect(formatRate(1e-9)).toBe('0,00%')
    expect(formatRate(5e-5, 3)).toBe('0,005%')
    expect(formatRate(-0.25)).toBe('-25,00%')
    expect(formatRate(-1e-9)).toBe('0,00%')
  })

  it('is a dash for no value', () => {
    expect(formatRate(null)).toBe('—')
    expect(formatRate(Number.NaN)).toBe('—')
    expect(formatRate(Number.POSITIVE_INFINITY)).toBe('—')
  })
})

describe('formatNumber', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(7)).toBe('7')
    expect(formatNumber(999)).toBe('999')
    expect(formatNumber(1384)).toBe('1.384')
    expect(formatNumber(3003)).toBe('3.003')
    expect(formatNumber(100_000)).toBe('100.000')
    expect(formatNumber(1_234_567)).toBe('1.234.567')
  })

  it('writes decimals after a comma and keeps the sign', () => {
    expect(formatNumber(1384.5)).toBe('1.384,5')
    expect(formatNumber(0.25)).toBe('0,25')
    expect(formatNumber(-1384)).toBe('-1.384')
    expect(formatNumber(-0)).toBe('0')
  })

  it('writes large numbers without exponent', () => {
    expect(formatNumber(1e21)).toBe('1.000.000.000.000.000.000.000')
  })

  it('is a dash for no value', () => {
    expect(formatNumber(Number.NaN)).toBe('—')
  })
})
