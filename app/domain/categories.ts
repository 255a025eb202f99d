// Task categories as of a date, the counts and rates rolled up from them, and their Vietnamese formatting.
import type { IsoDate } from '../../db/reference/types'
import { diffDays } from './dates'

export type TaskCategory = 'done_on_time' | 'done_late' | 'in_progress' | 'overdue' | 'standing' | 'cancelled'

export const TASK_CATEGORIES: readonly TaskCategory[] = [
  'done_on_time',
  'done_late',
  'in_progress',
  'overdue',
  'standing',
  'cancelled',
]

export const CATEGORY_LABELS: Record<TaskCategory, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  in_progress: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn',
  standing: 'Thường xuyên',
  cancelled: 'Đã hủy',
}

export type TaskStatus = 'open' | 'pending' | 'completed' | 'cancelled'

export interface CategorizableTask {
  status: TaskStatus
  /** The latest approved deadline; null for a standing task. */
  dueOn: IsoDate | null
  completedOn: IsoDate | null
}

/**
 * The category of a task as of a date (ISO dates compare correctly as strings).
 * Only a confirmed completion counts: 'pending' is the agency's claim, which the office may still return.
 * A completion dated after asOf had not happened yet, so reports for past dates stay reproducible.
 * A 'completed' task without a completion date cannot be judged on time or late; it is treated as not
 * completed so that bad data never inflates an agency's rates.
 */
export function categorize(task: CategorizableTask, asOf: IsoDate): TaskCategory {
  if (task.status === 'cancelled') return 'cancelled'
  if (task.dueOn === null) return 'standing'
  const completedOn = task.status === 'completed' ? task.completedOn : null
  if (completedOn !== null && completedOn <= asOf) return completedOn <= task.dueOn ? 'done_on_time' : 'done_late'
  return asOf <= task.dueOn ? 'in_progress' : 'overdue'
}

/** Days past the deadline as of asOf; 0 on or before the deadline and for standing tasks. */
export function daysOverdue(dueOn: IsoDate | null, asOf: IsoDate): number {
  if (dueOn === null) return 0
  return Math.max(0, diffDays(asOf, dueOn))
}

/** Calendar days until the deadline (0 on the day itself and after it); null for standing tasks. */
export function daysLeft(dueOn: IsoDate | null, asOf: IsoDate): number | null {
  if (dueOn === null) return null
  return Math.max(0, diffDays(dueOn, asOf))
}

/**
 * True when the deadline falls within the next `days` calendar days, today included, and has not passed.
 * Calendar days for now: "sắp đến hạn" is meant in working days, which need the holiday calendar, and will
 * replace this. Whether the task is still open is the caller's concern.
 */
export function isDueSoon(dueOn: IsoDate | null, asOf: IsoDate, days: number): boolean {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Days must be a non-negative integer, got ${days}`)
  if (dueOn === null) return false
  const left = diffDays(dueOn, asOf)
  return left >= 0 && left <= days
}

export interface CategoryCounts {
  /** Every task that is not cancelled, standing tasks included. */
  assigned: number
  doneOnTime: number
  doneLate: number
  inProgress: number
  overdue: number
  standing: number
}

export function emptyCounts(): CategoryCounts {
  return { assigned: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0, standing: 0 }
}

/** The counts field each category adds to (cancelled tasks count nowhere). */
export const COUNT_FIELD: Record<Exclude<TaskCategory, 'cancelled'>, Exclude<keyof CategoryCounts, 'assigned'>> = {
  done_on_time: 'doneOnTime',
  done_late: 'doneLate',
  in_progress: 'inProgress',
  overdue: 'overdue',
  standing: 'standing',
}

/** New counts with one more task of this category; cancelled tasks count nowhere. */
export function addToCounts(counts: CategoryCounts, category: TaskCategory): CategoryCounts {
  if (category === 'cancelled') return { ...counts }
  const field = COUNT_FIELD[category]
  return { ...counts, assigned: counts.assigned + 1, [field]: counts[field] + 1 }
}

/** Sum of counts, for rolling agencies up the agency tree. */
export function sumCounts(...all: CategoryCounts[]): CategoryCounts {
  return all.reduce(
    (acc, c) => ({
      assigned: acc.assigned + c.assigned,
      doneOnTime: acc.doneOnTime + c.doneOnTime,
      doneLate: acc.doneLate + c.doneLate,
      inProgress: acc.inProgress + c.inProgress,
      overdue: acc.overdue + c.overdue,
      standing: acc.standing + c.standing,
    }),
    emptyCounts(),
  )
}

export interface Rates {
  completed: number
  due: number
  completionRate: number | null
  dueCompletionRate: number | null
  onTimeRate: number | null
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator
}

/**
 * The three rates of DOMAIN.md; null when there is nothing to divide by, which reads '—', never 0%.
 *
 * completionRate = completed ÷ (assigned − standing): "completed ÷ assigned" counts tasks with a deadline,
 * since standing tasks are counted apart and are never completed in the sense of the report.
 *
 * dueCompletionRate = completed ÷ due, the Government Office's form, where due = completed + overdue: the
 * tasks whose outcome is settled as of the date. Taking "deadline already passed" literally would leave a
 * task completed ahead of its deadline in the numerator but not the denominator, and the rate could exceed
 * 100%; tasks still in progress within their deadline are not yet due and do not lower it.
 *
 * onTimeRate = done on time ÷ completed.
 */
export function computeRates(c: CategoryCounts): Rates {
  const completed = c.doneOnTime + c.doneLate
  const due = completed + c.overdue
  return {
    completed,
    due,
    completionRate: ratio(completed, c.assigned - c.standing),
    dueCompletionRate: ratio(completed, due),
    onTimeRate: ratio(c.doneOnTime, completed),
  }
}

const NO_VALUE = '—'

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`Decimals must be an integer 0–20, got ${decimals}`)
  }
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/** Vietnamese number format from a sign and a non-negative decimal string such as '1384.5'. */
function vietnameseDecimal(negative: boolean, plain: string): string {
  const [whole, fraction] = plain.split('.')
  const body = groupThousands(whole) + (fraction ? ',' + fraction : '')
  return negative && /[1-9]/.test(plain) ? '-' + body : body
}

/** Exact decimal digits of a finite non-negative number, as written in its shortest round-trip form. */
function plainDecimal(x: number): string {
  const s = String(x)
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s)
  if (!m) return s
  const digits = m[1] + (m[2] ?? '')
  const point = m[1].length + Number(m[3])
  if (point <= 0) return '0.' + '0'.repeat(-point) + digits
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length)
  return digits.slice(0, point) + '.' + digits.slice(point)
}

/** Rounds a non-negative decimal string half up, working on its digits so that 1.005 → 1.01. */
function roundDecimalString(plain: string, decimals: number): string {
  const [whole, fraction = ''] = plain.split('.')
  const padded = fraction.padEnd(decimals + 1, '0')
  let scaled = BigInt(whole + padded.slice(0, decimals))
  if (padded.charCodeAt(decimals) >= '5'.charCodeAt(0)) scaled += 1n
  return scaledToDecimal(scaled, decimals)
}

function scaledToDecimal(scaled: bigint, decimals: number): string {
  const digits = scaled.toString().padStart(decimals + 1, '0')
  if (decimals === 0) return digits
  return digits.slice(0, -decimals) + '.' + digits.slice(-decimals)
}

/** A percentage written the Vietnamese way with a fixed number of decimals: 0.3503 → '35,03%'; null → '—'. */
export function formatRate(rate: number | null, decimals = 2): string {
  assertDecimals(decimals)
  if (rate === null || !Number.isFinite(rate)) return NO_VALUE
  // toPrecision(15) drops the binary noise of the multiplication (0.3503 × 100 = 35.029999999999994).
  const percent = Number((Math.abs(rate) * 100).toPrecision(15))
  return vietnameseDecimal(rate < 0, roundDecimalString(plainDecimal(percent), decimals)) + '%'
}

/**
 * numerator ÷ denominator as a percentage: 296/845 → '35,03%', 86/699 at one decimal → '12,3%', 0/0 → '—'.
 * Counts are integers, so the rounding is done exactly on them and never meets floating-point error.
 */
export function formatPercent(numerator: number, denominator: number, decimals = 2): string {
  assertDecimals(decimals)
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return NO_VALUE
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    return formatRate(numerator / denominator, decimals)
  }
  const negative = (numerator < 0) !== (denominator < 0)
  const n = BigInt(Math.abs(numerator)) * 100n * 10n ** BigInt(decimals)
  const d = BigInt(Math.abs(denominator))
  // Half up: floor((2n + d) / 2d) rounds n/d to the nearest integer, ties upwards.
  const scaled = (2n * n + d) / (2n * d)
  return vietnameseDecimal(negative, scaledToDecimal(scaled, decimals)) + '%'
}

/** A number the Vietnamese way: '.' between thousands, ',' before decimals: 1384 → '1.384'. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return NO_VALUE
  return vietnameseDecimal(n < 0, plainDecimal(Math.abs(n)))
}
