// What a start does before serving: migrate, load reference data and holidays, and on an empty database the demo (unless production).
import type { Db } from './client'
import { loadDemoData, type DemoLogin } from './seed/demo'
import { loadReferenceData } from './seed/reference'
import { loadHolidays } from '../jobs/calendar'

export interface StartupResult {
  referenceInserted: number
  demoLogins: DemoLogin[] | null
}

export async function prepareDatabase(db: Db, options: { demo: boolean }): Promise<StartupResult> {
  const referenceInserted = loadReferenceData(db)
  loadHolidays(db)
  const demoLogins = options.demo ? await loadDemoData(db) : null
  return { referenceInserted, demoLogins }
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length))
  const lines = logins.map((l) => `  ${l.email.padEnd(width)}  ${l.password}   ${l.role}${l.agency ? ` (${l.agency})` : ''}`)
  return [
    'Tài khoản demo (mật khẩu chỉ in một lần; đổi mật khẩu ở lần đăng nhập đầu):',
    ...lines,
  ].join('\n')
}
