// Admin settings (reminder days, escalation, extensions) and the holiday calendar, each change recorded in history.
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { holidays, settings } from '../../db/schema'
import { createCalendar } from '../domain/working-days'
import { ValidationError } from '../lib/errors'
import { appendHistory, type Tx } from './history.server'

export const SETTING_DEFAULTS = {
  reminderOffsets: [7, 3, 1, 0] as number[],
  escalationWorkingDays: 10,
  maxExtensions: 2,
  /**
   * The heading of printed annexes (the overdue list): the issuing office as written on official documents, one or
   * two lines ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" / "VĂN PHÒNG"). Empty until an admin sets it.
   */
  issuingOffice: '',
}
export type SettingKey = keyof typeof SETTING_DEFAULTS

/** The settings in force, each falling back to its default when unset or malformed. */
export function readSettings(db: Pick<Tx, 'select'>): typeof SETTING_DEFAULTS {
  const stored = new Map(db.select().from(settings).all().map((r) => [r.key, r.value]))
  const int = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
  const offsets = stored.get('reminderOffsets')
  return {
    reminderOffsets: Array.isArray(offsets) && offsets.length > 0 && offsets.every((n) => int(n, 0, 60)) ? (offsets as number[]) : SETTING_DEFAULTS.reminderOffsets,
    escalationWorkingDays: int(stored.get('escalationWorkingDays'), 1, 120) ? (stored.get('escalationWorkingDays') as number) : SETTING_DEFAULTS.escalationWorkingDays,
    maxExtensions: int(stored.get('maxExtensions'), 0, 10) ? (stored.get('maxExtensions') as number) : SETTING_DEFAULTS.maxExtensions,
    issuingOffice: isIssuingOffice(stored.get('issuingOffice')) ? (stored.get('issuingOffice') as string) : SETTING_DEFAULTS.issuingOffice,
  }
}

function isIssuingOffice(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 300 && v.split('\n').length <= 2
}

/** The issuing office's heading as at most two trimmed, non-empty lines. */
export function issuingOfficeLines(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 2)
}

export function saveSettings(db: Db, actorId: number, next: Omit<typeof SETTING_DEFAULTS, 'issuingOffice'> & { issuingOffice?: string }): void {
  const errors: Record<string, string> = {}
  if (next.reminderOffsets.length === 0 || next.reminderOffsets.length > 10 || next.reminderOffsets.some((n) => !Number.isInteger(n) || n < 0 || n > 60)) {
    errors.reminderOffsets = 'Nhập từ 1 đến 10 số ngày làm việc, mỗi số từ 0 đến 60, ngăn cách bằng dấu phẩy.'
  }
  if (!Number.isInteger(next.escalationWorkingDays) || next.escalationWorkingDays < 1 || next.escalationWorkingDays > 120) errors.escalationWorkingDays = 'Nhập số ngày làm việc từ 1 đến 120.'
  if (!Number.isInteger(next.maxExtensions) || next.maxExtensions < 0 || next.maxExtensions > 10) errors.maxExtensions = 'Nhập số lần gia hạn từ 0 đến 10.'
  // A caller that does not pass the heading keeps the one in force.
  const office = next.issuingOffice === undefined ? undefined : issuingOfficeLines(next.issuingOffice).join('\n')
  if (next.issuingOffice !== undefined && (next.issuingOffice.split('\n').filter((l) => l.trim()).length > 2 || (office ?? '').length > 300)) {
    errors.issuingOffice = 'Nhập tối đa 2 dòng, tổng cộng không quá 300 ký tự.'
  }
  if (Object.keys(errors).length) throw new ValidationError(errors)
  next = { ...next, issuingOffice: office }
  const before = readSettings(db)
  db.transaction((tx) => {
    for (const key of Object.keys(SETTING_DEFAULTS) as SettingKey[]) {
      const value = key === 'reminderOffsets' ? [...new Set(next.reminderOffsets)].sort((a, b) => b - a) : (next[key] ?? before[key])
      if (JSON.stringify(value) === JSON.stringify(before[key])) continue
      tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run()
      appendHistory(tx, { actorId, entity: 'setting', entityId: 0, action: 'setting_changed', before: { [key]: before[key] }, after: { [key]: value } })
    }
  })
}

export const HOLIDAY_KIND_LABELS = { holiday: 'Ngày lễ, Tết', compensatory: 'Nghỉ bù', makeup_workday: 'Làm bù (thứ Bảy đi làm)' } as const

export function addHoliday(db: Db, actorId: number, entry: { date: string; name: string; kind: keyof typeof HOLIDAY_KIND_LABELS }): void {
  if (entry.name.trim().length < 2 || entry.name.length > 200) throw new ValidationError({ name: 'Nhập tên ngày nghỉ (2–200 ký tự).' })
  if (db.select().from(holidays).where(eq(holidays.date, entry.date)).get()) throw new ValidationError({ date: 'Ngày này đã có trong lịch.' })
  const all = [...db.select().from(holidays).all(), entry]
  try {
    createCalendar(all)
  } catch (error) {
    throw new ValidationError({ date: error instanceof Error ? error.message : 'Ngày không hợp lệ.' })
  }
  db.transaction((tx) => {
    tx.insert(holidays).values({ ...entry, name: entry.name.trim() }).run()
    appendHistory(tx, { actorId, entity: 'setting', entityId: 0, action: 'holiday_added', after: entry })
  })
}

export function removeHoliday(db: Db, actorId: number, date: string): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(holidays).where(eq(holidays.date, date)).get()
    if (!row) return false
    tx.delete(holidays).where(eq(holidays.date, date)).run()
    appendHistory(tx, { actorId, entity: 'setting', entityId: 0, action: 'holiday_removed', before: row })
    return true
  })
}
