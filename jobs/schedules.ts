// When each job runs: cron patterns read in Asia/Ho_Chi_Minh, shared by BullMQ's schedulers and the in-process mode.
import { CronExpressionParser } from 'cron-parser'
import { TIME_ZONE } from '../app/domain/dates'

export interface Schedule {
  job: 'overdue' | 'rollup' | 'reminders' | 'digest' | 'deliver'
  cron: string
  label: string
}

export const SCHEDULES: Schedule[] = [
  { job: 'overdue', cron: '5 0 * * *', label: 'Rà soát quá hạn — 00:05 hằng ngày' },
  { job: 'rollup', cron: '15 0 * * *', label: 'Chốt số liệu theo cơ quan — 00:15 hằng ngày' },
  { job: 'reminders', cron: '30 7 * * *', label: 'Nhắc việc — 07:30 mỗi ngày làm việc' },
  { job: 'digest', cron: '0 7 * * 1', label: 'Tổng hợp cho lãnh đạo — 07:00 thứ Hai' },
  { job: 'deliver', cron: '* * * * *', label: 'Gửi thư trong hàng đợi — mỗi phút' },
]

export function nextRun(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { tz: TIME_ZONE, currentDate: after }).next().toDate()
}
