// How history entries read in Vietnamese: a label per action and a short before → after summary.
import { formatVnDate } from '../domain/dates'

const LABELS: Record<string, string> = {
  directive_created: 'Nhập văn bản',
  directive_edited: 'Sửa thông tin văn bản',
  directive_closed: 'Văn bản hoàn thành (mọi nhiệm vụ đã được xác nhận)',
  directive_reopened: 'Mở lại văn bản (giao thêm nhiệm vụ)',
  directive_cancelled: 'Hủy văn bản',
  directive_replaced: 'Văn bản được thay thế',
  item_created: 'Thêm nhiệm vụ vào văn bản',
  task_assigned: 'Tạo và giao nhiệm vụ',
  task_edited: 'Sửa nhiệm vụ',
  task_cancelled: 'Hủy nhiệm vụ',
  progress_reported: 'Báo cáo tiến độ',
  completion_proposed: 'Đề nghị xác nhận hoàn thành',
  completion_confirmed: 'Xác nhận hoàn thành',
  completion_returned: 'Trả lại kết quả',
  extension_requested: 'Đề nghị gia hạn',
  extension_approved: 'Duyệt gia hạn',
  extension_refused: 'Từ chối gia hạn',
  agency_transferred: 'Chuyển cho cơ quan kế thừa',
  user_created: 'Tạo tài khoản',
  user_edited: 'Sửa tài khoản',
  password_changed: 'Đổi mật khẩu',
  calendar_link_created: 'Tạo liên kết lịch nhiệm vụ',
  calendar_link_revoked: 'Thu hồi liên kết lịch nhiệm vụ',
  password_reset: 'Cấp lại mật khẩu',
  agency_created: 'Thêm cơ quan',
  agency_edited: 'Sửa cơ quan',
  agency_alias_added: 'Lưu tên gọi khác của cơ quan (khi nhập văn bản)',
  became_overdue: 'Chuyển sang quá hạn',
  overdue_escalated: 'Báo cáo lãnh đạo: quá hạn kéo dài',
  setting_changed: 'Đổi cài đặt',
  holiday_added: 'Thêm ngày nghỉ',
  holiday_removed: 'Xóa ngày nghỉ',
}

export function historyActionLabel(action: string): string {
  return LABELS[action] ?? action
}

const FIELD_LABELS: Record<string, string> = {
  dueOn: 'hạn',
  originalDueOn: 'hạn gốc',
  status: 'trạng thái',
  percent: 'tiến độ',
  content: 'nội dung',
  isKey: 'trọng tâm',
  note: 'nội dung',
  reason: 'lý do',
  delayReason: 'lý do chậm',
  proposedDueOn: 'hạn đề nghị',
  currentDueOn: 'hạn hiện tại',
  completedOn: 'ngày hoàn thành',
  evidenceNumber: 'văn bản kết quả',
  evidenceDate: 'ngày văn bản',
  leads: 'chủ trì',
  actingLeads: 'chủ trì hiện nay',
  supports: 'phối hợp',
  period: 'kỳ',
  agency: 'cơ quan',
  role: 'vai trò',
  overdueSince: 'quá hạn từ',
  workingDaysOverdue: 'số ngày làm việc quá hạn',
}

const STATUS_WORDS: Record<string, string> = {
  open: 'đang thực hiện',
  pending: 'chờ xác nhận',
  completed: 'hoàn thành',
  cancelled: 'đã hủy',
  closed: 'đã hoàn thành',
  replaced: 'được thay thế',
}

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatVnDate(value)
  if (key === 'status' && typeof value === 'string') return STATUS_WORDS[value] ?? value
  if (key === 'percent') return `${value}%`
  if (key === 'role' && typeof value === 'string') return value === 'lead' ? 'chủ trì' : value === 'support' ? 'phối hợp' : value
  if (typeof value === 'boolean') return value ? 'có' : 'không'
  if (Array.isArray(value)) return value.join(', ')
  const s = typeof value === 'string' ? value : JSON.stringify(value)
  return s.length > 160 ? s.slice(0, 159) + '…' : s
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {}
  try {
    const v = JSON.parse(json)
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {}
  } catch {
    return {}
  }
}

/** "hạn: 30/06/2023 → 31/07/2023; lý do: …" from the entry's before and after. */
export function describeHistoryChange(before: string | null, after: string | null): string {
  const b = parse(before)
  const a = parse(after)
  const parts: string[] = []
  for (const key of Object.keys(FIELD_LABELS)) {
    const inBefore = key in b
    const inAfter = key in a
    if (!inBefore && !inAfter) continue
    if (inBefore && inAfter && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue
    const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
    if (!inBefore && empty(a[key])) continue
    if (key === 'actingLeads' && JSON.stringify(a.actingLeads) === JSON.stringify(a.leads)) continue
    const label = FIELD_LABELS[key]
    parts.push(inBefore && inAfter ? `${label}: ${show(key, b[key])} → ${show(key, a[key])}` : `${label}: ${show(key, inAfter ? a[key] : b[key])}`)
  }
  return parts.join('; ')
}
